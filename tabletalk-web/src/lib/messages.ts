// Every message from the server is parsed here before the app sees it (never cast).
// The shapes mirror the service's wire records: the REST bodies, the error envelope and the
// live channel's server→client union. Unknown extra fields are dropped, so the server can add
// fields without breaking older clients; a missing or mistyped field is a parse failure.
import {
  array,
  boolean,
  byType,
  count,
  either,
  literal,
  nonEmptyString,
  nullish,
  object,
  oneOf,
  optional,
  type Parsed,
  type ParseResult,
  record,
  safeParse,
  string,
} from './parse';

export type { ParseResult } from './parse';

export const contextIds = ['exploring', 'established', 'mature'] as const;
export type ContextId = (typeof contextIds)[number];

export const modes = ['single', 'dual'] as const;
export type Mode = (typeof modes)[number];

/** "How long have you been together?", as the service names the answers (it maps each to a context). */
export const relationshipLengths = [
  'under_6_months',
  '6_months_to_2_years',
  '2_to_10_years',
  'over_10_years',
  'friends_or_family',
] as const;
export type RelationshipLength = (typeof relationshipLengths)[number];

export function isRelationshipLength(value: string): value is RelationshipLength {
  return (relationshipLengths as readonly string[]).includes(value);
}

export function isContextId(value: string): value is ContextId {
  return (contextIds as readonly string[]).includes(value);
}

export function isMode(value: string): value is Mode {
  return (modes as readonly string[]).includes(value);
}

export const contextParser = object({
  id: oneOf(contextIds),
  name: nonEmptyString,
  description: string,
  questionCount: count,
});
export type Context = Parsed<typeof contextParser>;

export const optionParser = object({
  id: nonEmptyString,
  text: nonEmptyString,
});
export type ChoiceOption = Parsed<typeof optionParser>;

export const cardParser = object({
  questionId: either(count, nonEmptyString, 'a question id'),
  text: nonEmptyString,
  type: oneOf(['open', 'choice']),
  options: nullish(array(optionParser)),
  category: string,
  difficulty: oneOf(['easy', 'medium', 'deep']),
  hint: nullish(string),
});
export type Card = Parsed<typeof cardParser>;

export const participantParser = object({
  id: nonEmptyString,
  connected: boolean,
  ready: boolean,
  answered: boolean,
  wantsNext: boolean,
  // A new phone is asking to take over this seat while its own phone is away; absent when not.
  rejoining: optional(boolean),
});
export type Participant = Parsed<typeof participantParser>;

