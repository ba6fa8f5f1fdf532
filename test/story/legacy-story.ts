/**
 * The Story validator as it was before the named rules (the field-spec mini-language of
 * src/story/story.ts up to issue 15), kept only here: the fuzz test in story-fuzz.test.ts checks
 * that the rules give the same result on every generated story. Copied verbatim but for the
 * types, which are loose (the output is compared as data).
 */
type Story = Record<string, unknown>;
type RelatedItem = Record<string, unknown>;
type StoryBlock = Record<string, unknown>;
export type ParseResult = { ok: true; story: Story; skipped: string[] } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v == 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';

const need = (cond: unknown, where: string, what: string): void => {
  if (!cond) throw Error(`${where} must be ${what}`);
};

/**
 * Checks an object against a spec and returns a copy holding only the fields the spec names.
 * A spec lists fields separated by spaces, each after the sign of its kind:
 * - required: `!` non-blank string, `=` string, `*` array of strings, `@` ISO 8601 date;
 * - optional, dropped when of the wrong kind: `?` string, `#` positive number, `%` number
 *   of 0 or more, `^` boolean, `~` ISO 8601 date; `_` string, else `""`.
 */
function rec(v: unknown, where: string, spec: string): Obj {
  need(isObj(v), where, 'an object');
  const out: Obj = {};
  for (const f of spec.split(' ')) {
    const t = f[0];
    const k = f.slice(1);
    const x = (v as Obj)[k];
    if (
      t === '#'
        ? typeof x == 'number' && x > 0 && x < 1 / 0
        : t === '%'
          ? typeof x == 'number' && x >= 0
          : t === '^'
            ? typeof x == 'boolean'
            : t === '*'
              ? Array.isArray(x) && x.every(isStr)
              : isStr(x) && (t === '!' ? x.trim() : (t !== '@' && t !== '~') || !isNaN(Date.parse(x)))
    )
      out[k] = x;
    else if (t === '_') out[k] = '';
    else need('?#%^~'.includes(t), `${where}.${k}`, t === '*' ? 'strings' : t === '@' ? 'a date' : 'a string');
  }
  return out;
}

/** An array, each item through `f` with its place (`body[3]`) for the error message. */
function each<T>(v: unknown, where: string, f: (x: unknown, where: string) => T): T[] {
  need(Array.isArray(v), where, 'an array');
  return (v as unknown[]).map((x, i) => f(x, `${where}[${i}]`));
}

const IMAGE = '!src _alt ?caption ?credit #width #height';
const RELATED = '!href !headline ?kicker ?label ?teaser';
const BLOCKS: Obj = {
  paragraph: '=html',
  heading: '=text',
  image: IMAGE,
  quote: '=html ?cite',
  list: '*items ^ordered',
  ad: '?sizes ?unit ?provider',
  related: RELATED,
};

/** A related item (story `related`, a `related` block, a feed entry); throws when it has no href or headline. */
export const parseRelated = (v: unknown, where: string): RelatedItem =>
  rec(v, where, RELATED) as unknown as RelatedItem;

/** One body block, or the name of an unknown type (skipped, not fatal; so is a block that is not an object). */
function block(v: unknown, where: string): StoryBlock | string {
  const type = (v as Obj)?.type as string;
  const spec = BLOCKS[type];
  if (!isStr(spec)) return String(type);
  const b: Obj = { type, ...rec(v, where, spec) };
  if (type === 'heading') b.level = (v as Obj).level === 3 ? 3 : 2;
  return b as unknown as StoryBlock;
}

/** The optional parts of a story that are objects; each is dropped when it is not one. */
const PARTS: [keyof Story, string][] = [
  ['image', IMAGE],
  ['publisher', '=name =url ?logo'],
  ['ads', '?provider ?unit ?sizes #first #gap %max ^enabled'],
  ['corrections', '?endpoint'],
];

/**
 * Checks an untrusted value against the Story format. Unknown block types are not an error:
 * they are dropped and named in `skipped`, so a newer feed still renders on an older Folio.
 */
export function parseStory(input: unknown): ParseResult {
  try {
    const story = rec(
      input,
      'the story',
      '!headline =url ?standfirst ?kicker ?section ?lang @datePublished ~dateModified',
    );
    const o = input as Obj;
    need(isStr(o.id) || typeof o.id == 'number', 'id', 'a string');
    story.id = '' + o.id;
    story.byline = each(o.byline, 'byline', (p, w) => rec(p, w, '=name ?url'));
    const body = each(o.body, 'body', block);
    story.body = body.filter((b) => !isStr(b));
    for (const [k, spec] of PARTS) if (isObj(o[k])) story[k] = rec(o[k], k, spec);
    if (Array.isArray(o.related)) story.related = each(o.related, 'related', parseRelated);
    return { ok: true, story: story as unknown as Story, skipped: body.filter(isStr) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
