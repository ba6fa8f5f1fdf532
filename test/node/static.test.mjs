// The receiver's static files in demo mode (`folio-receiver --demo`, `npm start`): the right types,
// the redirects, CORS for shared stories, and nothing outside dist/ and demo/ (no traversal,
// dot-folders, node_modules, symlinks out, or the server's own source). Without --demo, none of it.
import assert from 'node:assert/strict';
import { readFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFolioServer, ROOT } from '../../server/index.mjs';

const SECRET = 'top-secret-do-not-serve';

let dir;
let root;
let app;
let base;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'folio-static-'));
  root = path.join(dir, 'repo');
  const files = {
    'dist/folio.js': '(()=>{console.log("folio")})();\n//# sourceMappingURL=folio.js.map\n',
    'dist/folio.js.map': '{"version":3}',
    'dist/folio.mjs': 'export const folio = 1;\n',
    'demo/index.html': '<!doctype html><title>Article</title>',
    'demo/embed.html': '<!doctype html><title>Partner</title>',
    'demo/stories/sample.json': '{"id":"sample"}',
    'demo/images/photo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'demo/.env': SECRET,
    'package.json': SECRET,
    '.git/config': SECRET,
    '.data/corrections.sqlite': SECRET,
    'node_modules/lit/index.js': SECRET,
    'dist/node_modules/x.js': SECRET,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  await writeFile(path.join(dir, 'outside.txt'), SECRET);
  await symlink(dir, path.join(root, 'demo', 'escape'));

  app = await createFolioServer({ demo: true, root, db: ':memory:', editorToken: 'x'.repeat(32) });
  const { port } = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** A request with the path sent byte for byte (fetch would normalise "..", "%2e" and "//"). */
function raw(pathname, { method = 'GET', headers = {}, base: origin = base } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  test('/ redirects to the article page', async () => {
    const res = await raw('/');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/demo/index.html');
  });

  test('the bundles and their source maps are served with their types, no-cache and nosniff', async () => {
    for (const [file, type] of [
      ['/dist/folio.js', 'text/javascript; charset=utf-8'],
      ['/dist/folio.mjs', 'text/javascript; charset=utf-8'],
      ['/dist/folio.js.map', 'application/json; charset=utf-8'],
      ['/demo/index.html', 'text/html; charset=utf-8'],
      ['/demo/images/photo.svg', 'image/svg+xml'],
    ]) {
      const res = await fetch(`${base}${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get('content-type'), type, file);
      assert.equal(res.headers.get('cache-control'), 'no-cache', file);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', file);
      assert.equal(await res.text(), await readFile(path.join(root, file), 'utf8'));
    }
  });

  test('HEAD has the headers and no body; an unchanged file revalidates to 304', async () => {
    const head = await raw('/dist/folio.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.ok(head.headers.etag);
    const again = await raw('/dist/folio.js', { headers: { 'If-None-Match': head.headers.etag } });
    assert.equal(again.status, 304);
  });

  test('a missing file -> 404; other methods -> 405', async () => {
    assert.equal((await fetch(`${base}/dist/nope.js`)).status, 404);
    assert.equal((await fetch(`${base}/demo/stories/nope.json`)).status, 404);
    const post = await fetch(`${base}/dist/folio.js`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.match(post.headers.get('allow'), /GET/);
  });

  test('a folder redirects to its index.html, never to another host', async () => {
    const res = await raw('/demo');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/demo/index.html');
    const sneaky = await raw('//demo/');
    assert.equal(sneaky.headers.location, '/demo/index.html');
  });

  test('stories are readable from any origin, preflight included; other files are not', async () => {
    const res = await fetch(`${base}/demo/stories/sample.json`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');

    const missing = await fetch(`${base}/demo/stories/nope.json`);
    assert.equal(missing.headers.get('access-control-allow-origin'), '*', 'a partner can see the 404');

    const pre = await raw('/demo/stories/sample.json', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.match(pre.headers['access-control-allow-methods'], /GET/);
    assert.equal(pre.headers['access-control-allow-headers'], 'x-requested-with');

    const page = await fetch(`${base}/demo/index.html`);
    assert.equal(page.headers.get('access-control-allow-origin'), null);
  });
});

describe('nothing outside dist/ and demo/', () => {
  const attempts = [
    '/package.json',
    '/demo/../package.json',
    '/demo/%2e%2e/package.json',
    '/demo/%2E%2E/%2E%2E/etc/passwd',
    '/dist/..%2f..%2fpackage.json',
    '/dist/..%5c..%5cpackage.json',
    '/demo/..\\package.json',
    '/..',
    '/../../etc/passwd',
    '/.git/config',
    '/demo/../.git/config',
    '/.data/corrections.sqlite',
    '/demo/.env',
    '/node_modules/lit/index.js',
    '/dist/node_modules/x.js',
    '/demo/escape/outside.txt',
    '/demo/escape/repo/package.json',
    '//etc/passwd',
    '/demo/index.html%00.json',
    '/demo/%ZZ',
    '/etc/passwd',
    '/server/index.mjs',
    '/server/lib/store.mjs',
    '/demo/lib/store.mjs',
    '/demo/inbox.html',
    '/inbox/store.mjs',
    '/inbox/../server/lib/store.mjs',
    '/inbox/%2e%2e/lib/store.mjs',
  ];
  for (const attempt of attempts) {
    test(`${attempt} -> 400 or 404`, async () => {
      const res = await raw(attempt);
      assert.ok([400, 404].includes(res.status), `${attempt} answered ${res.status}`);
      assert.ok(!res.text.includes(SECRET));
    });
  }
});

describe('/inbox', () => {
  let repo;
  before(async () => {
    repo = await createFolioServer({ demo: true, root: ROOT, db: ':memory:', editorToken: 'y'.repeat(32) });
    const { port } = await repo.listen(0, '127.0.0.1');
    repo.base = `http://127.0.0.1:${port}`;
  });
  after(() => repo.close());

  test('serves the inbox page with a strict Content-Security-Policy, however its path is spelt', async () => {
    // fetch would normalise these; the raw request sends them as an attacker would.
    for (const url of [
      '/inbox',
      '//inbox',
      '/%69nbox',
      '/inbox/../inbox',
      '/%2Finbox',
      '/inbox/%69nbox.js',
      '//inbox//inbox.css',
    ]) {
      const res = await raw(url, { base: repo.base });
      if (res.status !== 200) {
        assert.ok([301, 400, 404].includes(res.status), `${url} answered ${res.status}`);
        continue;
      }
      for (const header of ['content-security-policy', 'x-frame-options', 'referrer-policy']) {
        assert.ok(res.headers[header], `${url} has no ${header}`);
      }
      assert.match(res.headers['content-security-policy'], /default-src 'self'/, url);
      assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/, url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
    const page = await raw('/%69nbox', { base: repo.base });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(page.text, /Corrections inbox/);
    // The old address inside demo/ serves nothing now, in any spelling.
    for (const url of ['/demo/inbox.html', '/demo//inbox.html', '/demo/%69nbox.html']) {
      assert.equal((await raw(url, { base: repo.base })).status, 404, url);
    }
  });

  test('the page and its script and styles need nothing the policy forbids', async () => {
    const html = await readFile(path.join(ROOT, 'server', 'inbox', 'index.html'), 'utf8');
    const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
    for (const tag of withoutComments.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      assert.match(tag, /^<script\b[^>]*\bsrc="\/[^"]+"[^>]*><\/script>$/, `inline script: ${tag}`);
    }
    assert.doesNotMatch(withoutComments, /<style\b/i);
    assert.doesNotMatch(withoutComments, /\sstyle=/i);
    assert.doesNotMatch(withoutComments, /\son[a-z]+=/i);
    const script = await readFile(path.join(ROOT, 'server', 'inbox', 'inbox.js'), 'utf8');
    assert.doesNotMatch(
      script,
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\s*=|eval\(|new Function/,
    );
    for (const asset of ['/inbox/inbox.js', '/inbox/inbox.css', '/inbox/text-fragment.mjs']) {
      const res = await fetch(`${repo.base}${asset}`);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get('content-type'), /^text\/(javascript|css); charset=utf-8$/);
      assert.ok((await res.text()).length > 0, asset);
    }
  });
});

describe('without --demo: the API and the inbox only', () => {
  let receiver;
  before(async () => {
    receiver = await createFolioServer({ root: ROOT, db: ':memory:', editorToken: 'z'.repeat(32) });
    const { port } = await receiver.listen(0, '127.0.0.1');
    receiver.base = `http://127.0.0.1:${port}`;
  });
  after(() => receiver.close());

  test('/ opens the inbox, and no demo page, bundle or source file is served', async () => {
    const home = await fetch(`${receiver.base}/`, { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/inbox');
    for (const url of [
      '/demo/index.html',
      '/dist/folio.js',
      '/demo/stories/sample.json',
      '/server/index.mjs',
      '/package.json',
    ]) {
      assert.equal((await fetch(`${receiver.base}${url}`)).status, 404, url);
    }
    assert.equal((await fetch(`${receiver.base}/inbox`)).status, 200);
  });
});
