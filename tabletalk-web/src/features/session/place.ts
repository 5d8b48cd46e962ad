import type { SessionState } from '@/lib/messages';

/** "Restaurant · Table 7" for a session at a restaurant's registered table; null for a walk-in table. */
export function placeOf(state: SessionState): string | null {
  return state.restaurant && state.table ? `${state.restaurant.name} · Table ${state.table.label}` : null;
}
