import { describe, expect, it } from 'vitest';
import { aChoiceCard, aDualSession, aSession } from '@/test/fixtures';
import {
  parseContextList,
  parseErrorEnvelope,
  parseJoinedSession,
  parseServerMessage,
  parseSessionState,
} from './messages';

function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

describe('session state parsing', () => {
  it('accepts a state exactly as the contract shows it', () => {
    const state = aDualSession({ card: aChoiceCard(), answers: { A: 'b', B: 'a' } });
    expect(parseSessionState(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, value: state });
  });

  it('drops fields it does not know, so the server can add some', () => {
    const result = parseSessionState({ ...aSession(), brandNew: 1, card: { ...aSession().card, colour: 'red' } });
    expect(result.ok && 'brandNew' in result.value).toBe(false);
    expect(result.ok && result.value.card && 'colour' in result.value.card).toBe(false);
  });

  it('reads a revealed hint and treats a missing one as absent', () => {
    const revealed = parseSessionState(aSession({ revealed: true, card: { ...aSession().card!, hint: 'Why then?' } }));
    expect(revealed.ok && revealed.value.card?.hint).toBe('Why then?');
    const hidden = parseSessionState(aSession());
    expect(hidden.ok && hidden.value.card?.hint).toBeUndefined();
  });

  it('reads after how many cards to ask for a recommendation, and does without it', () => {
    const asked = parseSessionState({ ...aSession(), recommendAfterCards: 5 });
    expect(asked.ok && asked.value.recommendAfterCards).toBe(5);
    const older = parseSessionState(without(aSession(), 'recommendAfterCards'));
    expect(older).toMatchObject({ ok: true });
    expect(older.ok && older.value.recommendAfterCards).toBeUndefined();
    expect(parseSessionState({ ...aSession(), recommendAfterCards: -1 }).ok).toBe(false);
    expect(parseSessionState({ ...aSession(), recommendAfterCards: '5' }).ok).toBe(false);
  });

  it('reads who ended an ended session and when', () => {
    const ended = parseSessionState({
      ...aSession({ status: 'ended' }),
      endedBy: 'B',
      endedAt: '2026-11-22T19:48:02.517Z',
    });
    expect(ended).toMatchObject({ ok: true, value: { endedBy: 'B', endedAt: '2026-11-22T19:48:02.517Z' } });
    expect(parseSessionState({ ...aSession(), endedBy: '' }).ok).toBe(false);
  });

  it.each([
    ['a missing version', without(aSession(), 'version')],
    ['a version as text', { ...aSession(), version: '3' }],
    ['a negative position', { ...aSession(), position: -1 }],
    ['an unknown status', { ...aSession(), status: 'paused' }],
    ['an unknown mode', { ...aSession(), mode: 'triple' }],
    ['an unknown context', { ...aSession(), context: 'romantic' }],
    ['participants not a list', { ...aSession(), participants: { A: {} } }],
    [
      'a participant without presence',
      { ...aSession(), participants: [{ id: 'A', ready: false, answered: false, wantsNext: false }] },
    ],
    ['a card with an unknown difficulty', { ...aSession(), card: { ...aSession().card, difficulty: 'hard' } }],
    ['an option without text', { ...aSession(), card: { ...aChoiceCard(), options: [{ id: 'a' }] } }],
    ['answers that are not text', { ...aSession(), answers: { A: 1 } }],
    ['an array instead of an object', [aSession()]],
    ['nothing at all', null],
  ])('rejects %s', (_label, input) => {
    expect(parseSessionState(input).ok).toBe(false);
  });

  it('names the field that failed', () => {
    const result = parseSessionState({
      ...aSession(),
      participants: [{ ...aSession().participants[0], connected: 'yes' }],
    });
    expect(result).toEqual({ ok: false, reason: 'participants.0.connected: expected true or false' });
  });

  it('keeps "__proto__" in answers as plain data', () => {
    const result = parseSessionState(
      JSON.parse(
        `{"__proto__":{"polluted":true},${JSON.stringify(aSession()).slice(1, -1)},"answers":{"__proto__":"a"}}`,
      ),
    );
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.value.answers ?? {})).toEqual(['__proto__']);
  });
});

describe('REST bodies', () => {
  it('parses the context list', () => {
    const contexts = [
      { id: 'exploring', name: 'Exploring', description: 'Getting to know each other.', questionCount: 106 },
    ];
    expect(parseContextList(contexts)).toEqual({ ok: true, value: contexts });
    expect(parseContextList([{ ...contexts[0], questionCount: 'many' }]).ok).toBe(false);
  });

  it('parses a joined session with its participant credentials', () => {
    const body = { session: aSession(), participant: { id: 'A', token: 'dG9rZW4' } };
    expect(parseJoinedSession(body)).toEqual({ ok: true, value: body });
    expect(parseJoinedSession({ session: aSession(), participant: { id: 'A' } }).ok).toBe(false);
  });

  it('parses the error envelope, with the current state on a version conflict', () => {
    expect(parseErrorEnvelope({ error: 'session_full', message: 'Two phones already.' })).toEqual({
      ok: true,
      value: { error: 'session_full', message: 'Two phones already.' },
    });
    const conflict = parseErrorEnvelope({
      error: 'version_conflict',
      message: 'Stale.',
      session: aSession({ version: 9 }),
    });
    expect(conflict.ok && conflict.value.session?.version).toBe(9);
    expect(parseErrorEnvelope({ code: 404, message: 'HTTP 404 Not Found' }).ok).toBe(false);
    expect(parseErrorEnvelope({ error: 'teapot', message: 'no' }).ok).toBe(false);
  });
});

describe('live channel messages', () => {
  it('parses a state message', () => {
    const result = parseServerMessage(JSON.stringify({ type: 'state', session: aSession({ version: 5 }) }));
    expect(result.ok && result.value.type === 'state' && result.value.session.version).toBe(5);
  });

  it('parses pong and error messages', () => {
    expect(parseServerMessage('{"type":"pong"}')).toEqual({ ok: true, value: { type: 'pong' } });
    expect(parseServerMessage('{"type":"error","error":"invalid_request","message":"Unknown type."}')).toEqual({
      ok: true,
      value: { type: 'error', error: 'invalid_request', message: 'Unknown type.' },
    });
  });

  it.each([
    ['not JSON', 'state!'],
    ['binary data', new ArrayBuffer(2)],
    ['an unknown type', '{"type":"confetti"}'],
    ['no type', '{"session":{}}'],
    ['a state without a session', '{"type":"state"}'],
    ['a state with a broken session', '{"type":"state","session":{"id":"x"}}'],
    ['an error without its code', '{"type":"error","message":"x"}'],
  ])('rejects %s', (_label, raw) => {
    expect(parseServerMessage(raw).ok).toBe(false);
  });
});
