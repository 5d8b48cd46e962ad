import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field, inputClasses } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleAction, useConsoleResource } from '@/lib/console/hooks';
import { type Invite, inviteManager, listManagers, type Manager, removeManager } from '../api/restaurant-api';
import { RestaurantSection } from './RestaurantSection';

function InviteLink({ invite, email }: { invite: Invite; email: string }) {
  const linkRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invite.link);
      setCopied(true);
    } catch {
      // No clipboard access (permissions, older browser): select the link so a keyboard copy works.
      linkRef.current?.select();
    }
  }

  return (
    <div className="flex flex-col gap-3 rounded-2xl bg-accent-soft p-4">
      <p>
        {invite.emailed
          ? `The invite was emailed to ${email}. You can also send them this link yourself:`
          : `Email is not configured here, so nothing was sent: copy this link and send it to ${email} yourself.`}
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor="invite-link" className="sr-only">
          Invite link for {email}
        </label>
        <input id="invite-link" ref={linkRef} readOnly value={invite.link} className={`${inputClasses} flex-1`} />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </Button>
      </div>
      <p className="text-base text-muted">The link works once and expires in 7 days.</p>
    </div>
  );
}

function InviteForm({ slug, onInvited }: { slug: string; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<{ invite: Invite; email: string } | null>(null);
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    setSent(null);
    const result = await run(() => inviteManager(slug, address));
    if (result.ok) {
      setSent({ invite: result.value, email: address });
      setEmail('');
      onInvited();
    }
  }

  return (
    <section aria-labelledby="invite-manager" className="flex flex-col gap-4 rounded-2xl bg-surface p-5">
      <h2 id="invite-manager" className="text-xl font-bold">
        Invite a manager
      </h2>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3" noValidate>
        <Field
          label="Their email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <ProblemNotice error={error} />
        <div>
          <Button type="submit" disabled={pending || email.trim() === ''}>
            {pending ? 'Inviting…' : 'Invite'}
          </Button>
        </div>
      </form>
      <div aria-live="polite">{sent ? <InviteLink invite={sent.invite} email={sent.email} /> : null}</div>
    </section>
  );
}

function ManagerList({ slug, managers, onRemoved }: { slug: string; managers: Manager[]; onRemoved: () => void }) {
  const { run, pending, error } = useConsoleAction();
  const [result, setResult] = useState('');

  async function remove(manager: Manager) {
    setResult('');
    const outcome = await run(() => removeManager(slug, manager.email));
    if (outcome.ok) {
      setResult(`${manager.email} no longer manages this restaurant.`);
      onRemoved();
    }
  }

  return (
    <section aria-labelledby="manager-list" className="flex flex-col gap-3">
      <h2 id="manager-list" className="text-xl font-bold">
        Managers
      </h2>
      {managers.length === 0 ? (
        <p className="rounded-2xl bg-surface-muted p-4">Nobody manages this restaurant yet: invite someone above.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {managers.map((manager) => (
            <li
              key={manager.email}
              className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border-2 border-line bg-surface p-4"
            >
              <span className="break-all">
                {manager.email}
                {manager.role && <span className="text-muted"> · {manager.role}</span>}
              </span>
              <Button
                variant="secondary"
                disabled={pending}
                aria-label={`Remove ${manager.email}`}
                onClick={() => void remove(manager)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ProblemNotice error={error} />
      <StatusLine>{result}</StatusLine>
    </section>
  );
}

function Managers({ slug }: { slug: string }) {
  const { state, reload } = useConsoleResource((signal) => listManagers(slug, signal), [slug]);
  return (
    <>
      <InviteForm slug={slug} onInvited={reload} />
      <ResourceView state={state} loadingLabel="Loading managers…" onRetry={reload}>
        {(managers) => <ManagerList slug={slug} managers={managers} onRemoved={reload} />}
      </ResourceView>
    </>
  );
}

export function ManagersPage({ slug }: { slug: string }) {
  return (
    <RestaurantSection slug={slug} title="Managers">
      {() => <Managers slug={slug} />}
    </RestaurantSection>
  );
}
