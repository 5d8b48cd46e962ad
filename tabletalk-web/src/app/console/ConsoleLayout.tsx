import { createContext, type ReactNode, useContext } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { ResourceView } from '@/components/console/ResourceView';
import { fetchMe, isAdmin, type Me } from '@/features/account/api/account-api';
import { SignOutButton } from '@/features/account/components/SignOutButton';
import { useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';

const SignedInUser = createContext<Me | null>(null);

/** The signed-in user, for screens under the signed-in layout. */
export function useSignedInUser(): Me {
  const user = useContext(SignedInUser);
  if (!user) throw new Error('useSignedInUser outside the signed-in console layout');
  return user;
}

function Frame({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-5xl flex-col px-5 pb-10 md:px-8">
      <a
        href="#console-main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded-xl focus:bg-surface focus:p-3"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b-2 border-line py-3">
        <Link to={consolePaths.home()} className="rounded-lg py-2 text-lg font-bold tracking-wide text-accent">
          Table-Talk console
        </Link>
        {nav}
      </header>
      <main id="console-main" className="flex flex-1 flex-col pt-6">
        {children}
      </main>
    </div>
  );
}

const navClasses = ({ isActive }: { isActive: boolean }) =>
  'rounded-xl px-3 py-2 font-semibold ' + (isActive ? 'bg-accent-soft text-ink' : 'text-accent hover:underline');

function SignedInNav({ user }: { user: Me }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <nav aria-label="Console">
        <ul className="flex flex-wrap gap-2">
          <li>
            <NavLink to={consolePaths.restaurants()} className={navClasses}>
              Restaurants
            </NavLink>
          </li>
          {isAdmin(user) ? (
            <li>
              <NavLink to={consolePaths.audit()} className={navClasses}>
                Audit log
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <span className="text-base text-muted">
        {user.email} · {isAdmin(user) ? 'admin' : user.role}
      </span>
      <SignOutButton />
    </div>
  );
}

/** Screens for people who are not signed in (sign-in, invite, reset). */
export function SignedOutLayout() {
  return (
    <Frame>
      <div className="mx-auto w-full max-w-md">
        <Outlet />
      </div>
    </Frame>
  );
}

/** Asks who is signed in first (a 401 goes to sign-in and back), then shows the screen. */
export function SignedInLayout() {
  const { state, reload } = useConsoleResource((signal) => fetchMe(signal), []);
  return (
    <Frame nav={state.status === 'ready' ? <SignedInNav user={state.data} /> : null}>
      <ResourceView state={state} loadingLabel="Loading the console…" onRetry={reload}>
        {(user) => (
          <SignedInUser.Provider value={user}>
            <Outlet />
          </SignedInUser.Provider>
        )}
      </ResourceView>
    </Frame>
  );
}
