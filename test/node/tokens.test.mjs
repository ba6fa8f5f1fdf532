// The design tokens: every `--folio-*` custom property Folio's styles read has one default
// wherever it is read (a publisher who sets nothing sees one accent, one text colour, one
// radius), and the README names it. Reads the styles' source, as the bundle ships them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every styles module under src/ (`*.styles.ts`, and the css`` of any other module). */
function styleSources(dir = join(ROOT, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styleSources(path);
    return entry.name.endsWith('.ts') && readFileSync(path, 'utf8').includes('css`') ? [path] : [];
  });
}

/** Each `var(--folio-name, default)` in `text`: the name and its fallback (null when it has none). */
export function tokenReads(text) {
  const reads = [];
  for (let at = text.indexOf('var(--folio-'); at >= 0; at = text.indexOf('var(--folio-', at + 1)) {
    const name = /^var\((--folio-[a-z-]+)/.exec(text.slice(at))[1];
    let i = at + 'var('.length + name.length;
    if (text[i] !== ',') {
      reads.push({ name, fallback: null });
      continue;
    }
    // The fallback runs to the parenthesis that closes this var(.
    let depth = 0;
    const start = ++i;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && depth-- === 0) break;
    }
    reads.push({ name, fallback: text.slice(start, i).replace(/\s+/g, ' ').trim() });
  }
  return reads;
}

test('tokenReads finds names and whole fallbacks, nested ones included', () => {
  assert.deepEqual(tokenReads('color: var(--folio-a, light-dark(#1, var(--folio-b, #2))); x: var(--folio-c)'), [
    { name: '--folio-a', fallback: 'light-dark(#1, var(--folio-b, #2))' },
    { name: '--folio-b', fallback: '#2' },
    { name: '--folio-c', fallback: null },
  ]);
});

test('every --folio-* token has one default across Folio’s styles', () => {
  const defaults = new Map();
  for (const file of styleSources()) {
    for (const { name, fallback } of tokenReads(readFileSync(file, 'utf8'))) {
      if (fallback === null) continue;
      const seen = defaults.get(name) ?? new Map();
      seen.set(fallback, [...(seen.get(fallback) ?? []), file.slice(ROOT.length)]);
      defaults.set(name, seen);
    }
  }
  assert.ok(defaults.size > 10, `only ${defaults.size} tokens found: is the scan still reading the styles?`);
  const conflicting = [...defaults]
    .filter(([, seen]) => seen.size > 1)
    .map(([name, seen]) => ({ name, ...Object.fromEntries(seen) }));
  assert.deepEqual(conflicting, []);
});

test('the README names every token the styles read', () => {
  const names = new Set(styleSources().flatMap((file) => tokenReads(readFileSync(file, 'utf8')).map((r) => r.name)));
  const undocumented = [...names].filter((name) => !README.includes(`\`${name}\``));
  assert.deepEqual(undocumented, []);
});
