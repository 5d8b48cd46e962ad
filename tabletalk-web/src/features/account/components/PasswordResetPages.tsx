import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { completePasswordReset, requestPasswordReset } from '../api/account-api';
import { NewPasswordForm } from './NewPasswordForm';

export function PasswordResetRequestPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((await run(() => requestPasswordReset(email.trim()))).ok) setSent(true);
  }

  return (
    <ConsolePage title="Reset your password">
      <p>We’ll email you a link to choose a new password. It works once, for one hour.</p>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <ProblemNotice error={error} />
        <Button type="submit" disabled={pending || email.trim() === ''}>
          {pending ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
      <StatusLine>
        {sent
          ? 'If this email has an account, a reset link is on its way. No email after a few minutes? Email may not be set up here: ask a Table-Talk admin for a reset link.'
          : null}
      </StatusLine>
      <p>
        <Link to={consolePaths.signIn()} className="text-accent underline underline-offset-4">
          Back to sign-in
        </Link>
      </p>
    </ConsolePage>
  );
}

export function PasswordResetPage({ token }: { token: string }) {
  const navigate = useNavigate();
  return (
    <ConsolePage title="Choose a new password">
      <p>Setting a new password signs you out everywhere else.</p>
      <NewPasswordForm
        submitLabel="Save password and sign in"
        onSubmit={async (password) => {
          await completePasswordReset(token, password);
          navigate(consolePaths.home(), { replace: true });
        }}
      />
    </ConsolePage>
  );
}
