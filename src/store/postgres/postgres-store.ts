// The scaled-out store: PostgreSQL through pg and Kysely, with the same queries as SQLite.
import { Kysely, type MigrationProvider, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { LedeError } from '../../core/errors.ts';
import { KyselyStore } from '../kysely-store.ts';
import type { Database } from '../rows.ts';
import type { ArticleStamp, Store } from '../store.ts';
import { batchedArticleStamp } from './stamp-batch.ts';
import { postgresMigrations } from './postgres-migrations.ts';

/** Where the store lives: a connection string and, optionally, a schema of its own. */
export interface PostgresOptions {
  connectionString: string;
  /** Schema for Lede's tables (default "public"); created when missing. */
  schema?: string;
  /** Pool size per process (default 10). */
  maxConnections?: number;
}

class PostgresStore extends KyselyStore implements Store {
  constructor(
    db: Kysely<Database>,
    private readonly schema: string,
    pool: pg.Pool,
  ) {
    // The pages' per-request reads as named prepared statements: parsed and planned once per
    // connection instead of on every page view (prepared-query.ts).
    super(db, 'postgres', async (name, text, values) => (await pool.query({ name: `lede_${name}`, text, values: values as unknown[] })).rows);
    this.stamp = batchedArticleStamp(async (name, text, values) => (await pool.query({ name, text, values })).rows);
  }

  private readonly stamp: (id: string, readerId?: string) => Promise<ArticleStamp | undefined>;

  /** Batched: the asks of concurrent page views go to the database together (stamp-batch.ts). */
  override articleStamp(id: string, readerId?: string): Promise<ArticleStamp | undefined> {
    return this.stamp(id, readerId);
  }

  async migrate(): Promise<void> {
    // Several processes starting at once (workers on a fresh database) would race to create the
    // schema; they take turns under an advisory lock held by one session.
    await this.db.connection().execute(async (conn) => {
      try {
        await sql`select pg_advisory_lock(hashtext(${`lede:migrate:${this.schema}`}))`.execute(conn);
      } catch (e) {
        throw new LedeError('store-failed', `store: cannot reach PostgreSQL (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
      try {
        await conn.schema.createSchema(this.schema).ifNotExists().execute();
        const provider: MigrationProvider = { getMigrations: async () => postgresMigrations };
        const migrator = new Migrator({ db: conn, provider, migrationTableSchema: this.schema });
        const { error } = await migrator.migrateToLatest();
        if (error) throw new LedeError('store-failed', `store: migration failed: ${String(error)}`, { cause: error });
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${`lede:migrate:${this.schema}`}))`.execute(conn);
      }
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Opens a PostgreSQL store; nothing connects until the first query. */
export function openPostgresStore(opts: PostgresOptions): Store {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new LedeError('config-invalid', `store: invalid schema name "${schema}"`);
  // Every connection opens in Lede's schema (a startup parameter, so no query can run before it),
  // and the shared queries need no qualification.
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  return new PostgresStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), schema, pool);
}
