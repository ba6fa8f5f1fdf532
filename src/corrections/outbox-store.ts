/**
 * Where the outbox keeps corrections: IndexedDB (database `folio-corrections`, object store `outbox`, one
 * record per annotation id), whose transactions are atomic across every page of the origin: a
 * page that reads an entry in a transaction sees every write another page committed before it,
 * at once (localStorage reached other pages up to seconds late, so a delivered correction could
 * be sent again). Where IndexedDB cannot be used (blocked, some private modes, opaque origins),
 * the outbox keeps its entries in memory for the page (`memoryStore`).
 */
import type { OutboxEntry } from './outbox.js';

export interface OutboxStore {
  /** Every entry kept. */
  list(): Promise<OutboxEntry[]>;
  /**
   * Reads the entry kept under `id` and keeps what `change` returns instead: undefined deletes
   * it, the same entry leaves it as it was. In one transaction: no other page reads or writes
   * the entry in between. Resolves once the change is committed.
   */
  update(id: string, change: (entry: OutboxEntry | undefined) => OutboxEntry | undefined): Promise<void>;
}

const DATABASE = 'folio-corrections';
const STORE = 'outbox';

/** Entries in memory, for this page only. */
export function memoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    list: async () => [...entries.values()],
    async update(id, change) {
      const next = change(entries.get(id));
      if (next) entries.set(id, next);
      else entries.delete(id);
    },
  };
}

/** Opens the IndexedDB store (the first call of a page creates the database); rejects where it cannot be used. */
export async function openStore(): Promise<OutboxStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

  /** Runs `work` in one read-write transaction, resolving once committed with the result of the request it returns. */
  const transaction = <T>(work: (store: IDBObjectStore) => IDBRequest<T> | void) =>
    new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });

  return {
    list: () => transaction((store) => store.getAll()) as Promise<OutboxEntry[]>,
    update: (id, change) =>
      transaction<never>((store) => {
        const read = store.get(id);
        read.onsuccess = () => {
          const entry = read.result;
          const next = change(entry);
          if (!next) store.delete(id);
          else if (next !== entry) store.put(next, id);
        };
      }),
  };
}
