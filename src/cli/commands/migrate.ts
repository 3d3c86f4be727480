// `lede migrate`: brings the store's schema up to date and exits (start also does it).
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

/** Registers `migrate`. */
export function registerMigrate(program: Command, boot: Boot): void {
  program
    .command('migrate')
    .description('create or update the database schema, then exit')
    .action(async (_opts: unknown, cmd: Command) => {
      // Opening the application runs the migrations; a failure exits non-zero with its message.
      const app = await boot(globals(cmd));
      const where = app.config.databaseUrl ? `PostgreSQL schema ${app.config.databaseSchema}` : `${app.config.dataDir}/lede.sqlite`;
      await app.close();
      print(`store is up to date (${where})`);
    });
}
