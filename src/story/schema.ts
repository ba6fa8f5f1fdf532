/**
 * Named rules for checking untrusted JSON, and the types they check, inferred from them (so a
 * type and its check cannot drift apart). A rule takes a value and where it sits (`body[3].html`)
 * and returns it as its type says (objects as a copy holding only the fields the rule names), or
 * throws a `SchemaError` that says where and what was expected.
 */

/** Checks one value: returns it as `T`, or throws a SchemaError. */
export type Rule<T> = (value: unknown, path: string) => T;

/** The type a rule checks. */
export type Infer<R> = R extends Rule<infer T> ? T : never;

/** Fields of an object, each with its rule. */
export type Fields = Record<string, Rule<unknown>>;

/** The object that fields describe. */
export type ObjectOf<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

/** Flattens an intersection into one object type (easier to read in an editor). */
type Flat<T> = { [K in keyof T]: T[K] } & {};

/**
 * Why a value was refused: where it is (`body[3].html`; '' for the value itself) and what it
 * must be. Not an Error: a refusal is an expected outcome (every optional field of the wrong
 * kind is one), with no stack trace worth building; `validate` puts it into words.
 */
export class SchemaError {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {}
}

/** A rule from a test of the value and what the value must be, in words for the error. */
function rule<T>(test: (value: unknown) => value is T, expected: string): Rule<T> {
  return (value, path) => {
    if (test(value)) return value;
    throw new SchemaError(path, expected);
  };
}

const isString = (value: unknown): value is string => typeof value == 'string';
const isNumber = (value: unknown): value is number => typeof value == 'number';

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/** Any string. */
export const text = rule(isString, 'a string');

/** A string with more than white space in it. */
export const nonBlank = rule((value): value is string => isString(value) && !!value.trim(), 'a non-blank string');

/** A string the browser reads as a date (the format asks for ISO 8601). */
export const date = rule((value): value is string => isString(value) && !isNaN(Date.parse(value)), 'a date');

/** A finite number above 0 (a size, a count of paragraphs). */
export const positiveNumber = rule(
  (value): value is number => isNumber(value) && value > 0 && value < Infinity,
  'a positive number',
);

/** A number of 0 or more. */
export const nonNegativeNumber = rule(
  (value): value is number => isNumber(value) && value >= 0,
  'a number of 0 or more',
);

/** true or false. */
export const boolean = rule((value): value is boolean => typeof value == 'boolean', 'true or false');

/** A string, or a number taken as its digits (ids). */
export const textOrNumber: Rule<string> = (value, path) =>
  String(rule((x): x is string | number => isString(x) || isNumber(x), 'a string or a number')(value, path));

/** The value when `check` accepts it, else `fallback` (so this rule never refuses). */
export const withDefault =
  <T>(check: Rule<T>, fallback: T): Rule<T> =>
  (value, path) => {
    try {
      return check(value, path);
    } catch {
      return fallback;
    }
  };

/** Where a field of the object at `path` is. */
const fieldPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * An object with the `required` fields and those of the `optional` ones it has, copied (only
 * these fields) in that order, which is also the order of the checks. An optional field of the
 * wrong kind is dropped; an optional object or list that is there must be valid inside.
 */
export function object<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional?: O,
): Rule<Flat<ObjectOf<R> & Partial<ObjectOf<O>>>> {
  return (value, path) => {
    if (!isRecord(value)) throw new SchemaError(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const key in required) out[key] = required[key](value[key], fieldPath(path, key));
    for (const key in optional) {
      const where = fieldPath(path, key);
      try {
        out[key] = optional[key](value[key], where);
      } catch (e) {
        if (!(e instanceof SchemaError && e.path === where)) throw e;
      }
    }
    return out as Flat<ObjectOf<R> & Partial<ObjectOf<O>>>;
  };
}

/**
 * A list rule: `check` gives what each item becomes (none, one, or the item as checked), told
 * where the item sits (`body[3]`).
 */
const listOf =
  <T>(check: (entry: unknown, path: string) => T[]): Rule<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new SchemaError(path, 'a list');
    return value.flatMap((entry, i) => check(entry, `${path}[${i}]`));
  };

/** A list whose every item passes `item`. */
export const list = <T>(item: Rule<T>): Rule<T[]> => listOf((entry, path) => [item(entry, path)]);

/** A list of which only the items `item` accepts are kept: a bad entry costs only itself. */
export const validItems = <T>(item: Rule<T>): Rule<T[]> =>
  listOf(withDefault((entry, path) => [item(entry, path)], []));

/** The item types of a tagged list: `{ type: name }` and the fields of the rule of that name. */
export type Tagged<V extends Record<string, Rule<object>>> = {
  [K in keyof V & string]: Flat<{ type: K } & Infer<V[K]>>;
}[keyof V & string];

/** The `type` of a list item when `rules` has a rule for it, else undefined. */
export function knownType(item: unknown, rules: object): string | undefined {
  const type = isRecord(item) ? item.type : undefined;
  return isString(type) && Object.hasOwn(rules, type) ? type : undefined;
}

/**
 * A list of objects told apart by their `type`, each checked by the rule of its type. An item
 * of a type not in `rules`, or one that is not an object, is left out (not an error), so that a
 * newer feed still reads; `knownType` tells which were.
 */
export const tagged = <V extends Record<string, Rule<object>>>(rules: V): Rule<Tagged<V>[]> =>
  listOf((entry, path) => {
    const type = knownType(entry, rules);
    return type ? [{ type, ...rules[type](entry, path) } as Tagged<V>] : [];
  });

/** Runs `check` on an untrusted value: the value as checked, or the first thing wrong with it, in words. */
export function validate<T>(
  check: Rule<T>,
  value: unknown,
  name: string,
): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: check(value, '') };
  } catch (e) {
    // (Anything else is a getter of the caller's own object that threw.)
    return { ok: false, error: e instanceof SchemaError ? `${e.path || name} must be ${e.expected}` : String(e) };
  }
}
