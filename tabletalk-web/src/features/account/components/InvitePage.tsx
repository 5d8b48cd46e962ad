import { useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { ResourceView } from '@/components/console/ResourceView';
import { isApiError } from '@/lib/api-client';
import { useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { acceptInvite, checkInvite } from '../api/account-api';
import { NewPasswordForm } from './NewPasswordForm';

// Unknown, used and expired links all get the same answer (404 or 410).
const isDeadLink = (error: unknown) => isApiError(error, 'not_found') || (isApiError(error) && error.status === 410);

/** Opening an invite link: choose a password, and be signed in. */
export function InvitePage({ token }: { token: string }) {
  const navigate = useNavigate();
  const { state, reload } = useConsoleResource((signal) => checkInvite(token, signal), [token]);

  if (state.status === 'failed' && isDeadLink(state.error)) {
    return (
      <ConsolePage title="This invite link no longer works">
        <p>
          Invite links work once and expire after 7 days. Ask whoever invited you for a new one. If you already set your
          password, sign in.
        </p>
        <div>
          <ButtonLink to={consolePaths.signIn()}>Go to sign-in</ButtonLink>
        </div>
      </ConsolePage>
    );
  }

  return (
    <ConsolePage title="Set your password">
      <ResourceView state={state} loadingLabel="Checking your invite…" onRetry={reload}>
        {(email) => (
          <>
            <p>
              You are joining the Table-Talk console as <strong>{email}</strong>.
            </p>
            <NewPasswordForm
              email={email}
              submitLabel="Set password and sign in"
              onSubmit={async (password) => {
                await acceptInvite(token, password);
                navigate(consolePaths.home(), { replace: true });
              }}
            />
          </>
        )}
      </ResourceView>
    </ConsolePage>
  );
}
