import { Navigate, useParams } from 'react-router';
import { ContextStep } from '@/features/entry/components/ContextStep';
import { ModeStep } from '@/features/entry/components/ModeStep';
import { RestaurantWelcomeStep, UnknownRestaurantTable } from '@/features/entry/components/RestaurantWelcomeStep';
import { isValidRestaurantSlug, isValidTableLabel, paths } from '@/lib/links';
import { isContextId } from '@/lib/messages';

/** A table registered by a restaurant (`/r/{slug}/t/{label}`), through the same steps as a walk-in table. */
export function RestaurantTableRoute({ step }: { step: 'welcome' | 'context' | 'mode' }) {
  const { slug = '', label = '', context = '' } = useParams();
  if (!isValidRestaurantSlug(slug) || !isValidTableLabel(label)) {
    return <UnknownRestaurantTable slug={slug} label={label} inactive={false} />;
  }
  const table = { restaurant: slug, table: label };
  switch (step) {
    case 'welcome':
      return <RestaurantWelcomeStep slug={slug} label={label} />;
    case 'context':
      return <ContextStep table={table} />;
    case 'mode':
      return isContextId(context) ? (
        <ModeStep table={table} context={context} />
      ) : (
        <Navigate to={paths.restaurantTableChoose(slug, label)} replace />
      );
  }
}
