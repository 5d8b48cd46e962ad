import { describe, expect, it } from 'vitest';
import {
  isValidSessionId,
  isValidTableToken,
  normaliseJoinCode,
  parseScannedLink,
  pathForScannedLink,
  paths,
} from './links';

describe('table codes', () => {
  it.each(['t7', 'A', 'table_12-b', 'x'.repeat(64)])('accepts %s', (token) => {
    expect(isValidTableToken(token)).toBe(true);
  });
  it.each(['', 'x'.repeat(65), 'table 7', 'tä', 't/7', '<script>'])('refuses %s', (token) => {
    expect(isValidTableToken(token)).toBe(false);
  });
});

describe('session ids', () => {
  it('accepts a UUID and refuses anything else', () => {
    expect(isValidSessionId('0b7f3c52-8a51-4c1e-9d0b-6d8e2f4a1c3e')).toBe(true);
    expect(isValidSessionId('0b7f3c52')).toBe(false);
    expect(isValidSessionId('0b7f3c52-8a51-4c1e-9d0b-6d8e2f4a1c3e/x')).toBe(false);
  });
});

describe('parseScannedLink', () => {
  const id = '0b7f3c52-8a51-4c1e-9d0b-6d8e2f4a1c3e';
  it.each([
    ['https://tabletalk.example/t/t7', { kind: 'table', tableToken: 't7' }],
    ['https://tabletalk.example/t/t7/', { kind: 'table', tableToken: 't7' }],
    ['  t7  ', { kind: 'table', tableToken: 't7' }],
    ['Table 7', { kind: 'table', tableToken: '7' }],
    [' table   7 ', { kind: 'table', tableToken: '7' }],
    ['TABLE window-4', { kind: 'table', tableToken: 'window-4' }],
    // Already a well-formed code, so taken as it is.
    ['Table-7', { kind: 'table', tableToken: 'Table-7' }],
    [`https://tabletalk.example/s/${id}/join`, { kind: 'join', sessionId: id }],
    [`/s/${id.toUpperCase()}/join`, { kind: 'join', sessionId: id }],
    [`https://tabletalk.example/s/${id}`, { kind: 'join', sessionId: id }],
    ['https://tabletalk.example/j/K7MQ3P', { kind: 'join-code', code: 'K7MQ3P' }],
    ['/j/k7m-q3p', { kind: 'join-code', code: 'K7MQ3P' }],
  ])('understands %s', (text, expected) => {
    expect(parseScannedLink(text)).toEqual(expected);
  });

  it.each([
    '',
    'https://elsewhere.example/menu',
    'https://tabletalk.example/t/bad%20code',
    '/s/not-a-uuid/join',
    'WIFI:S:cafe;;',
    'table 7!',
    'table 7 b',
    '/j/K7MQ0P',
    '/j/K7MQ3',
  ])('refuses %s', (text) => {
    expect(parseScannedLink(text)).toBeNull();
  });
});

describe('paths', () => {
  it('keeps each step in the URL', () => {
    expect(paths.table('t7')).toBe('/t/t7');
    expect(paths.chooseContext('t7')).toBe('/t/t7/choose');
    expect(paths.chooseMode('t7', 'mature')).toBe('/t/t7/mature');
    expect(paths.chooseQuestions('t7')).toBe('/t/t7/choose/questions');
    expect(paths.chooseMode('t7', '6_months_to_2_years')).toBe('/t/t7/6_months_to_2_years');
    expect(paths.join('abc')).toBe('/s/abc/join');
  });
});

describe('restaurant table links', () => {
  it('reads a scanned registered table link, label decoded', () => {
    expect(parseScannedLink('https://tabletalk.example/r/luigis/t/Patio%203')).toEqual({
      kind: 'restaurant-table',
      slug: 'luigis',
      label: 'Patio 3',
    });
    expect(pathForScannedLink({ kind: 'restaurant-table', slug: 'luigis', label: 'Patio 3' })).toBe(
      '/r/luigis/t/Patio%203',
    );
  });

  it.each(['https://x.example/r/Luigis/t/7', 'https://x.example/r/luigis/t/%20', 'https://x.example/r/luigis/t/%E0'])(
    'refuses %s',
    (link) => {
      expect(parseScannedLink(link)).toBeNull();
    },
  );

  it('keeps each step of a registered table in the URL', () => {
    expect(paths.restaurantTable('luigis', '7')).toBe('/r/luigis/t/7');
    expect(paths.restaurantTableChoose('luigis', 'Patio 3')).toBe('/r/luigis/t/Patio%203/choose');
    expect(paths.restaurantTableMode('luigis', '7', 'mature')).toBe('/r/luigis/t/7/mature');
    expect(paths.restaurantTableChooseQuestions('luigis', 'Patio 3')).toBe('/r/luigis/t/Patio%203/choose/questions');
  });
});

describe('join codes', () => {
  it.each([
    ['K7MQ3P', 'K7MQ3P'],
    ['k7mq3p', 'K7MQ3P'],
    [' k7m-q3p ', 'K7MQ3P'],
    ['K7M Q3P', 'K7MQ3P'],
  ])('reads %s as %s', (typed, code) => {
    expect(normaliseJoinCode(typed)).toBe(code);
  });

  // Look-alikes (0, O, 1, I, L, U) are not in the alphabet; nor is anything but letters and digits.
  it.each(['', 'K7MQ3', 'K7MQ3PP', 'K7MQ0P', 'K7MQOP', 'K7MQ1P', 'K7MQIP', 'K7MQLP', 'K7MQUP', 'K7M_Q3', 'K7M.Q3P'])(
    'refuses %s',
    (typed) => {
      expect(normaliseJoinCode(typed)).toBeNull();
    },
  );

  it('has a short link of its own', () => {
    expect(paths.joinCode('K7MQ3P')).toBe('/j/K7MQ3P');
    expect(pathForScannedLink({ kind: 'join-code', code: 'K7MQ3P' })).toBe('/j/K7MQ3P');
  });
});
