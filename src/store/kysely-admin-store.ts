// Queries of admin accounts, sessions, API tokens and rate-limit counters, written once for
// every dialect. KyselyStore (kysely-store.ts) builds on this class.
import { type Kysely, sql } from 'kysely';
import { LedeError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { AdminRow, ApiTokenRow, Database } from './rows.ts';
import type { AdminAccount, AdminStore, ApiTokenInfo, RateLimitState } from './store.ts';

const adminFromRow = (r: AdminRow): AdminAccount => ({ id: r.id, email: r.email, passwordHash: r.password_hash, createdAt: r.created_at });

const tokenFromRow = (r: ApiTokenRow): ApiTokenInfo => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at ?? undefined,
  revokedAt: r.revoked_at ?? undefined,
});

/** Admin and rate-limit queries over a Kysely database with Lede's schema. */
export class KyselyAdminStore implements AdminStore {
  constructor(protected readonly db: Kysely<Database>) {}

  async createAdmin(email: string, passwordHash: string): Promise<AdminAccount> {
    const existing = await this.getAdminByEmail(email);
    if (existing) throw new LedeError('conflict', `store: an admin with email ${email} exists`);
    const row = await this.db
      .insertInto('admins')
      .values({ id: newId(), email, password_hash: passwordHash, created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return adminFromRow(row);
  }

  async getAdminByEmail(email: string): Promise<AdminAccount | undefined> {
    const row = await this.db.selectFrom('admins').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? adminFromRow(row) : undefined;
  }

  async listAdmins(): Promise<readonly AdminAccount[]> {
    return (await this.db.selectFrom('admins').selectAll().orderBy('email').execute()).map(adminFromRow);
  }

  async setAdminPassword(email: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('admins').set({ password_hash: passwordHash }).where('email', '=', email).returning('id').executeTakeFirst();
      if (!row) return false;
      await trx.deleteFrom('admin_sessions').where('admin_id', '=', row.id).execute();
      return true;
    });
  }

  async createSession(tokenHash: string, adminId: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('admin_sessions')
      .values({ token_hash: tokenHash, admin_id: adminId, created_at: new Date().toISOString(), expires_at: expiresAt })
      .execute();
  }

  async sessionAdmin(tokenHash: string, now: string): Promise<AdminAccount | undefined> {
    const row = await this.db
      .selectFrom('admin_sessions')
      .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
      .select(['admins.id', 'admins.email', 'admins.password_hash', 'admins.created_at'])
      .where('admin_sessions.token_hash', '=', tokenHash)
      .where('admin_sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row ? adminFromRow(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async createApiToken(name: string, tokenHash: string): Promise<ApiTokenInfo> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ id: newId(), name, token_hash: tokenHash, created_at: new Date().toISOString(), last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return tokenFromRow(row);
  }

  async useApiToken(tokenHash: string, now: string): Promise<ApiTokenInfo | undefined> {
    const row = await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? tokenFromRow(row) : undefined;
  }

  async listApiTokens(): Promise<readonly ApiTokenInfo[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(tokenFromRow);
  }

  async revokeApiToken(id: string): Promise<boolean> {
    const row = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  async hitRateLimit(key: string, windowMs: number, now: Date): Promise<RateLimitState> {
    const nowIso = now.toISOString();
    const resetAt = new Date(now.getTime() + windowMs).toISOString();
    // One statement, so concurrent hits from several processes all count (the row is locked by
    // the upsert on PostgreSQL; SQLite has one writer at a time).
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, count: 1, reset_at: resetAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limits.reset_at <= ${nowIso} then 1 else rate_limits.count + 1 end`,
          reset_at: sql<string>`case when rate_limits.reset_at <= ${nowIso} then excluded.reset_at else rate_limits.reset_at end`,
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: row.reset_at };
  }

  async peekRateLimit(key: string, now: Date): Promise<RateLimitState> {
    const row = await this.db.selectFrom('rate_limits').select(['count', 'reset_at']).where('key', '=', key).executeTakeFirst();
    if (!row || row.reset_at <= now.toISOString()) return { count: 0, resetAt: now.toISOString() };
    return { count: Number(row.count), resetAt: row.reset_at };
  }

  async extendRateLimit(key: string, resetAt: Date): Promise<void> {
    await this.db.updateTable('rate_limits').set({ reset_at: resetAt.toISOString() }).where('key', '=', key).execute();
  }

  async clearRateLimit(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }

  async pruneExpired(now: Date): Promise<void> {
    const iso = now.toISOString();
    await this.db.deleteFrom('rate_limits').where('reset_at', '<=', iso).execute();
    await this.db.deleteFrom('admin_sessions').where('expires_at', '<=', iso).execute();
  }
}
