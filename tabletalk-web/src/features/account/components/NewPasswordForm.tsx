import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import { ProblemNotice } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';

export const minimumPasswordLength = 12;

/** The rules, shown before anything is typed. The server checks them and has the last word. */
export function PasswordRules() {
  return (
    <ul className="list-disc pl-5">
      <li>at least {minimumPasswordLength} characters</li>
      <li>not your email address</li>
      <li>not one of the most common passwords</li>
    </ul>
  );
}

export interface NewPasswordFormProps {
  email?: string | undefined;
  submitLabel: string;
  /** Sends the password; a rejection is shown under the form in the server's words. */
  onSubmit: (password: string) => Promise<void>;
}

export function NewPasswordForm({ email, submitLabel, onSubmit }: NewPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeated) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    await run(() => onSubmit(password));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      {email ? <input type="hidden" autoComplete="username" value={email} readOnly /> : null}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minimumPasswordLength}
        hint={<PasswordRules />}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Field
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        problem={mismatch ? 'The two passwords are not the same.' : null}
        value={repeated}
        onChange={(event) => setRepeated(event.target.value)}
      />
      <ProblemNotice error={error} />
      <Button type="submit" disabled={pending || password === ''}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
