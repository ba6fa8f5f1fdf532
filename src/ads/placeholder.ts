/**
 * The default provider: asks nobody and draws nothing. The slot stays a labelled, reserved box,
 * for demos, pre-sales and pages without an ad stack; it never collapses.
 */
import type { AdProvider } from './provider.js';

export const placeholder: AdProvider = {
  name: 'placeholder',
  request: async () => ({ filled: false, size: null }),
};
