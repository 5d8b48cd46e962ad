import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ProblemNotice } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { signOut } from '../api/account-api';

export function SignOutButton() {
  const navigate = useNavigate();
  const { run, pending, error } = useConsoleAction();

  async function leave() {
    const result = await run(signOut);
    if (result.ok) navigate(consolePaths.signIn(), { replace: true });
  }

  return (
    <div className="flex flex-col items-end">
      <Button variant="quiet" onClick={() => void leave()} disabled={pending}>
        Sign out
      </Button>
      <ProblemNotice error={error} />
    </div>
  );
}
