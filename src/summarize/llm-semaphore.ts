// A counting semaphore for the LLM adapters: at most `max` holders at once, FIFO, and a wait
// that the caller's AbortSignal can cancel (rejecting with LlmError 'llm-aborted').
import { LlmError } from './llm.ts';

/** Creates a semaphore with `max` slots; `acquire` resolves with a release function (idempotent). */
export function createSemaphore(max: number): { acquire(signal?: AbortSignal): Promise<() => void> } {
  let active = 0;
  const waiters: (() => void)[] = [];
  const release = () => {
    const next = waiters.shift();
    if (next) next(); // hand the slot over: `active` stays the same
    else active--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (!done) {
        done = true;
        release();
      }
    };
  };
  const aborted = (cause?: unknown) => new LlmError('llm-aborted', 'llm: aborted while waiting for a free slot', { cause });
  return {
    async acquire(signal) {
      if (signal?.aborted) throw aborted(signal.reason);
      if (active < max) {
        active++;
        return once();
      }
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = waiters.indexOf(grant);
          if (i >= 0) waiters.splice(i, 1);
          reject(aborted(signal?.reason));
        };
        waiters.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      return once();
    },
  };
}
