import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { normaliseJoinCode, paths } from '@/lib/links';

/** The second phone types the short code its partner's phone shows; the lookup happens on the next screen. */
export function JoinCodeForm() {
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normaliseJoinCode(value);
    if (code) navigate(paths.joinCode(code));
    else setError(true);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <label htmlFor={inputId} className="font-semibold">
        Join your partner
      </label>
      <p id={hintId} role={error ? 'alert' : undefined} className="text-base text-muted">
        {error
          ? 'A code is 6 letters and digits, like K7M Q3P. Check it on your partner’s phone.'
          : 'Type the code shown on your partner’s phone.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="joinCode"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(false);
          }}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={16}
          aria-invalid={error || undefined}
          aria-describedby={hintId}
          className="min-h-12 min-w-0 flex-1 basis-40 rounded-2xl border-2 border-line bg-surface px-4 text-lg tracking-widest text-ink uppercase"
        />
        <Button type="submit" variant="secondary">
          Join
        </Button>
      </div>
    </form>
  );
}
