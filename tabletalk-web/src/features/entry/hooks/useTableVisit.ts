import { useEffect } from 'react';
import { trackEvent } from '@/lib/events';
import { enterTable, markWelcomed } from '@/lib/visit';
import type { TableRef } from '../api/entry-api';

/**
 * Opens (or continues) this tab's visit at the table and logs its scan once; with `welcome`, logs that the
 * welcome was seen, once per visit. Pass null while the table is not known yet.
 */
export function useTableVisit(table: TableRef | null, { welcome = false }: { welcome?: boolean } = {}) {
  const tableToken = table && 'tableToken' in table ? table.tableToken : null;
  const restaurant = table && 'restaurant' in table ? table.restaurant : null;
  const label = table && 'restaurant' in table ? table.table : null;

  useEffect(() => {
    const at =
      tableToken !== null
        ? { tableToken }
        : restaurant !== null && label !== null
          ? { restaurant, table: label }
          : null;
    if (at === null) return;
    if (enterTable(at).isNew) trackEvent({ type: 'scan' });
    if (welcome && markWelcomed()) trackEvent({ type: 'welcome_viewed' });
  }, [tableToken, restaurant, label, welcome]);
}
