import { useCallback, useState } from 'react';
import { StatusLine } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleResource } from '@/lib/console/hooks';
import { listTables, type Restaurant } from '../api/restaurant-api';
import { AddTablesForm } from './AddTablesForm';
import { DownloadPanel } from './DownloadPanel';
import { RestaurantSection } from './RestaurantSection';
import { TableList } from './TableList';

function Tables({ restaurant }: { restaurant: Restaurant }) {
  const { slug } = restaurant;
  const { state, reload } = useConsoleResource((signal) => listTables(slug, signal), [slug]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState('');

  const changed = useCallback(
    (message: string, renamed?: { from: string; to: string }) => {
      setResult(message);
      if (renamed) {
        setSelected((current) => {
          if (!current.has(renamed.from)) return current;
          const next = new Set(current);
          next.delete(renamed.from);
          next.add(renamed.to);
          return next;
        });
      }
      reload();
    },
    [reload],
  );

  return (
    <>
      <AddTablesForm slug={slug} onAdded={changed} />
      <StatusLine>{result}</StatusLine>
      <ResourceView state={state} loadingLabel="Loading tables…" onRetry={reload}>
        {(tables) => (
          <>
            <section aria-labelledby="table-list" className="flex flex-col gap-3">
              <h2 id="table-list" className="text-xl font-bold">
                {tables.length === 1 ? '1 table' : `${tables.length} tables`}
              </h2>
              <TableList slug={slug} tables={tables} selected={selected} onSelect={setSelected} onChanged={changed} />
            </section>
            {tables.length > 0 ? (
              <DownloadPanel slug={slug} restaurantName={restaurant.name} tables={tables} selected={selected} />
            ) : null}
          </>
        )}
      </ResourceView>
    </>
  );
}

export function TablesPage({ slug }: { slug: string }) {
  return (
    <RestaurantSection slug={slug} title="Tables">
      {(restaurant) => <Tables restaurant={restaurant} />}
    </RestaurantSection>
  );
}
