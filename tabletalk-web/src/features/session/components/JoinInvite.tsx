import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { paths } from '@/lib/links';
import { sessionJoinQrUrl } from '../api/session-api';

/** Dual mode, first phone: the QR code and link the second phone opens to join. */
export function JoinInvite({ sessionId }: { sessionId: string }) {
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
