import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { viewableShare, watchViewability } from '../../src/ads/viewability.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Scroll, then give IntersectionObserver two frames to report. */
async function scrollTo(y: number) {
  window.scrollTo(0, y);
  await nextFrame();
  await nextFrame();
}

describe('ads: viewability (MRC: 50% for a continuous second, 30% for large ads)', () => {
  let target: HTMLElement;
  let stop: (() => void) | undefined;

  before(() => setViewport({ width: 800, height: 600 }));
  beforeEach(async () => {
    const page = await fixture<HTMLElement>(html`<div style="position:relative;height:4000px">
      <div id="t" style="position:absolute;top:1500px;left:0;width:300px;height:250px;background:#ccc"></div>
      <div id="big" style="position:absolute;top:2500px;left:0;width:600px;height:500px;background:#ccc"></div>
    </div>`);
    target = page.querySelector('#t')!;
    await scrollTo(0);
  });
  afterEach(() => stop?.());

  it('picks the share by area: 30% from 242,500 px²', () => {
    expect(viewableShare(300 * 250)).to.equal(0.5);
    expect(viewableShare(242_499)).to.equal(0.5);
    expect(viewableShare(242_500)).to.equal(0.3);
    expect(viewableShare(970 * 250)).to.equal(0.3);
  });

  it('a slot below the fold is not viewable, however long the reader waits', async () => {
    let calls = 0;
    stop = watchViewability(target, () => calls++, { ms: 200 });
    await sleep(500);
    expect(calls).to.equal(0);
  });

  it('fires once after the slot has been in view for the whole threshold', async () => {
    let calls = 0;
    stop = watchViewability(target, () => calls++, { ms: 300 });
    const t0 = performance.now();
    await scrollTo(1400);
    while (!calls && performance.now() - t0 < 3000) await sleep(10);
    expect(calls).to.equal(1);
    expect(performance.now() - t0).to.be.at.least(300);
    await scrollTo(0);
    await scrollTo(1400);
    await sleep(500);
    expect(calls).to.equal(1);
  });

  it('the second must be continuous: scrolling away restarts the clock', async () => {
    let calls = 0;
    stop = watchViewability(target, () => calls++, { ms: 500 });
    await scrollTo(1400);
    await sleep(250);
    await scrollTo(0);
    await sleep(100);
    await scrollTo(1400);
    await sleep(250);
    expect(calls, 'in view 2 × 250 ms, with a break').to.equal(0);
    await sleep(600);
    expect(calls).to.equal(1);
  });

  /** Calls so far of an `onViewable` that counts them. */
  function counter() {
    const c = { calls: 0, fn: () => c.calls++ };
    return c;
  }

  it('40% of a small slot in view does not start the clock; 60% does', async () => {
    const c = counter();
    stop = watchViewability(target, c.fn, { ms: 300 });
    await scrollTo(1500 + 100 - 600); // 100 of 250 px visible
    await sleep(500);
    expect(c.calls, 'at 40%').to.equal(0);
    await scrollTo(1500 + 150 - 600); // 150 of 250 px
    await sleep(500);
    expect(c.calls, 'at 60%').to.equal(1);
  });

  it('dropping back under the share stops the clock', async () => {
    const c = counter();
    stop = watchViewability(target, c.fn, { ms: 400 });
    await scrollTo(1500 + 150 - 600); // 60%
    await sleep(200);
    await scrollTo(1500 + 100 - 600); // 40%
    await sleep(500);
    expect(c.calls).to.equal(0);
  });

  it('a large slot (600 × 500) counts from 30% in view', async () => {
    const c = counter();
    stop = watchViewability(document.querySelector('#big')!, c.fn, { ms: 300 });
    await scrollTo(2500 + 125 - 600); // 25%
    await sleep(500);
    expect(c.calls, 'at 25%').to.equal(0);
    await scrollTo(2500 + 175 - 600); // 35%
    await sleep(500);
    expect(c.calls, 'at 35%').to.equal(1);
  });

  it('stopping cancels a running clock', async () => {
    let calls = 0;
    stop = watchViewability(target, () => calls++, { ms: 200 });
    await scrollTo(1400);
    stop();
    await sleep(400);
    expect(calls).to.equal(0);
  });
});
