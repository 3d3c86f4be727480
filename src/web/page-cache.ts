// A per-process cache of rendered pages. Rendering an article page costs far more than reading
// whether it changed, so each web process keeps the pages it rendered, each under the version
// the store gave it (issue #6). Several processes share one database and none tells the others
// what changed: an entry is only ever served for the exact version the store reports on this
// request, so a change made anywhere is seen at once, and no entry needs invalidating by hand.
// Bounded by bytes, least recently used first out.

/** Bytes of rendered pages a web process keeps when WebDeps.pageCacheBytes is not set. */
export const DEFAULT_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/** Something the cache keeps, with its size. */
export interface Sized {
  /** Bytes the entry holds (as UTF-8). */
  readonly bytes: number;
}

interface Entry<T> {
  readonly version: string;
  readonly value: T;
}

/** A bounded LRU cache of values by key, each valid for one version of its source data. */
export class PageCache<T extends Sized> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #pending = new Map<string, Promise<T>>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  /** `maxBytes`: the most the values may hold together; a value larger than that is never kept. */
  constructor(readonly maxBytes: number) {}

  /** The value kept for `key` at `version`; an entry of another version is dropped. */
  get(key: string, version: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) {
      this.#bytes -= entry.value.bytes;
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used last
    return entry.value;
  }

  /** Keeps `value` for `key` at `version`, evicting the least recently used entries beyond the bound. */
  set(key: string, version: string, value: T): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.value.bytes;
    }
    if (value.bytes > this.maxBytes) return;
    this.#entries.set(key, { version, value });
    this.#bytes += value.bytes;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= e.value.bytes;
    }
  }

  /**
   * The value for `key` at `version`, made by `make` when not kept. Concurrent misses of one
   * key and version share one `make` (a popular page that changed is rendered once, not by every
   * request waiting on it).
   */
  async getOrMake(key: string, version: string, make: () => Promise<T>): Promise<T> {
    const kept = this.get(key, version);
    if (kept) {
      this.#hits++;
      return kept;
    }
    this.#misses++;
    const pendingKey = `${version}\u0000${key}`;
    let pending = this.#pending.get(pendingKey);
    if (!pending) {
      pending = make().then(
        (value) => {
          this.#pending.delete(pendingKey);
          this.set(key, version, value);
          return value;
        },
        (e: unknown) => {
          this.#pending.delete(pendingKey);
          throw e;
        },
      );
      this.#pending.set(pendingKey, pending);
    }
    return pending;
  }

  /** Entries, bytes held, and hits and misses of getOrMake so far. */
  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.#entries.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses };
  }
}
