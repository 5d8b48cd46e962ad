import { useCallback, useRef, useState } from 'react';
import { sendQuietly } from '@/lib/api-client';
import { loadParticipant } from '@/lib/participant-store';
import { readTab, writeTab } from '@/lib/tab-storage';
import { putRating, type Rating } from '../api/feedback-api';

export type ShownRating = 'up' | 'down' | null;

function storageKey(sessionId: string, participantId: string, questionId: number | string) {
  return `tabletalk.rating.${sessionId}.${participantId}.${String(questionId)}`;
}

function stored(key: string): ShownRating {
  const value = readTab(key);
  return value === 'up' || value === 'down' ? value : null;
}

/**
 * This phone's 👍 / 👎 for the card: shown at once, remembered for the tab (a reload shows it), sent in the
 * background one after the other so the last tap wins. Tapping the chosen one again takes it back.
 */
export function useCardRating(sessionId: string, participantId: string, questionId: number | string) {
  const key = storageKey(sessionId, participantId, questionId);
  const [rating, setRating] = useState<ShownRating>(() => stored(key));
  const sending = useRef<Promise<unknown>>(Promise.resolve());

  const choose = useCallback(
    (value: 'up' | 'down') => {
      const next: Rating = stored(key) === value ? 'none' : value;
      const shown = next === 'none' ? null : next;
      setRating(shown);
      writeTab(key, shown);
      const token = loadParticipant(sessionId)?.token;
      if (!token) return;
      sending.current = sending.current.then(() => sendQuietly(() => putRating(sessionId, token, questionId, next)));
    },
    [key, sessionId, questionId],
  );

  return { rating, choose };
}
