import { Navigate, useParams } from 'react-router';
import { ContextStep } from '@/features/entry/components/ContextStep';
import { ModeStep } from '@/features/entry/components/ModeStep';
import { RelationshipStep } from '@/features/entry/components/RelationshipStep';
import { RestaurantWelcomeStep, UnknownRestaurantTable } from '@/features/entry/components/RestaurantWelcomeStep';
import { choiceFromPath } from '@/features/entry/table-steps';
import { isValidRestaurantSlug, isValidTableLabel, paths } from '@/lib/links';
import type { TableStep } from './TableRoute';

/** A table registered by a restaurant (`/r/{slug}/t/{label}`), through the same steps as a walk-in table. */
export function RestaurantTableRoute({ step }: { step: TableStep }) {
  const { slug = '', label = '', choice = '' } = useParams();
  if (!isValidRestaurantSlug(slug) || !isValidTableLabel(label)) {
    return <UnknownRestaurantTable slug={slug} label={label} inactive={false} />;
  }
  const table = { restaurant: slug, table: label };
  switch (step) {
    case 'welcome':
      return <RestaurantWelcomeStep slug={slug} label={label} />;
    case 'relationship':
      return <RelationshipStep table={table} />;
    case 'context':
      return <ContextStep table={table} />;
    case 'mode': {
      const chosen = choiceFromPath(choice);
      return chosen ? (
        <ModeStep table={table} choice={chosen} />
      ) : (
        <Navigate to={paths.restaurantTableChoose(slug, label)} replace />
      );
    }
  }
}
