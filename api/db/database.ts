// One database interface over the embedded PostgreSQL (PGlite) and a PostgreSQL server (pg), so
// that the stores, the migrations and the tests are written once for both.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface Resultat<T> {
  rows: T[];
  rowCount: number;
}

export interface Forespoergsel {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Resultat<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Forespoergsel {
  readonly slags: "pglite" | "postgres";
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Forespoergsel) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Wraps a PGlite instance: in memory when `dataDir` is undefined, else in that folder. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return fraPglite(db);
}

export function fraPglite(db: PGlite): Database {
  const query = async <T>(q: Pick<PGlite, "query">, sql: string, params?: unknown[]): Promise<Resultat<T>> => {
    const r = await q.query<T>(sql, params as never[]);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };
  return {
    slags: "pglite",
    query: (sql, params) => query(db, sql, params),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params) => query(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

export interface PostgresValg {
  /** Schema to create (if missing) and use as search_path; the tests isolate each file this way. */
  schema?: string;
  max?: number;
}

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(connectionString: string, valg: PostgresValg = {}): Promise<Database> {
  const { schema } = valg;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Database: invalid schema name '${schema}'`);
  }
  if (schema) {
    const c = new pg.Client({ connectionString });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await c.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: valg.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const query = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<Resultat<T>> => {
    const r = await q.query(sql, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  };
  return {
    slags: "postgres",
    query: (sql, params) => query(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const ud = await fn({
          query: (sql, params) => query(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return ud;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL's SQLSTATE of a database error, if it is one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const UNIQUE_VIOLATION = "23505";
