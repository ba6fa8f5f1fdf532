// The editors' inbox: corrections from /api/corrections, grouped by story and named by its
// headline; filters, CSV export, decisions with notes and the public wording, each correction's
// history, and a warning when a notification channel keeps failing.
//
// Everything shown here was typed or selected by a reader, so it is only ever set as text
// (textContent, attributes via setAttribute after checking), inside <bdi> or dir="auto" so a
// right-to-left override in it cannot reorder the page around it. This file never parses HTML.

import { textFragmentLink } from './text-fragment.mjs';

const API = '/api/corrections';
const TOKEN_KEY = 'folio-editor-token';
const PAGE_SIZE = 20;
const LABELS = { new: 'New', accepted: 'Accepted', dismissed: 'Dismissed' };
const FILTERS = ['new', 'accepted', 'dismissed', 'all'];
const HEADING_QUOTE_MAX = 90;

const $ = (id) => document.getElementById(id);
const ui = {
  signIn: $('sign-in'),
  form: $('token-form'),
  token: $('token'),
  tokenError: $('token-error'),
  inbox: $('inbox'),
  title: $('inbox-title'),
  editorName: $('editor-name'),
  alerts: $('alerts'),
  filters: $('filters'),
  filter: $('status-filter'),
  search: $('search'),
  refresh: $('refresh'),
  exportCsv: $('export'),
  signOut: $('sign-out'),
  status: $('status'),
  opened: $('opened'),
  openedList: $('opened-list'),
  list: $('list'),
  more: $('more'),
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const state = { loaded: 0, total: 0, loading: false, storyOrigins: null };
let idCount = 0;
const nextId = (prefix) => `${prefix}-${++idCount}`;

// sessionStorage can be unavailable (privacy settings); then the token lives as long as the page.
let tokenInMemory = null;
function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? tokenInMemory;
  } catch {
    return tokenInMemory;
  }
}
function setToken(token) {
  tokenInMemory = token;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Kept in memory only.
  }
}

/** An element with optional class, text and attributes. Text only: never markup. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
  return node;
}
/** Reader text inline, isolated from the text around it. */
const readerText = (text, className) => el('bdi', { className, text });

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
const truncate = (s, max) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);
const formatTime = (iso) => el('time', { attrs: { datetime: iso }, text: when.format(new Date(iso)) });

class AuthError extends Error {}

