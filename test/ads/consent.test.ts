import { expect } from '@open-wc/testing';
import { readConsent, type TcfApi } from '../../src/ads/consent.js';
import { installCmp, type FakeCmp } from './tcf-cmp.js';

/** 'pending' if the promise has not settled within `ms`. */
const settled = <T>(p: Promise<T>, ms = 100): Promise<T | 'pending'> =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('ads: consent (IAB TCF v2.2)', () => {
  let cmp: FakeCmp | undefined;
  afterEach(() => cmp?.uninstall());

  it('without a CMP, proceeds with personalised ads at once', async () => {
    expect(await readConsent()).to.equal(true);
  });

  it('waits until the CMP has loaded: no answer before tcloaded', async () => {
    cmp = installCmp();
    const answer = readConsent();
    expect(await settled(answer)).to.equal('pending');
    cmp.load({ 1: true, 2: true });
    expect(await answer).to.equal(true);
  });

  it("the consent UI being shown is not an answer; the reader's choice is", async () => {
    cmp = installCmp();
    cmp.showUi();
    const answer = readConsent();
    expect(await settled(answer)).to.equal('pending');
    cmp.choose({ 1: false });
    // No purpose 1 consent: the slot asks for non-personalised ads, or none when strict (tested there).
    expect(await answer).to.equal(false);
  });

  it('answers at once when the CMP already has a stored choice', async () => {
    cmp = installCmp();
    cmp.load({ 1: true });
    expect(await settled(readConsent(), 20)).to.equal(true);
  });

  it('gdprApplies false: proceeds, personalised (even with no purpose consents)', async () => {
    cmp = installCmp();
    cmp.load({}, false);
    expect(await readConsent()).to.equal(true);
  });

  it('removes its listener once answered', async () => {
    cmp = installCmp();
    const answer = readConsent();
    expect(cmp.listeners.size).to.equal(1);
    cmp.load({ 1: true });
    await answer;
    expect(cmp.listeners.size).to.equal(0);
  });

  it('ignores unsuccessful callbacks', async () => {
    const calls: string[] = [];
    const api: TcfApi = (command, _v, cb) => {
      calls.push(command);
      if (command === 'addEventListener') cb({ eventStatus: 'tcloaded', gdprApplies: true }, false);
    };
    expect(await settled(readConsent(api))).to.equal('pending');
    expect(calls).to.deep.equal(['addEventListener']);
  });

  it('a CMP that throws counts as no consent', async () => {
    cmp = installCmp({ throws: true });
    expect(await readConsent()).to.equal(false);
  });
});
