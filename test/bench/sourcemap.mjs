// Maps positions in a built bundle back to the source: file, line and the function there.
// Through two maps where the bundle was made from minified files that ship maps of their own
// (Lit's published .js files map to its TypeScript), so `dist/folio.js` positions read as
// `lit-html/src/lit-html.ts:1234 _commitTemplateResult` rather than `lit-html.js:1:8123 $`.
//
//   const map = loadSourceMap('dist/folio.js');
//   map.original(0, 8123)          → { source, line, column, name, fn } (line 1-based, column 0-based)
//   map.describe(0, 8123)          → 'src/elements/article/enhance.ts:88 enhanceBody'
//   map.position(charOffset)       → { line, column } in the bundle (LoAF gives offsets)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a version 3 map's mappings: per generated line, segments [column, source, line, column, name?] sorted by column. */
function decode(mappings) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length < 4) continue;
      source += values[1];
      sourceLine += values[2];
      sourceColumn += values[3];
      if (values.length > 4) name += values[4];
      segments.push([column, source, sourceLine, sourceColumn, values.length > 4 ? name : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** The last segment at or before `column` on a generated line (how DevTools maps a position). */
function segmentAt(lines, line, column) {
  const segments = lines[line];
  if (!segments?.length) return null;
  let low = 0;
  let high = segments.length - 1;
  if (segments[0][0] > column) return null;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid][0] <= column) low = mid;
    else high = mid - 1;
  }
  return segments[low];
}

/**
 * A readable name for the function that starts at (line, column) of a source text: a declaration
 * or method (`name(`), an assignment or property (`name = (…) =>`, `name: function`), else the
 * call it is passed to (`.then((x) => …)` → `then callback`).
 */
function functionName(text, line, column) {
  const lineText = text.split('\n')[line - 1] ?? '';
  const after = lineText.slice(column);
  const before = lineText.slice(0, column);
  const declared =
    /^(?:async\s+)?(?:function\s*\*?\s*)?(?:(?:static|get|set|override|protected|private|public)\s+)*(#?[\w$]+)\s*(?:<[^>]*>)?\s*\(/.exec(
      after,
    );
  if (declared && !['if', 'for', 'while', 'switch', 'catch', 'function', 'return'].includes(declared[1]))
    return declared[1];
  // An arrow function's position is its first parameter: `show = (more) =>`, `io = <T>(fn) =>`.
  const assigned = /(#?[\w$]+)\s*(?:\??=|:)\s*(?:async\s*)?(?:function\s*\*?\s*)?(?:<[^>]*>)?\(?\s*$/.exec(before);
  if (assigned) return assigned[1];
  const passed = /([\w$]+)\s*\(\s*(?:[^()]*,\s*)?\(?\s*$/.exec(before);
  if (passed) return `${passed[1]} callback`;
  return null;
}

const readSource = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

function readMap(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const dir = path.dirname(mapFile);
  return {
    lines: decode(map.mappings),
    names: map.names ?? [],
    sources: map.sources.map((s) => path.resolve(dir, map.sourceRoot ?? '', s)),
    // Sources the map does not carry (the TypeScript here) are read from disk.
    contents: map.sources.map(
      (s, i) => map.sourcesContent?.[i] ?? readSource(path.resolve(dir, map.sourceRoot ?? '', s)),
    ),
  };
}

/**
 * Loads `bundle` and `bundle.map`; the maps of minified dependencies are followed when they ship
 * one. Source paths are shown relative to `root` (default: the folder above the bundle's).
 */
export function loadSourceMap(bundle, { root = path.resolve(path.dirname(bundle), '..') } = {}) {
  const code = readFileSync(bundle, 'utf8');
  const top = readMap(`${bundle}.map`);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const inner = new Map();
  const innerMap = (file) => {
    if (!inner.has(file))
      inner.set(file, existsSync(`${file}.map`) && /\.js$/.test(file) ? readMap(`${file}.map`) : null);
    return inner.get(file);
  };
  const short = (file) => path.relative(root, file).replace(/^node_modules\//, '');

  /** Where (line, column) of the bundle (both 0-based) comes from, through a dependency's own map when it has one. */
  function original(line, column) {
    const seg = segmentAt(top.lines, line, column);
    if (!seg) return null;
    let source = top.sources[seg[1]];
    let text = top.contents[seg[1]] ?? '';
    let out = { source: short(source), line: seg[2] + 1, column: seg[3], name: seg[4] >= 0 ? top.names[seg[4]] : null };
    const dep = innerMap(source);
    if (dep) {
      const depSeg = segmentAt(dep.lines, seg[2], seg[3]);
      if (depSeg) {
        source = dep.sources[depSeg[1]];
        text = dep.contents[depSeg[1]] ?? '';
        out = {
          source: short(source),
          line: depSeg[2] + 1,
          column: depSeg[3],
          name: depSeg[4] >= 0 ? dep.names[depSeg[4]] : null,
        };
      }
    }
    out.fn = functionName(text, out.line, out.column) ?? out.name;
    out.text = (text.split('\n')[out.line - 1] ?? '').slice(out.column, out.column + 60).trim();
    return out;
  }

  return {
    code,
    original,
    /** `file:line name` for a bundle position, or the position itself when the map does not cover it. */
    describe(line, column) {
      const o = original(line, column);
      return o ? `${o.source}:${o.line}${o.fn ? ` ${o.fn}` : ''}` : `folio.js:${line + 1}:${column + 1}`;
    },
    /** The bundle (line, column), both 0-based, of a character offset into its text. */
    position(offset) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low, column: offset - lineStarts[low] };
    },
  };
}
