import { useEffect, useState } from 'react';
import { fetchRegisteredTable, type TableRef } from '../api/entry-api';

/**
 * The kinds of questions a registered table offers, as its restaurant chose them; undefined offers all of them
 * (a walk-in table, an older service, or while the table is being looked up or could not be).
 */
export function useOfferedContexts(table: TableRef): string[] | undefined {
  const [offered, setOffered] = useState<string[] | undefined>(undefined);
  const slug = 'restaurant' in table ? table.restaurant : undefined;
  const label = 'restaurant' in table ? table.table : undefined;

  useEffect(() => {
    if (slug === undefined || label === undefined) return;
    const controller = new AbortController();
    fetchRegisteredTable(slug, label, controller.signal).then(
      (found) => setOffered(found.contexts),
      () => setOffered(undefined),
    );
    return () => controller.abort();
  }, [slug, label]);

  return offered;
}
