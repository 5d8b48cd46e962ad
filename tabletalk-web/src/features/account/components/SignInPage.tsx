import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { Field } from '@/components/console/Field';
import { ProblemNotice } from '@/components/console/Notices';
import { isApiError } from '@/lib/api-client';
import { useConsoleAction } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { signIn } from '../api/account-api';

/** `next`: where to go once signed in (already checked to be a console path). */
export function SignInPage({ next }: { next: string }) {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => signIn(email.trim(), password));
    if (result.ok) {
      navigate(next, { replace: true });
    } else if (isApiError(result.error, 'invalid_credentials')) {
      // A wrong password is typed again; the email usually stays right.
      setPassword('');
    }
  }

  return (
    <ConsolePage title="Sign in to the console">
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ProblemNotice error={error} />
        <Button type="submit" disabled={pending || email.trim() === '' || password === ''}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <p>
        <Link to={consolePaths.resetRequest()} className="text-accent underline underline-offset-4">
          Forgot your password?
        </Link>
      </p>
    </ConsolePage>
  );
}
