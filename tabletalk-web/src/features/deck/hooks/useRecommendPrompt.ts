import { useCallback, useState } from 'react';
import { sendQuietly } from '@/lib/api-client';
import type { SessionState } from '@/lib/messages';
import { loadParticipant } from '@/lib/participant-store';
import { readTab, writeTab } from '@/lib/tab-storage';
import { putRecommend, type RecommendAnswer } from '../api/feedback-api';

/**
 * "Would you recommend Table-Talk?", asked once per session on each phone, as soon as the deck has reached the
 * restaurant's card count (0 = never). Answering or skipping returns to the deck at once; the answer is sent in
 * the background and remembered for the tab, so a reload does not ask again. The other phone is not held up.
 */
export function useRecommendPrompt(state: SessionState, me: string) {
  const key = `tabletalk.recommend.${state.id}.${me}`;
  const [answered, setAnswered] = useState(() => readTab(key) !== null);
  const after = state.recommendAfterCards ?? 0;
  const show = !answered && after > 0 && state.position >= after && state.card !== undefined;

  const answer = useCallback(
    (value: RecommendAnswer) => {
      writeTab(key, 'score' in value ? String(value.score) : 'skipped');
      setAnswered(true);
      const token = loadParticipant(state.id)?.token;
      if (token) void sendQuietly(() => putRecommend(state.id, token, value));
    },
    [key, state.id],
  );

  return { show, answer };
}
