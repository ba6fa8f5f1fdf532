// The editors' inbox: lists reader corrections from /api/corrections and sets their status.
// Everything shown here was typed or selected by a reader, so it is only ever set as text
// (textContent, attributes via setAttribute after checking); this file never parses HTML.

import { textFragmentLink } from './text-fragment.mjs';

const API = '/api/corrections';
const TOKEN_KEY = 'folio-editor-token';
const PAGE_SIZE = 20;
const LABELS = { new: 'New', accepted: 'Accepted', dismissed: 'Dismissed' };
const ACTIONS = [
  { status: 'accepted', label: 'Accept', done: 'Accepted' },
  { status: 'dismissed', label: 'Dismiss', done: 'Dismissed' },
  { status: 'new', label: 'Move back to new', done: 'Moved back to new' },
];

const $ = (id) => document.getElementById(id);
const ui = {
  signIn: $('sign-in'),
  form: $('token-form'),
  token: $('token'),
  tokenError: $('token-error'),
  inbox: $('inbox'),
  title: $('inbox-title'),
  filter: $('status-filter'),
  refresh: $('refresh'),
  signOut: $('sign-out'),
  status: $('status'),
  list: $('list'),
  more: $('more'),
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const state = { loaded: 0, total: 0, loading: false };
let itemCount = 0;

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
  node.append(...children);
  return node;
}

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
const truncate = (s, max) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);

class AuthError extends Error {}

async function api(path, { method = 'GET', body } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${getToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('Could not reach the server. Is it still running?');
  }
  if (res.status === 401) throw new AuthError('That token was not accepted. Check it and try again.');
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
    showSignIn(error.message);
    return;
  }
  announce(error.message);
}

function summary() {
  const filter = ui.filter.value;
  const which = filter ? `${LABELS[filter].toLowerCase()} ` : '';
  if (state.total === 0) return `No ${which}corrections.`;
  const noun = state.total === 1 ? 'correction' : 'corrections';
  const shown = state.loaded < state.total ? `, showing the newest ${state.loaded}` : '';
  return `${state.total} ${which}${noun}${shown}.`;
}

function updateSummary(prefix = '') {
  announce(prefix + summary());
  ui.more.hidden = state.loaded >= state.total;
}

