// `lede admin create|password|list`: admin accounts for the admin pages. The password is read
// from stdin (--password-stdin) or generated and printed once; only its scrypt hash is stored.
import type { Command } from 'commander';
import { generatePassword } from '../../core/credentials.ts';
import { LedeError } from '../../core/errors.ts';
import type { Boot } from '../app-context.ts';
import { globals, print } from '../cli-output.ts';

/** Reads the password from stdin: everything up to the first newline. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new LedeError('invalid-input', 'admin: --password-stdin needs the password piped in, e.g. `printf %s "$PW" | lede admin create …`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).length > 4096) break;
  }
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!password) throw new LedeError('invalid-input', 'admin: no password on stdin');
  return password;
}

/** The password to set and whether it was generated (and so must be shown). */
async function passwordFor(opts: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  return opts.passwordStdin ? { password: await readPasswordFromStdin(), generated: false } : { password: generatePassword(), generated: true };
}

/** Registers `admin` and its subcommands. */
export function registerAdmin(program: Command, boot: Boot): void {
  const admin = program.command('admin').description('manage admin accounts (the admin pages at /admin)');
  admin
    .command('create')
    .description('create an admin account; prints a generated password once unless --password-stdin')
    .argument('<email>')
    .option('--password-stdin', 'read the password (12+ characters) from stdin')
    .action(async (email: string, opts: { passwordStdin?: boolean }, cmd: Command) => {
      const { password, generated } = await passwordFor(opts);
      const app = await boot(globals(cmd));
      try {
        const { createAdminAccount } = await import('../../pipeline/admin-accounts.ts');
        const account = await createAdminAccount(app.store, email, password);
        print(`created admin ${account.email}`);
        if (generated) print(`password: ${password}\n(shown once; sign in at /admin/login and keep it in a password manager)`);
      } finally {
        await app.close();
      }
    });
  admin
    .command('password')
    .description("set a new password for an admin (ends the account's sessions)")
    .argument('<email>')
    .option('--password-stdin', 'read the password (12+ characters) from stdin')
    .action(async (email: string, opts: { passwordStdin?: boolean }, cmd: Command) => {
      const { password, generated } = await passwordFor(opts);
      const app = await boot(globals(cmd));
      try {
        const { resetAdminPassword } = await import('../../pipeline/admin-accounts.ts');
        await resetAdminPassword(app.store, email, password);
        print(`password changed for ${email.trim().toLowerCase()}`);
        if (generated) print(`password: ${password}\n(shown once)`);
      } finally {
        await app.close();
      }
    });
  admin
    .command('list')
    .description('list admin accounts')
    .action(async (_opts: unknown, cmd: Command) => {
      const app = await boot(globals(cmd));
      try {
        for (const a of await app.store.listAdmins()) print(`${a.email}\tcreated ${a.createdAt}`);
      } finally {
        await app.close();
      }
    });
}
