import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import { Loading } from '@/components/ui/Loading';
import { HomeRoute } from './routes/HomeRoute';
import { JoinRoute } from './routes/JoinRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { RestaurantTableRoute } from './routes/RestaurantTableRoute';
import { RouteError } from './routes/RouteError';
import { SessionRoute } from './routes/SessionRoute';
import { TableRoute } from './routes/TableRoute';

// The restaurant console is its own chunk: a diner's phone never downloads it.
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));
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
        <Route path="/s/:sessionId" element={<SessionRoute />} />
        <Route path="/s/:sessionId/join" element={<JoinRoute />} />
        <Route
          path="/j/:code"
          element={
            <Suspense fallback={<Loading label="Finding your partner’s session…" />}>
              <JoinCodeRoute />
            </Suspense>
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
