// What diners did, counted by the service for one restaurant or the whole platform, and the raw events behind it.
import { consoleRequest, consoleUrl } from '@/lib/console/console-api';
import {
  array,
  count,
  nonEmptyString,
  nullish,
  number,
  object,
  ParseError,
  type Parsed,
  type Parser,
  safeParse,
  string,
} from '@/lib/parse';

/** Inclusive days, `YYYY-MM-DD`, in the restaurant's own time zone. */
export interface DayRange {
  from: string;
  to: string;
}

/** A list of exactly `length` items (the heat map's 7 × 24, the 0–10 distribution). */
function listOf<T>(item: Parser<T>, length: number): Parser<T[]> {
  const list = array(item);
  return (input, path = '') => {
    const items = list(input, path);
    if (items.length !== length) throw new ParseError(path, `a list of ${length}`);
    return items;
  };
}

/** A share between 0 and 1. */
const share: Parser<number> = (input, path = '') => {
  const value = number(input, path);
  if (value < 0 || value > 1) throw new ParseError(path, 'a share between 0 and 1');
  return value;
};

const npsScore: Parser<number> = (input, path = '') => {
  const value = number(input, path);
  if (value < -100 || value > 100) throw new ParseError(path, 'a score from -100 to 100');
  return value;
};

// Steps and lengths are kept as the service names them: a name this page does not know yet is shown as it is.
const insightsParser = object({
  scope: object({ restaurant: nullish(object({ slug: nonEmptyString, name: nonEmptyString, timeZone: string })) }),
  from: nonEmptyString,
  to: nonEmptyString,
  funnel: array(object({ step: nonEmptyString, count })),
  sessionsByDay: array(object({ day: nonEmptyString, sessions: count })),
  hourOfWeek: listOf(listOf(count, 24), 7),
  sessions: object({
    count,
    medianMinutes: nullish(number),
    medianCards: nullish(number),
    twoPhone: object({ sessions: count, joined: count }),
  }),
  tables: array(object({ label: string, scans: count, sessions: count, medianCards: nullish(number) })),
  questions: array(
    object({
      questionId: count,
      revision: count,
      context: string,
      text: string,
      shown: count,
      liked: count,
      disliked: count,
      medianSeconds: nullish(number),
      quickShare: nullish(share),
    }),
  ),
  recommend: object({ score: nullish(npsScore), count, distribution: listOf(count, 11) }),
  relationshipLengths: array(object({ length: nonEmptyString, count })),
});
export type Insights = Parsed<typeof insightsParser>;
export type FunnelStep = Insights['funnel'][number];
export type QuestionFigures = Insights['questions'][number];
export type TableFigures = Insights['tables'][number];

const rangeQuery = (range: DayRange) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;
const restaurantPath = (slug: string) => `/restaurants/${encodeURIComponent(slug)}`;

/** One restaurant's figures (`slug`), or every restaurant's together (admins; `slug` null). */
export async function fetchInsights(slug: string | null, range: DayRange, signal?: AbortSignal): Promise<Insights> {
  const path = slug === null ? '/insights' : `${restaurantPath(slug)}/insights`;
  const response = await consoleRequest(`${path}?${rangeQuery(range)}`, {
    parse: (json) => safeParse(insightsParser, json),
    signal,
  });
  return response.data;
}

/** The range's raw events, oldest first; plain links, so the browser downloads them with the sign-in cookie. */
export function eventExportUrls(slug: string, range: DayRange) {
  return {
    csv: consoleUrl(`${restaurantPath(slug)}/events.csv?${rangeQuery(range)}`),
    jsonl: consoleUrl(`${restaurantPath(slug)}/events.jsonl?${rangeQuery(range)}`),
  };
}
