// Fixture builders for server messages, shaped exactly like the contract's JSON.
import type { Card, Participant, SessionState } from '@/lib/messages';

export const sessionId = '0b7f3c52-8a51-4c1e-9d0b-6d8e2f4a1c3e';

export function anOpenCard(overrides: Partial<Card> = {}): Card {
  return {
    questionId: 17,
    text: 'What small thing made you smile this week?',
    type: 'open',
    category: 'Everyday',
    difficulty: 'easy',
    ...overrides,
  };
}

export function aChoiceCard(overrides: Partial<Card> = {}): Card {
  return {
    questionId: 42,
    text: 'Sunrise hike or a slow breakfast?',
    type: 'choice',
    options: [
      { id: 'a', text: 'Sunrise hike' },
      { id: 'b', text: 'Slow breakfast' },
    ],
    category: 'This or that',
    difficulty: 'easy',
    ...overrides,
  };
}

export function aParticipant(id: string, overrides: Partial<Participant> = {}): Participant {
  return { id, connected: true, ready: false, answered: false, wantsNext: false, ...overrides };
}

export function aSession(overrides: Partial<SessionState> = {}): SessionState {
  return {
    id: sessionId,
    tableToken: 't7',
    context: 'exploring',
    mode: 'single',
    status: 'active',
    version: 3,
    position: 0,
    deckSize: 64,
    card: anOpenCard(),
    revealed: false,
    participants: [aParticipant('A')],
    answers: {},
    createdAt: '2025-01-01T19:00:00Z',
    expiresAt: '2025-01-01T20:00:00Z',
    // 0: never asks unless a test says so.
    recommendAfterCards: 0,
    ...overrides,
  };
}

export function aDualSession(overrides: Partial<SessionState> = {}): SessionState {
  return aSession({ mode: 'dual', participants: [aParticipant('A'), aParticipant('B')], ...overrides });
}
