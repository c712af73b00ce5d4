/**
 * Versions of what recognition and the evaluator make (a table's layout, a platform's results,
 * an indicator's result, a 无量纲化 cohort): a new number whenever one is made anew, the same
 * while it is kept. The review's and the layouts' caches key on these versions and on cell
 * content, never on object identity, so a copy of an unchanged result still hits and a result
 * made anew never reads a stale entry.
 */
let last = 0;

export function nextVersion(): number {
  return ++last;
}

/** A map of at most `size` entries; the entry written longest ago goes first. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}

/** The add-in's own version, as package.json and manifest.xml give it (a test keeps the three equal). */
export const WANMU_VERSION = '0.1.0';
