// A queue opened on first use: `lede web` and the one-shot commands boot the same application as
// the workers, but never touch the queue, so they should not connect to it (pg-boss keeps a pool
// and runs maintenance). Stopping a queue never opened costs nothing.
import type { Queue } from './queue.ts';

/** Wraps `open` so that it runs once, when a method is first called. */
export function lazyQueue(open: () => Promise<Queue>): Queue {
  let opened: Promise<Queue> | undefined;
  const get = () => (opened ??= open());
  return {
    send: async (name, data, opts) => (await get()).send(name, data, opts),
    sendMany: async (name, jobs) => (await get()).sendMany(name, jobs),
    work: async (name, opts, handler) => (await get()).work(name, opts, handler),
    openKeys: async (name, keys) => (await get()).openKeys(name, keys),
    counts: async () => (await get()).counts(),
    failedJobs: async (limit) => (await get()).failedJobs(limit),
    stop: async (opts) => {
      const queue = await opened?.catch(() => undefined);
      await queue?.stop(opts);
    },
  };
}
