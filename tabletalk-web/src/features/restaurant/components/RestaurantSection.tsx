import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { ConsolePage } from '@/components/console/ConsolePage';
import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { fetchRestaurant, type Restaurant } from '../api/restaurant-api';

const tabClasses = ({ isActive }: { isActive: boolean }) =>
  'rounded-xl px-3 py-2 font-semibold ' + (isActive ? 'bg-accent-soft text-ink' : 'text-accent hover:underline');

function RestaurantNav({ slug }: { slug: string }) {
  return (
    <nav aria-label="This restaurant">
      <ul className="flex flex-wrap gap-2">
        <li>
          <NavLink end to={consolePaths.tables(slug)} className={tabClasses}>
            Tables
          </NavLink>
        </li>
        <li>
          <NavLink to={consolePaths.restaurantInsights(slug)} className={tabClasses}>
            Insights
          </NavLink>
        </li>
        <li>
          <NavLink to={consolePaths.managers(slug)} className={tabClasses}>
            Managers
          </NavLink>
        </li>
        <li>
          <NavLink to={consolePaths.settings(slug)} className={tabClasses}>
            Settings
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

export interface RestaurantSectionProps {
  slug: string;
  title: string;
  children: (restaurant: Restaurant, reloadRestaurant: () => void) => ReactNode;
}

/** A page about one restaurant: its name above the heading, the tabs, then the page itself. */
export function RestaurantSection({ slug, title, children }: RestaurantSectionProps) {
  const { state, reload } = useConsoleResource((signal) => fetchRestaurant(slug, signal), [slug]);
  const eyebrow = state.status === 'ready' ? state.data.name : slug;
  return (
    <ConsolePage title={title} eyebrow={eyebrow} nav={<RestaurantNav slug={slug} />}>
      <ResourceView state={state} loadingLabel="Loading the restaurant…" onRetry={reload}>
        {(restaurant) => (
          <>
            {restaurant.active ? null : (
              <p className="rounded-2xl bg-surface-muted p-4">
                This restaurant is deactivated: its table codes open the “unknown table” screen.
              </p>
            )}
            {children(restaurant, reload)}
          </>
        )}
      </ResourceView>
    </ConsolePage>
  );
}
