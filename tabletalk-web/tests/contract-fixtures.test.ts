// The service keeps one JSON fixture per live message type (tabletalk-api/src/test/resources/contract);
// its tests serialise to them and these tests parse them, so both sides agree on the wire format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServerMessage } from '../src/lib/messages';

const fixtureDir = resolve(import.meta.dirname, '../../tabletalk-api/src/test/resources/contract');
const fixtures = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((name) => name.endsWith('.json')) : [];

describe('contract fixtures shared with the service', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('parses %s', (name) => {
    const raw = readFileSync(join(fixtureDir, name), 'utf8');
    const parsed = parseServerMessage(raw);
    expect(parsed).toMatchObject({ ok: true });
    // Nothing is lost in parsing: every field the service sends is one the app knows.
    if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(raw));
  });
});
