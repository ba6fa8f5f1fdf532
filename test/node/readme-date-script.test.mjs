// The page script README's "The first date format" gives publishers is the one the cold bench
// measures its (c′) and (d′) pages with: the figures the README quotes for it are its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WARM_DATES } from '../bench/cold.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test("README's first-date-format script is the cold bench's WARM_DATES, statement for statement", () => {
  const section = README.slice(README.indexOf('### The first date format'));
  const script = /```html\n<script>\n([^]*?)<\/script>\n```/.exec(section)?.[1];
  assert.ok(script, 'no script in the section');
  // The same code, whatever the indentation and comments.
  const code = (text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('//'))
      .join('\n');
  assert.equal(code(script), code(WARM_DATES));
});
