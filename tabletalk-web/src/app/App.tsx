import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { RestaurantTableRoute } from './routes/RestaurantTableRoute';
import { RouteError } from './routes/RouteError';
import { TableRoute } from './routes/TableRoute';

// The restaurant console is its own chunk: a diner's phone never downloads it.
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));
// The deck and the live session are a chunk of their own too: the home page and the table steps load
// without them, and the session page fetches them when a pair starts (or joins) a session.
const SessionRoute = lazy(() => import('./routes/SessionRoute').then((module) => ({ default: module.SessionRoute })));
const JoinRoute = lazy(() => import('./routes/JoinRoute').then((module) => ({ default: module.JoinRoute })));

/** What a lazily loaded diner page shows while its code arrives: the same screen its own loading state uses. */
function LoadingScreen({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Screen title={title} hideTitle>
          <Loading label={label} />
        </Screen>
      }
    >
      {children}
    </Suspense>
  );
}
// A typed or linked join code: looked up on its own screen, loaded when needed.
const JoinCodeRoute = lazy(() => import('./routes/JoinCodeRoute'));

/**
 * Every step that has to survive a refresh keeps what it needs in the URL: the table code, then
 * how long the two have been together (or the kind of questions they chose); the session id once the
 * session exists. (Declarative routes: the data router
 * would add ~16 KB gzipped to the first download for features this app does not use.)
 */
export function AppRoutes() {
  return (
    <ErrorBoundary fallback={<RouteError />}>
      <Routes>
        <Route path="/" element={<HomeRoute />} />
        <Route path="/t/:tableToken" element={<TableRoute step="welcome" />} />
        <Route path="/t/:tableToken/choose" element={<TableRoute step="relationship" />} />
        <Route path="/t/:tableToken/choose/questions" element={<TableRoute step="context" />} />
        <Route path="/t/:tableToken/:choice" element={<TableRoute step="mode" />} />
        <Route path="/r/:slug/t/:label" element={<RestaurantTableRoute step="welcome" />} />
        <Route path="/r/:slug/t/:label/choose" element={<RestaurantTableRoute step="relationship" />} />
        <Route path="/r/:slug/t/:label/choose/questions" element={<RestaurantTableRoute step="context" />} />
        <Route path="/r/:slug/t/:label/:choice" element={<RestaurantTableRoute step="mode" />} />
        <Route
          path="/s/:sessionId"
          element={
            <LoadingScreen title="Joining your session" label="Finding your cards…">
              <SessionRoute />
            </LoadingScreen>
          }
        />
        <Route
          path="/s/:sessionId/join"
          element={
            <LoadingScreen title="Joining your partner" label="Joining your partner’s session…">
              <JoinRoute />
            </LoadingScreen>
          }
        />
        <Route
          path="/j/:code"
          element={
            <LoadingScreen title="Joining your partner" label="Finding your partner’s session…">
              <JoinCodeRoute />
            </LoadingScreen>
          }
        />
        <Route
          path="/console/*"
          element={
            <Suspense fallback={<Loading label="Loading the console…" />}>
              <ConsoleApp />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
