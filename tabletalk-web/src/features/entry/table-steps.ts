import { paths, type TableChoice } from '@/lib/links';
import { type ContextId, isContextId, isRelationshipLength, type RelationshipLength } from '@/lib/messages';
import type { TableRef } from './api/entry-api';

/** What the session is started with: how long the two have been together, or a kind of questions chosen. */
export type SessionChoice = { relationshipLength: RelationshipLength } | { context: ContextId };

/** The choice a mode step's URL carries (`/t/t7/2_to_10_years`, `/t/t7/mature`), or null for anything else. */
export function choiceFromPath(segment: string): SessionChoice | null {
  if (isRelationshipLength(segment)) return { relationshipLength: segment };
  if (isContextId(segment)) return { context: segment };
  return null;
}

export function choiceInPath(choice: SessionChoice): TableChoice {
  return 'context' in choice ? choice.context : choice.relationshipLength;
}

/**
 * The URLs of the steps at a table, for a walk-in table code or a restaurant's registered table: the welcome,
 * "how long have you been together?", the kind of questions (for those who would rather choose), one phone or two.
 */
export function tableSteps(table: TableRef) {
  if ('tableToken' in table) {
    return {
      welcome: paths.table(table.tableToken),
      chooseLength: paths.chooseContext(table.tableToken),
      chooseQuestions: paths.chooseQuestions(table.tableToken),
      chooseMode: (choice: TableChoice) => paths.chooseMode(table.tableToken, choice),
    };
  }
  return {
    welcome: paths.restaurantTable(table.restaurant, table.table),
    chooseLength: paths.restaurantTableChoose(table.restaurant, table.table),
    chooseQuestions: paths.restaurantTableChooseQuestions(table.restaurant, table.table),
    chooseMode: (choice: TableChoice) => paths.restaurantTableMode(table.restaurant, table.table, choice),
  };
}
