import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import {
  readScriptSettings,
  resolveSettings,
  SETTINGS,
  type ArticleOptions,
  type FolioSettings,
  type SettingName,
} from '../../src/internal/settings.js';
import { DEFAULT_RULES } from '../../src/placement/place.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/internal/fetch-json.js';
import type { Story } from '../../src/story/story.js';

const story = (extra: Partial<Story>): Story => ({
  id: 's',
  url: 'https://news.example/s',
  headline: 'H',
  byline: [],
  datePublished: '2026-11-20T07:30:00Z',
  body: [],
  ...extra,
});

/** Per setting: a value for each place, as that place writes it, and the value each means. */
const SAMPLES: Partial<Record<SettingName, { own: unknown; story?: unknown; page: string; values: unknown[] }>> = {
  lang: { own: 'uk', story: 'de', page: 'fr', values: ['uk', 'de', 'fr'] },
  correctionsEndpoint: { own: '/own', story: '/story', page: '/page', values: ['/own', '/story', '/page'] },
  adProvider: { own: 'gpt', story: 'placeholder', page: 'gpt', values: ['gpt', 'placeholder', 'gpt'] },
  adUnit: { own: '/1/own', story: '/1/story', page: '/1/page', values: ['/1/own', '/1/story', '/1/page'] },
  adSizes: { own: '300x250', story: '336x280', page: 'fluid', values: ['300x250', '336x280', 'fluid'] },
  adFirst: { own: 5, story: 6, page: '7', values: [5, 6, 7] },
  adGap: { own: '2', story: 4, page: '9', values: [2, 4, 9] },
  adMax: { own: 0, story: 1, page: '2', values: [0, 1, 2] },
  ads: { own: 'auto', story: false, page: 'none', values: ['auto', 'none', 'none'] },
  relatedSrc: { own: '/own.json', page: '/page.json', values: ['/own.json', undefined, '/page.json'] },
};

/** A story carrying `value` at the setting's story path. */
function storyWith(name: SettingName, value: unknown): Story {
  const path = (SETTINGS[name] as { story?: string }).story!.split('.');
  const json: Record<string, unknown> = {};
  let at = json;
  path.slice(0, -1).forEach((field) => (at = at[field] = {}));
  at[path[path.length - 1]] = value;
  return story(json as Partial<Story>);
}

describe('settings', () => {
  describe('precedence, for every setting of the table', () => {
    for (const [name, sample] of Object.entries(SAMPLES) as [SettingName, NonNullable<(typeof SAMPLES)['lang']>][]) {
      it(`${name}: the attribute over the story over the script tag over the default`, () => {
        const own = { [name]: sample.own } as ArticleOptions;
        const page = { [name]: sample.page } as FolioSettings;
        const withStory = sample.story === undefined ? undefined : storyWith(name, sample.story);
        const resolve = (...args: Parameters<typeof resolveSettings>) => resolveSettings(...args).values[name];
        const [fromOwn, fromStory, fromPage] = sample.values;
        expect(resolve(own, withStory, page), 'attribute').to.equal(fromOwn);
        if (withStory) expect(resolve({}, withStory, page), 'story').to.equal(fromStory);
        expect(resolve({}, undefined, page), 'script tag').to.equal(fromPage);
        const fallback = (SETTINGS[name] as { default?: unknown }).default ?? null;
        expect(resolve({}, undefined, {}), 'default').to.equal(fallback);
      });
    }

    it('a value a setting cannot take counts as unset, so the next place decides', () => {
      const page: FolioSettings = { adFirst: '4', adProvider: 'gpt', ads: 'none', lang: 'uk' };
      const { values } = resolveSettings(
        { adFirst: '2.5', adProvider: 'adsense', ads: 'maybe', lang: '  ' },
        story({ ads: { first: -1 } as Story['ads'] }),
        page,
      );
      expect(values.adFirst).to.equal(4);
      expect(values.adProvider).to.equal('gpt');
      expect(values.ads).to.equal('none');
      expect(values.lang).to.equal('uk');
    });

    it('enumerations are read in any case', () => {
      expect(resolveSettings({ adProvider: 'GPT', ads: ' None ' }, undefined, {}).values).to.include({
        adProvider: 'gpt',
        ads: 'none',
      });
    });

    it('hands the ad settings to the slots it inserts by their slot attribute names', () => {
      const { ads } = resolveSettings({ adUnit: '/1/own' }, story({ ads: { provider: 'gpt', sizes: '336x280' } }), {
        gptSrc: '/gpt.js',
      });
      expect(ads).to.deep.equal({
        provider: 'gpt',
        unit: '/1/own',
        sizes: '336x280',
        'gpt-src': '/gpt.js',
      });
    });

    it('makes the placement rules from the ad settings', () => {
      const { rules } = resolveSettings({ adMax: '1' }, story({ ads: { enabled: false, gap: 5 } }), { adFirst: '2' });
      expect(rules).to.deep.equal({ enabled: false, first: 2, gap: 5, max: 1 });
    });

    it('its defaults are those of the placement rules and the story loader', () => {
      expect([SETTINGS.adFirst.default, SETTINGS.adGap.default, SETTINGS.adMax.default]).to.deep.equal([
        DEFAULT_RULES.first,
        DEFAULT_RULES.gap,
        DEFAULT_RULES.max,
      ]);
      expect(SETTINGS.timeout.default).to.equal(DEFAULT_TIMEOUT_MS);
    });
  });

  describe('the script tag', () => {
    it('reads every data-* key of the table, trimmed, and nothing an element alone may set', () => {
      const script = document.createElement('script');
      script.dataset.adMax = ' 2 ';
      script.dataset.lang = 'uk';
      script.dataset.enhance = '.story-body';
      script.dataset.relatedSrc = '';
      script.dataset.src = '/story.json';
      script.dataset.timeout = '5';
      expect(readScriptSettings(script)).to.deep.equal({
        adMax: '2',
        lang: 'uk',
        enhance: '.story-body',
      });
      expect(readScriptSettings(null)).to.deep.equal({});
    });
  });

  describe('<folio-article> attributes', () => {
    it('are typed: numbers are numbers, enumerations one of their values', async () => {
      const el = await fixture<FolioArticle>(
        html`<folio-article ad-first="2" ad-gap=" 5 " ad-max="two" ad-provider="GPT" ads="sometimes"
          timeout="1500"></folio-article>`,
      );
      expect(el.adFirst).to.equal(2);
      expect(el.adGap).to.equal(5);
      expect(el.adMax).to.equal(null);
      expect(el.adProvider).to.equal('gpt');
      expect(el.ads).to.equal(null);
      expect(el.timeout).to.equal(1500);
    });

    it('are named after the table’s entries in kebab case, and nothing else is an attribute', () => {
      const ctor = customElements.get('folio-article') as unknown as {
        elementProperties: Map<string, { attribute?: string | false }>;
      };
      const attributes = [...ctor.elementProperties]
        .filter(([, options]) => options.attribute)
        .map(([, options]) => options.attribute);
      expect(attributes).to.deep.equal([
        'src',
        'lang',
        'timeout',
        'corrections-endpoint',
        'ad-provider',
        'ad-unit',
        'ad-sizes',
        'gpt-src',
        'ad-first',
        'ad-gap',
        'ad-max',
        'ads',
        'publisher-ads',
        'related-src',
      ]);
    });
  });
});
