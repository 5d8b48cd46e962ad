import { ButtonLink } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import { RetryPanel } from '@/components/ui/RetryPanel';
import { Screen } from '@/components/ui/Screen';
import { paths } from '@/lib/links';
import { useRegisteredTable } from '../hooks/useRegisteredTable';
import { useTableVisit } from '../hooks/useTableVisit';
import { TableCodeForm } from './TableCodeForm';

/** A walk-in table code made from the link, so the diner can still play when the restaurant's table is unknown. */
export function walkInTokenFor(slug: string, label: string): string {
  const token = `${slug}-${label}`.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 64);
  return token.replace(/^-+|-+$/g, '') || 'table';
}

export function UnknownRestaurantTable({ slug, label, inactive }: { slug: string; label: string; inactive: boolean }) {
  return (
    <Screen title={inactive ? 'This table isn’t taking part just now' : 'We don’t know this table'}>
      <p>
        {inactive
          ? 'The restaurant has switched this table’s code off. You can still play: the questions are the same.'
          : 'This code doesn’t match a table we know, perhaps it was mistyped. You can still play: the questions are the same.'}
      </p>
      <div className="flex flex-col gap-6">
        <ButtonLink to={paths.table(walkInTokenFor(slug, label))} block>
          Play without the table
        </ButtonLink>
        <TableCodeForm />
      </div>
    </Screen>
  );
}

export function RestaurantWelcomeStep({ slug, label }: { slug: string; label: string }) {
  const { state, retry } = useRegisteredTable(slug, label);
  // The visit starts once the table is known: an unknown one has nothing to log against.
  useTableVisit(state.status === 'ready' ? { restaurant: slug, table: label } : null, { welcome: true });

  switch (state.status) {
    case 'loading':
      return (
        <Screen title="Welcome" hideTitle>
          <Loading label="Finding your table…" />
        </Screen>
      );
    case 'unknown':
      return <UnknownRestaurantTable slug={slug} label={label} inactive={state.inactive} />;
    case 'failed':
      return (
        <Screen title="We can’t reach Table-Talk">
          <RetryPanel failures={state.failures} minDelaySeconds={state.error.retryAfterSeconds} onRetry={retry} />
        </Screen>
      );
    case 'ready':
      return (
        <Screen title={`Welcome to ${state.table.restaurant.name} · Table ${state.table.table.label}`}>
          <p className="text-xl">
            One question at a time to get the two of you talking. No sign-up, and nothing personal is stored.
          </p>
          <div className="mt-auto flex flex-col gap-3">
            <ButtonLink to={paths.restaurantTableChoose(slug, label)} block>
              Let’s begin
            </ButtonLink>
          </div>
        </Screen>
      );
  }
}