async function api(path, { method = 'GET', body, raw = false } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      cache: 'no-store',
      headers: {
        Accept: raw ? 'text/csv' : 'application/json',
        Authorization: `Bearer ${getToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('Could not reach the server. Is it still running?');
  }
  if (res.status === 401) throw new AuthError('That token was not accepted. Check it and try again.');
  if (raw && res.ok) return res.blob();
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data?.error ? `The server said: ${data.error}` : `The server answered ${res.status}.`);
  return data;
}

function announce(message) {
  ui.status.textContent = message;
}

function showSignIn(message = '') {
  ui.inbox.hidden = true;
  ui.signIn.hidden = false;
  ui.tokenError.textContent = message;
  ui.tokenError.hidden = !message;
  if (message) ui.token.setAttribute('aria-invalid', 'true');
  else ui.token.removeAttribute('aria-invalid');
  ui.token.focus();
}

function showInbox() {
  ui.signIn.hidden = true;
  ui.inbox.hidden = false;
}

function handleFailure(error) {
  if (error instanceof AuthError) {
    setToken(null);
    ui.list.replaceChildren();
    ui.openedList.replaceChildren();
    ui.alerts.replaceChildren();
    showSignIn(error.message);
    return;
  }
  announce(error.message);
}

function filterValue() {
  return ui.filter.value;
}

function summary() {
  const filter = filterValue();
  const which = filter === 'all' ? '' : `${LABELS[filter].toLowerCase()} `;
  const matching = ui.search.value.trim() ? ` matching “${truncate(ui.search.value.trim(), 40)}”` : '';
  if (state.total === 0) return `No ${which}corrections${matching}.`;
  const noun = state.total === 1 ? 'correction' : 'corrections';
  const shown = state.loaded < state.total ? `, showing the newest ${state.loaded}` : '';
  return `${state.total} ${which}${noun}${matching}${shown}.`;
}

function updateSummary(prefix = '') {
  announce(prefix + summary());
  ui.more.hidden = state.loaded >= state.total;
}

// ---- the story and its link ------------------------------------------------------------------

function parseUrl(source) {
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** How a story is named: its headline, else its address without the scheme. */
function storyName(item) {
  if (item.title) return item.title;
  const url = parseUrl(item.source);
  return url ? `${url.host}${url.pathname === '/' ? '' : url.pathname}` : item.source;
}

/**
 * The link to the article at the quoted words, with the host shown as it really is (the
 * punycode form, no user name) and a warning when it is not one of the newsroom's sites or the
 * address hides its host behind a user name ("news.example@elsewhere.example").
 */
function articleLink(item) {
  const url = parseUrl(item.source);
  if (!url) return el('p', { className: 'link-line muted', text: 'The article address is not a web link.' });
  const warnings = [];
  if (url.username || url.password) {
    warnings.push(`The address puts a user name before the host, as if it were another site; it leads to ${url.host}.`);
    url.username = '';
    url.password = '';
  }
  // The newsroom's sites as the receiver knows them; when any page may post, the page this came from.
  let known = state.storyOrigins;
  if (!known && item.origin) known = [item.origin];
  if (known && !known.includes(url.origin))
    warnings.push(`${url.host} is not one of your sites. Check the address before you open it.`);
  const href = textFragmentLink(url.href, item.quote);
  const link = el('a', { className: 'open', attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, [
    item.quote ? 'Open the article at these words' : 'Open the article',
    el('span', { className: 'visually-hidden', text: ' (opens in a new tab)' }),
  ]);
  return el('div', { className: 'link-line' }, [
    el('p', {}, [link, ' on ', el('code', { className: 'host', text: url.host })]),
    ...warnings.map((text) => el('p', { className: 'warning', text })),
  ]);
}

// ---- one correction ----------------------------------------------------------------------------

function field(list, term, value, className) {
  list.append(
    el('dt', { text: term }),
    el('dd', { className, attrs: { dir: 'auto' } }, Array.isArray(value) ? value : [value]),
  );
}

function historyList(item) {
  if (!item.history?.length) return null;
  const entries = item.history.map((entry) => {
    const what = [];
    if (entry.status) what.push(`marked ${LABELS[entry.status]?.toLowerCase() ?? entry.status}`);
    if (entry.publicText !== null) what.push(entry.status ? 'with public wording' : 'changed the public wording');
    if (entry.note) what.push(what.length ? 'with a note' : 'added a note');
    return el('li', {}, [
      formatTime(entry.at),
      ' · ',
      readerText(entry.editor, 'editor'),
      ` ${what.join(', ')}`,
      entry.publicText
        ? el('blockquote', { className: 'public-text', text: entry.publicText, attrs: { dir: 'auto' } })
        : null,
      entry.note ? el('p', { className: 'note', text: entry.note, attrs: { dir: 'auto' } }) : null,
    ]);
  });
  return el('details', { className: 'history' }, [
    el('summary', { text: `History (${item.history.length})` }),
    el('ol', {}, entries),
  ]);
}

/**
 * The inline form for a decision that needs words: accepting (the public wording, and a note)
 * or a note alone. Resolves nothing itself; `onSubmit(values)` does the work.
 */
function decisionForm({ kind, item, titleId, onSubmit, onCancel }) {
  const formId = nextId('decision');
  const form = el('form', { className: 'decision', attrs: { 'aria-labelledby': `${formId}-legend`, novalidate: '' } });
  const legend = {
    accept: 'Accept this correction',
    wording: 'Change the public wording',
    note: 'Add a note for the desk',
  }[kind];
  form.append(el('p', { className: 'legend', text: legend, attrs: { id: `${formId}-legend` } }));
  let wording = null;
  if (kind === 'accept' || kind === 'wording') {
    const hintId = `${formId}-wording-hint`;
    wording = el('textarea', {
      attrs: { id: `${formId}-wording`, rows: '3', maxlength: '2000', 'aria-describedby': hintId, dir: 'auto' },
    });
    wording.value = item.publicText ?? '';
    form.append(
      el('label', { text: 'Public wording', attrs: { for: `${formId}-wording` } }),
      el('p', {
        className: 'hint',
        attrs: { id: hintId },
        text: 'Shown at the end of the story as a dated correction notice. Leave it empty to accept without a notice.',
      }),
      wording,
    );
  }
  let note = null;
  if (kind !== 'wording') {
    note = el('textarea', { attrs: { id: `${formId}-note`, rows: '2', maxlength: '2000', dir: 'auto' } });
    form.append(
      el('label', {
        text: kind === 'note' ? 'Note' : 'Note for the desk (optional)',
        attrs: { for: `${formId}-note` },
      }),
      note,
    );
  }
  const submit = el('button', {
    className: 'primary',
    text: { accept: 'Accept', wording: 'Save the wording', note: 'Add the note' }[kind],
    attrs: { type: 'submit', 'aria-describedby': titleId },
  });
  const cancel = el('button', { text: 'Cancel', attrs: { type: 'button' } });
  form.append(el('div', { className: 'actions' }, [submit, cancel]));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit({ publicText: wording?.value, note: note?.value });
  });
  cancel.addEventListener('click', onCancel);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onCancel();
  });
  return { form, focus: () => (wording ?? note).focus() };
}

function renderItem(item) {
  const titleId = nextId('correction');
  const exact = item.quote ? oneLine(item.quote.exact) : '';
  const heading = item.quote
    ? el('h4', { attrs: { id: titleId, tabindex: '-1' } }, ['“', readerText(truncate(exact, HEADING_QUOTE_MAX)), '”'])
    : el('h4', { text: 'General correction', attrs: { id: titleId, tabindex: '-1' } });

  const meta = el('p', { className: 'meta' }, [
    el('span', { className: `badge badge-${item.status}`, text: LABELS[item.status] ?? item.status }),
    ' Received ',
    formatTime(item.receivedAt),
    item.decidedBy ? ` · ${item.status === 'new' ? 'moved back' : LABELS[item.status]?.toLowerCase()} by ` : '',
    item.decidedBy ? readerText(item.decidedBy, 'editor') : '',
  ]);

  const parts = [heading, meta];
  if (item.quote) {
    // The context is page text (source indentation and all): shown as one line. The quoted
    // words keep their line breaks, which say where a selection crossed paragraphs.
    const prefix = item.quote.prefix.replace(/\s+/g, ' ').trimStart();
    const suffix = item.quote.suffix.replace(/\s+/g, ' ').trimEnd();
    const exact = item.quote.exact.replace(/[^\S\n]+/g, ' ').replace(/ *\n[\s]*/g, '\n');
    parts.push(
      el('figure', { className: 'context' }, [
        el('figcaption', { text: 'In the article' }),
        el('blockquote', { attrs: { dir: 'auto' } }, [
          prefix ? readerText(`…${prefix}`, 'around') : null,
          el('mark', {}, [readerText(exact)]),
          suffix ? readerText(`${suffix}…`, 'around') : null,
        ]),
      ]),
    );
  }

  const details = el('dl', { className: 'details' });
  if (item.suggestion !== null && item.suggestion !== undefined) {
    let note = '';
    if (item.quote && item.suggestion === item.quote.exact) note = ' (unchanged from the quoted words)';
    else if (item.quote && item.suggestion.trim() === '') note = '(remove the quoted words)';
    field(
      details,
      'Suggested text',
      [readerText(item.suggestion), note ? el('span', { className: 'muted', text: note }) : null],
      'text',
    );
  }
  if (item.comment?.trim()) field(details, 'Comment', readerText(item.comment), 'text');
  if (item.email) {
    // Only a plain address becomes a mailto: link; "?" or "&" in it could add recipients or a body.
    const plain = /^[\w.+-]+@[\w.-]+$/.test(item.email);
    field(
      details,
      'Reader’s e-mail',
      plain ? el('a', { attrs: { href: `mailto:${item.email}` }, text: item.email }) : readerText(item.email),
    );
  }
  if (item.status === 'accepted') {
    field(
      details,
      'Public notice',
      item.publicText
        ? readerText(item.publicText)
        : el('span', { className: 'muted', text: 'none: accepted without a notice' }),
      'text',
    );
  }
  if (details.childElementCount) parts.push(details);
  parts.push(articleLink(item));
  const history = historyList(item);
  if (history) parts.push(history);

  const actions = el('div', { className: 'actions' });
  const slot = el('div', { className: 'form-slot' });
  const li = el('li', { className: `correction status-${item.status}`, attrs: { 'data-id': item.id } }, [
    el('article', { attrs: { 'aria-labelledby': titleId } }, [...parts, actions, slot]),
  ]);

  const button = (label, onClick, primary = false) => {
    const b = el('button', {
      className: primary ? 'primary' : '',
      text: label,
      attrs: { type: 'button', 'aria-describedby': titleId },
    });
    b.addEventListener('click', () => onClick(b));
    actions.append(b);
    return b;
  };
  const openForm = (kind, opener) => {
    const close = () => {
      slot.replaceChildren();
      actions.hidden = false;
      opener.focus();
    };
    const { form, focus } = decisionForm({
      kind,
      item,
      titleId,
      onCancel: close,
      onSubmit: ({ publicText, note }) => {
        const change = {};
        if (kind === 'accept') change.status = 'accepted';
        if (kind === 'accept' || kind === 'wording') change.publicText = publicText ?? '';
        if (kind === 'wording') change.status = 'accepted';
        if (note?.trim()) change.note = note;
        if (kind === 'note' && !change.note) {
          announce('Write the note first.');
          return;
        }
        const done = { accept: 'Accepted', wording: 'Public wording saved', note: 'Note added' }[kind];
        decide(li, item, change, done);
      },
    });
    actions.hidden = true;
    slot.replaceChildren(form);
    focus();
  };

  if (item.status !== 'accepted') button('Accept…', (b) => openForm('accept', b), true);
  else button('Edit the public wording…', (b) => openForm('wording', b));
  if (item.status !== 'dismissed') button('Dismiss', () => decide(li, item, { status: 'dismissed' }, 'Dismissed'));
  if (item.status !== 'new') button('Move back to new', () => decide(li, item, { status: 'new' }, 'Moved back to new'));
  button('Add a note…', (b) => openForm('note', b));
  return li;
}

// ---- stories: groups of corrections ------------------------------------------------------------

/** The group for an item's story in `list`, made (at the end) when there is none yet. */
function storyGroup(list, item) {
  const key = item.source;
  const existing = [...list.children].find((g) => g.dataset.source === key);
  if (existing) {
    // A later item may know the headline an earlier one did not.
    if (item.title && existing.dataset.titled !== 'yes') {
      existing.querySelector('.story-title bdi').textContent = item.title;
      existing.dataset.titled = 'yes';
    }
    return existing.querySelector('ol.corrections');
  }
  const url = parseUrl(item.source);
  const group = el(
    'li',
    { className: 'story', attrs: { 'data-source': key, 'data-titled': item.title ? 'yes' : 'no' } },
    [
      // A heading, not a landmark: a page of stories would be a page of regions.
      el('div', {}, [
        el('h3', { className: 'story-title' }, [readerText(storyName(item))]),
        el('p', { className: 'story-url' }, [
          url ? el('code', { text: `${url.host}${url.pathname}` }) : readerText(item.source),
        ]),
        el('ol', { className: 'corrections' }),
      ]),
    ],
  );
  list.append(group);
  return group.querySelector('ol.corrections');
}

function placeItems(list, items) {
  const rendered = [];
  for (const item of items) {
    const li = renderItem(item);
    storyGroup(list, item).append(li);
    rendered.push(li);
  }
  return rendered;
}

/** Removes an item, and its story group when that was the last one in it. */
function removeItem(li) {
  const group = li.closest('li.story');
  li.remove();
  if (group && !group.querySelector('li.correction')) group.remove();
}

async function decide(li, item, change, done) {
  if (li.getAttribute('aria-busy') === 'true') return;
  // aria-disabled rather than disabled: a disabled button would drop keyboard focus to the page.
  const buttons = [...li.querySelectorAll('button')];
  li.setAttribute('aria-busy', 'true');
  buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
  try {
    const updated = await api(`${API}/${encodeURIComponent(item.id)}`, { method: 'PATCH', body: change });
    const label = li.querySelector('h4').textContent;
    const filter = filterValue();
    const inOpened = ui.openedList.contains(li);
    // The correction opened from a link is also in the list below: keep both copies the same.
    for (const copy of document.querySelectorAll('li.correction')) {
      if (copy === li || copy.dataset.id !== item.id) continue;
      if (ui.openedList.contains(copy) || filter === 'all' || updated.status === filter)
        copy.replaceWith(renderItem(updated));
      else {
        removeItem(copy);
        state.loaded -= 1;
        state.total -= 1;
      }
    }
    if (!inOpened && filter !== 'all' && updated.status !== filter) {
      // It leaves this view: focus goes to the next correction, else the previous, else the heading.
      const neighbour = li.nextElementSibling ?? li.previousElementSibling;
      removeItem(li);
      state.loaded -= 1;
      state.total -= 1;
      updateSummary(`${done}: ${label}. `);
      (neighbour?.querySelector('h4') ?? ui.title).focus();
    } else {
      const fresh = renderItem(updated);
      li.replaceWith(fresh);
      announce(`${done}: ${label}.`);
      fresh.querySelector('h4').focus();
    }
  } catch (error) {
    li.removeAttribute('aria-busy');
    buttons.forEach((b) => b.removeAttribute('aria-disabled'));
    handleFailure(error);
  }
}

// ---- loading ----------------------------------------------------------------------------------

function queryParams(extra = {}) {
  const params = new URLSearchParams(extra);
  params.set('status', filterValue());
  const q = ui.search.value.trim();
  if (q) params.set('q', q);
  return params;
}

async function load({ append = false } = {}) {
  if (state.loading) return;
  state.loading = true;
  const offset = append ? state.loaded : 0;
  ui.list.setAttribute('aria-busy', 'true');
  try {
    const data = await api(`${API}?${queryParams({ limit: String(PAGE_SIZE), offset: String(offset) })}`);
    state.storyOrigins = data.storyOrigins ?? null;
    ui.editorName.textContent = data.editor ? `Signed in as ${data.editor}.` : '';
    if (!append) ui.list.replaceChildren();
    const items = placeItems(ui.list, data.items);
    state.loaded = offset + data.items.length;
    state.total = data.total;
    updateSummary();
    if (append) items[0]?.querySelector('h4').focus();
  } catch (error) {
    handleFailure(error);
  } finally {
    state.loading = false;
    ui.list.removeAttribute('aria-busy');
  }
}

/** Opens the correction a notification linked to (/inbox?correction=<id>) above the list. */
async function loadOpened() {
  const id = new URLSearchParams(location.search).get('correction');
  if (!id) return;
  try {
    const item = await api(`${API}/${encodeURIComponent(id)}`);
    ui.openedList.replaceChildren();
    const [li] = placeItems(ui.openedList, [item]);
    ui.opened.hidden = false;
    li.querySelector('h4').focus();
  } catch (error) {
    if (error instanceof AuthError) throw error;
    ui.opened.hidden = false;
    ui.openedList.replaceChildren(
      el('li', { className: 'panel', text: `The correction you opened could not be shown. ${error.message}` }),
    );
  }
}

/** A warning for each notification channel (webhook, e-mail) that keeps failing. */
async function loadAlerts() {
  try {
    const { channels } = await api(`${API}/notifications`);
    const failing = channels.filter((c) => c.failing);
    ui.alerts.replaceChildren(
      ...failing.map((c) => {
        const noun = c.pending === 1 ? 'notification waits' : 'notifications wait';
        return el('section', { className: 'alert', attrs: { role: 'alert' } }, [
          el('p', { className: 'alert-title' }, [
            `${c.kind === 'email' ? 'E-mail' : 'A webhook'} keeps failing: `,
            el('code', { text: c.label }),
          ]),
          el('p', {}, [
            `${c.pending} ${noun}, tried ${c.attempts} times`,
            c.lastAttemptAt ? ', last at ' : '',
            c.lastAttemptAt ? formatTime(c.lastAttemptAt) : '',
            c.lastError ? `: ${c.lastError}` : '',
            '. They are kept and retried; corrections still arrive here.',
          ]),
        ]);
      }),
    );
  } catch (error) {
    if (error instanceof AuthError) throw error;
    // The list says what is wrong with the server; the alerts stay as they were.
  }
}

async function exportCsv() {
  ui.exportCsv.setAttribute('aria-disabled', 'true');
  try {
    const blob = await api(`${API}/export?${queryParams()}`, { raw: true });
    const url = URL.createObjectURL(blob);
    const link = el('a', {
      attrs: { href: url, download: `corrections-${new Date().toISOString().slice(0, 10)}.csv` },
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce('The CSV file is downloaded.');
  } catch (error) {
    handleFailure(error);
  } finally {
    ui.exportCsv.removeAttribute('aria-disabled');
  }
}

async function openInbox() {
  showInbox();
  try {
    await loadOpened();
  } catch (error) {
    handleFailure(error);
    return;
  }
  await Promise.all([load(), loadAlerts().catch(handleFailure)]);
  if (ui.opened.hidden) ui.title.focus();
}

function syncFiltersToUrl() {
  const url = new URL(location.href);
  if (filterValue() === 'new') url.searchParams.delete('status');
  else url.searchParams.set('status', filterValue());
  const q = ui.search.value.trim();
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = ui.token.value.trim();
  if (!token) {
    showSignIn('Enter the editor token.');
    return;
  }
  setToken(token);
  ui.token.value = '';
  openInbox();
});
ui.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  syncFiltersToUrl();
  load();
});
ui.filter.addEventListener('change', () => {
  syncFiltersToUrl();
  load();
});
ui.refresh.addEventListener('click', () => {
  load();
  loadAlerts().catch(handleFailure);
});
ui.exportCsv.addEventListener('click', () => {
  if (ui.exportCsv.getAttribute('aria-disabled') !== 'true') exportCsv();
});
ui.more.addEventListener('click', () => load({ append: true }));
ui.signOut.addEventListener('click', () => {
  setToken(null);
  ui.list.replaceChildren();
  ui.openedList.replaceChildren();
  ui.opened.hidden = true;
  ui.alerts.replaceChildren();
  ui.editorName.textContent = '';
  announce('');
  showSignIn();
});

const initial = new URLSearchParams(location.search);
if (FILTERS.includes(initial.get('status'))) ui.filter.value = initial.get('status');
// A linked correction may have any status: show them all around it.
else if (initial.get('correction')) ui.filter.value = 'all';
ui.search.value = (initial.get('q') ?? '').slice(0, 200);

if (getToken()) openInbox();
else ui.signIn.hidden = false;
