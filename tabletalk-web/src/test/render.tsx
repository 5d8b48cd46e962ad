import { StrictMode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { AppRoutes } from '@/app/App';

let currentPath = '';
let currentSearch = '';

function LocationProbe() {
  const location = useLocation();
  currentPath = location.pathname;
  currentSearch = location.search;
  return null;
}

/**
 * Renders the whole app at `path`, as a refresh or a scanned link would open it. StrictMode runs
 * every effect twice, as the dev build does, so double requests (two joins!) show up here.
 */
export function renderApp(path: string) {
  const user = userEvent.setup();
  const utils = render(
    <StrictMode>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </StrictMode>,
  );
  return { user, ...utils, path: () => currentPath, search: () => currentSearch };
}
