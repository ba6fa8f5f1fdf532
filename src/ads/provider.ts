/**
 * The one small interface every ad source implements. The slot element decides when to ask
 * (lazily, near the viewport) and what the answer does to the layout; a provider only fetches and
 * draws the creative into the container it is given.
 */
import type { AdSize } from '../events.js';
import type { AdSizes } from './sizes.js';

/** What a provider gets for one request. */
export interface SlotContext {
  /**
   * The creative's container: a light-DOM `<div>` with a unique id, in the document tree, so
   * GPT's `document.getElementById` finds it. Providers draw into it and nowhere else.
   */
  container: HTMLElement;
  /** Ad unit path (GPT), or null. */
  unit: string | null;
  /** The sizes that fit the slot's width. */
  sizes: AdSizes;
  /** `gpt-src` for GPT; null or absent means the provider's default. */
  src?: string | null;
}

/** The answer: a creative was drawn (and its size), or nothing will be. */
export interface AdResult {
  filled: boolean;
  size: AdSize | null;
}

export interface AdProvider {
  /** As in the `provider` attribute and in event details. */
  readonly name: string;
  /** Resolves once the creative is drawn or known to be absent; rejects on failure (blocked script). */
  request(slot: SlotContext): Promise<AdResult>;
}
