// Output helpers shared by the commands.
import type { Command } from 'commander';
import type { GlobalOptions } from './app-context.ts';

/** Writes one line to stdout. */
export function print(line: string): void {
  process.stdout.write(line + '\n');
}

/** The global flags (--data, --database) as seen from a subcommand. */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}
