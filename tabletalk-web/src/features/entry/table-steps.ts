import { paths } from '@/lib/links';
import type { ContextId } from '@/lib/messages';
import type { TableRef } from './api/entry-api';

/** The URLs of the steps at a table, for a walk-in table code or a restaurant's registered table. */
export function tableSteps(table: TableRef) {
  if ('tableToken' in table) {
    return {
      welcome: paths.table(table.tableToken),
      chooseContext: paths.chooseContext(table.tableToken),
      chooseMode: (context: ContextId) => paths.chooseMode(table.tableToken, context),
    };
  }
  return {
    welcome: paths.restaurantTable(table.restaurant, table.table),
    chooseContext: paths.restaurantTableChoose(table.restaurant, table.table),
    chooseMode: (context: ContextId) => paths.restaurantTableMode(table.restaurant, table.table, context),
  };
}