export const sessionStatuses = ['waiting', 'active', 'ended', 'expired'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionStateParser = object({
  id: nonEmptyString,
  tableToken: nonEmptyString,
  context: oneOf(contextIds),
  mode: oneOf(modes),
  status: oneOf(sessionStatuses),
  version: count,
  position: count,
  deckSize: count,
  // A finished session may no longer carry a card.
  card: nullish(cardParser),
  revealed: boolean,
  participants: array(participantParser),
  // Present only once every participant has answered (one phone: once both diners have picked in turn; the
  // first pick under the participant's id, the second under "B").
  answers: nullish(record(nonEmptyString)),
  createdAt: string,
  expiresAt: string,
  // Present only for sessions started from a restaurant's registered table.
  restaurant: optional(object({ slug: nonEmptyString, name: nonEmptyString })),
  table: optional(object({ label: nonEmptyString })),
  // After how many cards each phone asks whether the diner would recommend Table-Talk; 0 or absent = never.
  recommendAfterCards: optional(count),
  // Present once the session has ended: the participant whose command ended it (when known), and when.
  endedBy: optional(nonEmptyString),
  endedAt: optional(string),
});
export type SessionState = Parsed<typeof sessionStateParser>;

export const participantCredentialsParser = object({
  id: nonEmptyString,
  token: nonEmptyString,
});
export type ParticipantCredentials = Parsed<typeof participantCredentialsParser>;

/** Body of `POST /sessions` (201) and `POST /sessions/{id}/participants` (200/201). */
export const joinedSessionParser = object({
  session: sessionStateParser,
  participant: participantCredentialsParser,
});
export type JoinedSession = Parsed<typeof joinedSessionParser>;

/** `GET /join-codes/{code}`: the open session a typed code belongs to. */
export const joinCodeMatchParser = object({ sessionId: nonEmptyString });
export const parseJoinCodeMatch = (input: unknown) => safeParse(joinCodeMatchParser, input);

/** `GET /sessions/{id}/join-code`: a two-phone session's short code and the short link it stands for. */
export const joinCodeParser = object({ code: nonEmptyString, link: nonEmptyString });
export type JoinCode = Parsed<typeof joinCodeParser>;
export const parseJoinCode = (input: unknown) => safeParse(joinCodeParser, input);

/**
 * `POST /sessions/{id}/reclaims` (202): the seat a new phone asked for, the token it holds once let in, and
 * when it is let in at the latest if nobody answers. `POST …/reclaims/claim` answers 202 with the same minus
 * the token while waiting, or 200 with a {@link JoinedSession} once let in.
 */
export const seatRequestParser = object({
  participant: nonEmptyString,
  token: optional(nonEmptyString),
  grantsAt: nonEmptyString,
});
export type SeatRequest = Parsed<typeof seatRequestParser>;
export const parseSeatRequest = (input: unknown) => safeParse(seatRequestParser, input);

/** The service's error codes, in its order (the contract fixture `error-codes.json` lists the same). */
export const apiErrorCodes = [
  'invalid_request',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'version_conflict',
  'conflict',
  'session_full',
  'session_expired',
  'session_ended',
  'inactive',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'rate_limited',
  'headers_too_large',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** Body of `GET /sessions/{id}/deck` (one-phone sessions): the cards from `from` to the end of the deck. */
export const sessionDeckParser = object({
  sessionId: nonEmptyString,
  version: count,
  from: count,
  deckSize: count,
  cards: array(cardParser),
});
export type SessionDeck = Parsed<typeof sessionDeckParser>;

/** `{"error","message"}`; a version conflict also carries the current `session`. */
export const errorEnvelopeParser = object({
  error: oneOf(apiErrorCodes),
  message: string,
  session: nullish(sessionStateParser),
});
export type ErrorEnvelope = Parsed<typeof errorEnvelopeParser>;

/** Live channel, server → client. */
export const serverMessageParser = byType({
  state: object({ type: literal('state'), session: sessionStateParser }),
  pong: object({ type: literal('pong') }),
  error: object({ type: literal('error'), error: nonEmptyString, message: string }),
});
export type ServerMessage = Parsed<typeof serverMessageParser>;

/** Commands, sent over REST (`POST /sessions/{id}/commands`); the live channel accepts the same JSON. */
export type Command =
  | { type: 'next'; version: number }
  | { type: 'reveal'; version: number }
  | { type: 'ready'; ready: boolean; version: number }
  // `seat` only in one-phone mode: who of the two diners sharing the phone picks (the first, then the second).
  | { type: 'answer'; optionId: string; seat?: 'first' | 'second'; version: number }
  | { type: 'end'; version: number }
  /** One phone only: catches up in one step with the cards this phone went through offline. */
  | { type: 'seek'; position: number; version: number };
/** What a screen can ask for (a catch-up after playing offline is the session layer's own). */
export type ScreenCommand = Exclude<Command, { type: 'seek' }>;
export type CommandType = ScreenCommand['type'];
/** What a screen asks for; the session hook adds the version it is looking at. */
export type CommandIntent = ScreenCommand extends infer C
  ? C extends ScreenCommand
    ? Omit<C, 'version'>
    : never
  : never;

/** Live channel, client → server. */
export type ClientMessage = { type: 'hello'; token: string } | { type: 'ping' } | Command;

export const parseContextList = (input: unknown) => safeParse(array(contextParser), input);
export const parseSessionState = (input: unknown) => safeParse(sessionStateParser, input);
export const parseJoinedSession = (input: unknown) => safeParse(joinedSessionParser, input);
export const parseSessionDeck = (input: unknown) => safeParse(sessionDeckParser, input);
export const parseErrorEnvelope = (input: unknown) => safeParse(errorEnvelopeParser, input);

/** Parses one text frame of the live channel (JSON first, then the union). */
export function parseServerMessage(raw: unknown): ParseResult<ServerMessage> {
  if (typeof raw !== 'string') return { ok: false, reason: 'message: not text' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'message: not JSON' };
  }
  return safeParse(serverMessageParser, json);
}
