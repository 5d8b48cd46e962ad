// A few composable parsers for untrusted JSON (server messages, stored data). Each returns a new
// value built from the known fields only, or throws a ParseError naming the first bad field.
// Hand-written instead of a schema library to keep the first download small (see README).

export class ParseError extends Error {
  readonly path: string;
  constructor(path: string, expected: string) {
    super(`${path || 'value'}: expected ${expected}`);
    this.name = 'ParseError';
    this.path = path;
  }
}

export type Parser<T> = (input: unknown, path?: string) => T;
export type Parsed<P> = P extends Parser<infer T> ? T : never;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Runs a parser without throwing. */
export function safeParse<T>(parser: Parser<T>, input: unknown): ParseResult<T> {
  try {
    return { ok: true, value: parser(input, '') };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: error.message };
    throw error;
  }
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export const string: Parser<string> = (input, path = '') => {
  if (typeof input !== 'string') throw new ParseError(path, 'a string');
  return input;
};

export const nonEmptyString: Parser<string> = (input, path = '') => {
  if (typeof input !== 'string' || input.length === 0) throw new ParseError(path, 'a non-empty string');
  return input;
};

export const boolean: Parser<boolean> = (input, path = '') => {
  if (typeof input !== 'boolean') throw new ParseError(path, 'true or false');
  return input;
};

export const count: Parser<number> = (input, path = '') => {
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 0) {
    throw new ParseError(path, 'a whole number ≥ 0');
  }
  return input;
};

export const number: Parser<number> = (input, path = '') => {
  if (typeof input !== 'number' || !Number.isFinite(input)) throw new ParseError(path, 'a number');
  return input;
};

export function literal<const T extends string>(value: T): Parser<T> {
  return (input, path = '') => {
    if (input !== value) throw new ParseError(path, JSON.stringify(value));
    return value;
  };
}

export function oneOf<const T extends readonly string[]>(values: T): Parser<T[number]> {
  return (input, path = '') => {
    if (typeof input !== 'string' || !values.includes(input)) throw new ParseError(path, `one of ${values.join(', ')}`);
    return input;
  };
}

/** Absent (or undefined) is allowed. */
export function optional<T>(parser: Parser<T>): Parser<T | undefined> {
  return (input, path = '') => (input === undefined ? undefined : parser(input, path));
}

/** Absent, undefined or null all come out as undefined. */
export function nullish<T>(parser: Parser<T>): Parser<T | undefined> {
  return (input, path = '') => (input === undefined || input === null ? undefined : parser(input, path));
}

export function either<A, B>(first: Parser<A>, second: Parser<B>, expected: string): Parser<A | B> {
  return (input, path = '') => {
    try {
      return first(input, path);
    } catch {
      try {
        return second(input, path);
      } catch {
        throw new ParseError(path, expected);
      }
    }
  };
}

export function array<T>(item: Parser<T>): Parser<T[]> {
  return (input, path = '') => {
    if (!Array.isArray(input)) throw new ParseError(path, 'a list');
    return input.map((value, index) => item(value, at(path, index)));
  };
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** A string-keyed map; built with Object.fromEntries so keys like "__proto__" stay plain data. */
export function record<T>(value: Parser<T>): Parser<Record<string, T>> {
  return (input, path = '') => {
    if (!isPlainObject(input)) throw new ParseError(path, 'an object');
    return Object.fromEntries(Object.entries(input).map(([key, item]) => [key, value(item, at(path, key))]));
  };
}

type Shape = Record<string, Parser<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Parsed<S[K]> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] };
/** Fields whose parser accepts "absent" become optional properties. */
type ObjectOf<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Parsed<S[K]> } & { [K in OptionalKeys<S>]?: Parsed<S[K]> }
>;

/** An object with exactly the shape's fields in the result; unknown fields are dropped. */
export function object<S extends Shape>(shape: S): Parser<ObjectOf<S>> {
  return (input, path = '') => {
    if (!isPlainObject(input)) throw new ParseError(path, 'an object');
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const parser = shape[key] as Parser<unknown>;
      const value = parser(Object.hasOwn(input, key) ? input[key] : undefined, at(path, key));
      if (value !== undefined) result[key] = value;
    }
    // Every field of the shape was checked above; this only names the type that the loop built.
    return result as ObjectOf<S>;
  };
}

/** A union told apart by its `type` field. */
export function byType<V extends Record<string, Parser<{ type: string }>>>(variants: V): Parser<Parsed<V[keyof V]>> {
  return (input, path = '') => {
    if (!isPlainObject(input) || typeof input.type !== 'string' || !Object.hasOwn(variants, input.type)) {
      throw new ParseError(at(path, 'type'), `one of ${Object.keys(variants).join(', ')}`);
    }
    return (variants[input.type] as Parser<Parsed<V[keyof V]>>)(input, path);
  };
}
