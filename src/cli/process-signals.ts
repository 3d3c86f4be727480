// Shared by the long-running commands: port flags, and a graceful shutdown on SIGTERM/SIGINT
// that runs once, with a hard exit if it hangs.
import type { Logger } from '../core/log.ts';
import { LedeError } from '../core/errors.ts';

/** Parses a --port flag; throws invalid-input for anything but 0–65535. */
export function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new LedeError('invalid-input', `${flag} must be a port number, not "${value}"`);
  return n;
}

/** Runs `stop` on the first SIGTERM or SIGINT, then exits 0 (1 if it fails or takes over `graceMs`). */
export function onShutdown(log: Logger, stop: () => Promise<void>, graceMs = 30_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const hard = setTimeout(() => {
      log.error('shutdown took too long; exiting', { grace_ms: graceMs });
      process.exit(1);
    }, graceMs);
    hard.unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error('shutdown failed', { error: e instanceof Error ? e.message : String(e) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
