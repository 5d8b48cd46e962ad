import { useCallback, useEffect, useState } from 'react';
import { readTab, writeTab } from '@/lib/tab-storage';

/**
 * Whether the phone has been handed to the second diner for the card at `position` (one-phone mode). Kept for the
 * tab, so a reload in the middle of the second pick comes back to it rather than to the hand-over; forgotten once
 * both picks are shown (`finished`), so a deck that starts over asks again.
 */
export function useHandOver(sessionId: string, position: number, finished: boolean) {
  const key = `tabletalk.handover.${sessionId}`;
  const [handedOverAt, setHandedOverAt] = useState(() => readTab(key));
  const handedOver = handedOverAt === String(position);

  useEffect(() => {
    if (finished && readTab(key) === String(position)) writeTab(key, null);
  }, [finished, key, position]);

  const handOver = useCallback(() => {
    writeTab(key, String(position));
    setHandedOverAt(String(position));
  }, [key, position]);

  return { handedOver, handOver };
}
