import { expect } from '@open-wc/testing';
import { fetchJson } from '../../src/internal/fetch-json.js';

const feed = new URL('../fixtures/related/items.json', import.meta.url).href;
const state = async (key: string) => (await fetch(`/__test/hang-state/${key}`)).json();

describe('fetchJson', () => {
  it('gives the parsed JSON and the status', async () => {
    const result = await fetchJson(feed);
    expect(result).to.deep.equal({
      ok: true,
      status: 200,
      value: {
        items: [
          { href: '/a', headline: 'First' },
          { href: '/b', headline: 'Second' },
        ],
      },
    });
  });

  it('says http, with the status and the URL, when the server answers an error', async () => {
    expect(await fetchJson('/__test/status/404')).to.deep.equal({
      ok: false,
      code: 'http',
      status: 404,
      message: '/__test/status/404: HTTP 404',
    });
    expect(await fetchJson('/__test/status/500')).to.include({ code: 'http', status: 500 });
  });

  it('says json when the body is not JSON', async () => {
    const result = await fetchJson('/__test/json/malformed');
    expect(result).to.include({ ok: false, code: 'json', status: 200 });
    expect(result.ok || result.message).to.match(/^\/__test\/json\/malformed: /);
  });

  it('says network, with no status, when the server cannot be reached', async () => {
    const result = await fetchJson('http://127.0.0.1:9/feed.json');
    expect(result).to.include({ ok: false, code: 'network', status: undefined });
  });

  it('gives up after the timeout, saying timeout, and stops the request', async () => {
    const result = await fetchJson('/__test/hang/fetch-json-timeout', { timeout: 200 });
    expect(result).to.include({ ok: false, code: 'timeout', status: undefined });
    expect(result.ok || result.message).to.match(/^\/__test\/hang\/fetch-json-timeout: /);
    for (let i = 0; i < 50 && (await state('fetch-json-timeout')) === 'waiting'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await state('fetch-json-timeout')).to.equal('aborted');
  });

  it("stops the request when the caller's signal aborts, and says aborted, not timeout", async () => {
    const controller = new AbortController();
    const pending = fetchJson('/__test/hang/fetch-json-abort', { signal: controller.signal, timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect(await pending).to.include({ ok: false, code: 'aborted' });
    for (let i = 0; i < 50 && (await state('fetch-json-abort')) === 'waiting'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await state('fetch-json-abort')).to.equal('aborted');
  });

  it('fetches nothing for a signal that was aborted already', async () => {
    const result = await fetchJson('/__test/hang/fetch-json-aborted-before', { signal: AbortSignal.abort() });
    expect(result).to.include({ ok: false, code: 'aborted' });
    expect(await state('fetch-json-aborted-before')).to.be.oneOf(['unknown', 'aborted']);
  });
});
