// `lede tokens create|list|revoke`: API tokens for the write API (Authorization: Bearer …).
import type { Command } from 'commander';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';
import { LedeError } from '../../core/errors.ts';

/** Registers `tokens` and its subcommands. */
export function registerTokens(program: Command, boot: Boot): void {
  const tokens = program.command('tokens').description('manage API tokens for the write API');
  tokens
    .command('create')
    .description('create an API token; prints it once (only a hash is stored)')
    .option('--name <name>', 'what the token is for', 'api')
    .action(async (opts: { name: string }, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        const { createApiToken } = await import('../../pipeline/admin-accounts.ts');
        const { token, info } = await createApiToken(app.store, opts.name);
        print(token);
        process.stderr.write(`created token ${info.id} (${info.name}); it is shown once: use it as "Authorization: Bearer <token>"\n`);
      } finally {
        await app.close();
      }
    });
  tokens
    .command('list')
    .description('list API tokens')
    .action(async (_opts: unknown, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        for (const t of await app.store.listApiTokens()) {
          print([t.id, t.name, `created ${t.createdAt}`, t.lastUsedAt ? `used ${t.lastUsedAt}` : 'never used', t.revokedAt ? 'revoked' : 'live'].join('\t'));
        }
      } finally {
        await app.close();
      }
    });
  tokens
    .command('revoke')
    .description('revoke an API token by id')
    .argument('<id>')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        if (!(await app.store.revokeApiToken(id))) throw new LedeError('not-found', `tokens: no live token with id ${id}`);
        print(`revoked ${id}`);
      } finally {
        await app.close();
      }
    });
}
