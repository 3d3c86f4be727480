// Tree walks that replace querySelectorAll where the extract stage scans whole pages: linkedom
// compiles the selector and builds a NodeList on every call, and some passes ran one call per
// tag or one nested querySelector per element. Same elements, same document order.

/** Minimal element shape used here (linkedom and DOM both satisfy it). */
export interface WalkEl {
  readonly tagName: string;
  readonly firstElementChild: WalkEl | null;
  readonly nextElementSibling: WalkEl | null;
  readonly parentElement: WalkEl | null;
}

/**
 * The descendant elements of `root` in document order, as `root.querySelectorAll('*')` lists them
 * (`root` itself excluded, <template> contents skipped). Call it on a tree that is not changed
 * while it is walked, or collect into an array first.
 */
export function* descendants<E extends WalkEl>(root: E): Generator<E> {
  let cur = root.firstElementChild as E | null;
  while (cur) {
    yield cur;
    const first = cur.tagName === 'TEMPLATE' ? null : (cur.firstElementChild as E | null);
    if (first) {
      cur = first;
      continue;
    }
    // Next in document order: the next sibling of the closest ancestor (or self) that has one.
    let up: E | null = cur;
    cur = null;
    while (up && up !== root) {
      const next = up.nextElementSibling as E | null;
      if (next) {
        cur = next;
        break;
      }
      up = up.parentElement as E | null;
    }
  }
}
