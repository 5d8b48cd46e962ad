import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { parseScannedLink, pathForScannedLink } from '@/lib/links';

/** Typing a table's code, or pasting the link its QR code holds. */
export function TableCodeForm() {
  const navigate = useNavigate();
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const link = parseScannedLink(value);
    if (!link) {
      setError('This code doesn’t look right. It uses letters, digits, - and _ only.');
      return;
    }
    navigate(pathForScannedLink(link));
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <label htmlFor={inputId} className="font-semibold">
        Table code
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="tableCode"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          autoCapitalize="none"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-h-12 min-w-0 flex-1 basis-40 rounded-2xl border-2 border-line bg-surface px-4 text-lg text-ink"
        />
        <Button type="submit" variant="secondary">
          Open
        </Button>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-base">
          {error}
        </p>
      ) : null}
    </form>
  );
}
