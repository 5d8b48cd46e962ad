import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { paths } from '@/lib/links';
import type { JoinCode } from '@/lib/messages';
import { getJoinCode } from '../api/rejoin-api';
import { sessionJoinQrUrl } from '../api/session-api';

/** The session's short code, fetched once; null until it arrives (or if the session has none). */
function useShortCode(sessionId: string): JoinCode | null {
  const [code, setCode] = useState<JoinCode | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getJoinCode(sessionId, controller.signal).then(setCode, () => setCode(null));
    return () => controller.abort();
  }, [sessionId]);
  return code;
}

/** The code in two groups of three, as it is easiest to read out and type: "K7M Q3P". */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** Dual mode, first phone: the QR code, short code and link the second phone opens to join. */
export function JoinInvite({ sessionId }: { sessionId: string }) {
  const shortCode = useShortCode(sessionId);
  const joinLink = new URL(paths.join(sessionId), window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(joinLink);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section
      aria-labelledby="join-invite-title"
      className="flex flex-col items-center gap-3 rounded-3xl border-2 border-dashed border-line p-4 text-center"
    >
      <h2 id="join-invite-title" className="text-xl font-semibold">
        Second phone: scan this
      </h2>
      <img
        src={sessionJoinQrUrl(sessionId)}
        alt="QR code that opens this session on another phone"
        width={192}
        height={192}
        className="size-48 rounded-xl bg-plate p-2"
      />
      {shortCode ? (
        <div className="flex flex-col items-center gap-1">
          <p className="text-base text-muted">Or type this code under “Join your partner” on Table-Talk’s home page:</p>
          <p className="font-mono text-[clamp(2rem,1.25rem+5vw,2.75rem)] leading-tight font-bold tracking-[0.2em] break-all">
            <span aria-hidden="true" data-testid="join-code">
              {spacedCode(shortCode.code)}
            </span>
            {/* Read out one character at a time. */}
            <span className="sr-only">Join code: {shortCode.code.split('').join(' ')}</span>
          </p>
          <p className="text-base text-muted">
            Short link:{' '}
            <a href={shortCode.link} className="break-all text-accent underline">
              {shortCode.link}
            </a>
          </p>
        </div>
      ) : null}
      <p className="text-base text-muted">
        Or open{' '}
        <a href={joinLink} className="break-all text-accent underline">
          {joinLink}
        </a>
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {canShare ? (
          <Button
            variant="secondary"
            onClick={() => void navigator.share({ title: 'Join our Table-Talk', url: joinLink }).catch(() => undefined)}
          >
            Share link
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        )}
      </div>
    </section>
  );
}