/** The "Open the article" link: at the quoted words when there is a quote. */
function articleLink(item) {
  const href = textFragmentLink(item.source, item.quote);
  if (!href) return el('span', { className: 'muted', text: 'The article address is not a web link.' });
  return el('a', { className: 'open', attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, [
    item.quote ? 'Open the article at these words' : 'Open the article',
    el('span', { className: 'visually-hidden', text: ' (opens in a new tab)' }),
  ]);
}

function sourceLabel(source) {
  try {
    const url = new URL(source);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return source;
  }
}

function field(list, term, value, className) {
  list.append(el('dt', { text: term }), el('dd', { className }, Array.isArray(value) ? value : [value]));
}

function renderItem(item) {
  const titleId = `correction-${++itemCount}`;
  const exact = item.quote ? oneLine(item.quote.exact) : '';
  const heading = item.quote ? `“${truncate(exact, 90)}”` : 'General correction';

  const meta = el('p', { className: 'meta' }, [
    el('span', { className: `badge badge-${item.status}`, text: LABELS[item.status] ?? item.status }),
    ' Received ',
    el('time', { attrs: { datetime: item.receivedAt }, text: when.format(new Date(item.receivedAt)) }),
    ' · ',
    el('span', { className: 'source', text: sourceLabel(item.source) }),
  ]);

  const parts = [el('h3', { text: heading, attrs: { id: titleId, tabindex: '-1' } }), meta];

  if (item.quote) {
    const { prefix, suffix } = item.quote;
    parts.push(
      el('figure', { className: 'context' }, [
        el('figcaption', { text: 'In the article' }),
        el('blockquote', {}, [
          prefix ? el('span', { className: 'around', text: `…${prefix}` }) : '',
          el('mark', { text: item.quote.exact }),
          suffix ? el('span', { className: 'around', text: `${suffix}…` }) : '',
        ]),
      ]),
    );
  }

  const details = el('dl', { className: 'details' });
  if (item.suggestion !== null && item.suggestion !== undefined) {
    let note = '';
    if (item.quote && item.suggestion === item.quote.exact) note = ' (unchanged from the quoted words)';
    else if (item.quote && item.suggestion.trim() === '') note = '(remove the quoted words)';
    field(details, 'Suggested text', [item.suggestion, note ? el('span', { className: 'muted', text: note }) : ''], 'text');
  }
  if (item.comment?.trim()) field(details, 'Comment', item.comment, 'text');
  if (item.email) {
    // Only a plain address becomes a mailto: link; "?" or "&" in it could add recipients or a body.
    const plain = /^[\w.+-]+@[\w.-]+$/.test(item.email);
    field(details, 'Reader’s email', plain ? el('a', { attrs: { href: `mailto:${item.email}` }, text: item.email }) : item.email);
  }
  if (details.childElementCount) parts.push(details);

  const actions = el('div', { className: 'actions' }, [articleLink(item)]);
  for (const action of ACTIONS) {
    if (action.status === item.status) continue;
    const button = el('button', {
      className: action.status === 'accepted' ? 'primary' : '',
      text: action.label,
      attrs: { type: 'button', 'aria-describedby': titleId },
    });
    button.addEventListener('click', () => changeStatus(li, item, action, button));
    actions.append(button);
  }
  parts.push(actions);

  const li = el('li', { className: `correction status-${item.status}` }, [
    el('article', { attrs: { 'aria-labelledby': titleId } }, parts),
  ]);
  return li;
}

async function changeStatus(li, item, action, button) {
  if (li.getAttribute('aria-busy') === 'true') return;
  // aria-disabled rather than disabled: a disabled button would drop keyboard focus to the page.
  const buttons = [...li.querySelectorAll('button')];
  li.setAttribute('aria-busy', 'true');
  buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
  try {
    const updated = await api(`${API}/${encodeURIComponent(item.id)}`, { method: 'PATCH', body: { status: action.status } });
    const label = li.querySelector('h3').textContent;
    const filter = ui.filter.value;
    if (filter && updated.status !== filter) {
      // It leaves this view: focus goes to the next correction, else the previous, else the heading.
      const neighbour = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      state.loaded -= 1;
      state.total -= 1;
      updateSummary(`${action.done}: ${label}. `);
      (neighbour?.querySelector('h3') ?? ui.title).focus();
    } else {
      const fresh = renderItem(updated);
      li.replaceWith(fresh);
      announce(`${action.done}: ${label}.`);
      fresh.querySelector('h3').focus();
    }
  } catch (error) {
    li.removeAttribute('aria-busy');
    buttons.forEach((b) => b.removeAttribute('aria-disabled'));
    button.focus();
    handleFailure(error);
  }
}

async function load({ append = false } = {}) {
  if (state.loading) return;
  state.loading = true;
  const filter = ui.filter.value;
  const offset = append ? state.loaded : 0;
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (filter) params.set('status', filter);
  ui.list.setAttribute('aria-busy', 'true');
  try {
    const data = await api(`${API}?${params}`);
    const items = data.items.map(renderItem);
    if (append) ui.list.append(...items);
    else ui.list.replaceChildren(...items);
    state.loaded = offset + data.items.length;
    state.total = data.total;
    updateSummary();
    if (append) items[0]?.querySelector('h3').focus();
  } catch (error) {
    handleFailure(error);
  } finally {
    state.loading = false;
    ui.list.removeAttribute('aria-busy');
  }
}

function syncFilterToUrl() {
  const url = new URL(location.href);
  if (ui.filter.value === 'new') url.searchParams.delete('status');
  else url.searchParams.set('status', ui.filter.value || 'all');
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
  showInbox();
  ui.title.focus();
  load();
});
ui.filter.addEventListener('change', () => {
  syncFilterToUrl();
  load();
});
ui.refresh.addEventListener('click', () => load());
ui.more.addEventListener('click', () => load({ append: true }));
ui.signOut.addEventListener('click', () => {
  setToken(null);
  ui.list.replaceChildren();
  announce('');
  showSignIn();
});

const initial = new URLSearchParams(location.search).get('status');
if (initial === 'all') ui.filter.value = '';
else if (initial && Object.hasOwn(LABELS, initial)) ui.filter.value = initial;

if (getToken()) {
  showInbox();
  load();
} else {
  ui.signIn.hidden = false;
}
