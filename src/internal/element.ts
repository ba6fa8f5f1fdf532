import { LitElement } from 'lit';
import { yieldTask } from './tasks.js';

/**
 * The base of Folio's elements that are on the page as it loads (the article, its ad slots):
 * the first render waits for a task of its own, so that the task that connects the element
 * (evaluating the bundle where the page has the element already, the page's own script that adds
 * it, an article getting its slots) stays short on a reader's phone, and the first render (Lit
 * preparing the element's templates) is another.
 */
export class DeferredElement extends LitElement {
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await yieldTask();
    super.scheduleUpdate();
  }
}
