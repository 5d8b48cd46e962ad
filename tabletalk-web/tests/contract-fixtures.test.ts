// The service keeps one JSON fixture per live message type (tabletalk-api/src/test/resources/contract);
// its tests serialise to them and these tests parse them, so both sides agree on the wire format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorCodes, parseErrorEnvelope, parseServerMessage } from '../src/lib/messages';

const fixtureDir = resolve(import.meta.dirname, '../../tabletalk-api/src/test/resources/contract');
// One fixture per live message type (`state-message.json`, `state-message-open-card.json`, …).
const fixtures = existsSync(fixtureDir)
  ? readdirSync(fixtureDir).filter((name) => /-message(-[a-z-]+)?\.json$/.test(name))
  : [];

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

describe('error codes shared with the service', () => {
  // Written by the service's tests from its own list of codes.
  const serviceCodes: unknown = JSON.parse(readFileSync(join(fixtureDir, 'error-codes.json'), 'utf8'));

  it('knows exactly the codes the service sends, in its order', () => {
    expect(apiErrorCodes).toEqual(serviceCodes);
  });

  // Each code also has words for the diner: `tapFailureCopy` is typed as a record over every code.
  it.each(apiErrorCodes)('reads an envelope with %s as that code', (code) => {
    expect(parseErrorEnvelope({ error: code, message: 'From the service.' })).toMatchObject({
      ok: true,
      value: { error: code },
    });
  });
});
