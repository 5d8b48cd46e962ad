import { apiRequest, ignoreBody } from '@/lib/api-client';

export type Rating = 'up' | 'down' | 'none';
export type RecommendAnswer = { score: number } | { skipped: true };

const sessionPath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;

/** This participant's rating of a question dealt in the session ("none" takes it back). */
export async function putRating(sessionId: string, token: string, questionId: number | string, rating: Rating) {
  await apiRequest(`${sessionPath(sessionId)}/ratings/${encodeURIComponent(String(questionId))}`, {
    method: 'PUT',
    token,
    body: { rating },
    parse: ignoreBody,
  });
}

/** How likely this participant is to recommend Table-Talk (0–10), or that they skipped the question. */
export async function putRecommend(sessionId: string, token: string, answer: RecommendAnswer) {
  await apiRequest(`${sessionPath(sessionId)}/recommend`, { method: 'PUT', token, body: answer, parse: ignoreBody });
}
