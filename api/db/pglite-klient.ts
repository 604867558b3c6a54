// The HTTP thread's side of the embedded database's thread (api/db/pglite-traad.ts): the
// Database interface as messages. Answers come back in the order the thread finishes them;
// each carries the id of its question. An error keeps the database error's fields (`code`,
// `detail`, `constraint` …), so callers tell a unique violation from any other failure as before.
import { Worker } from "node:worker_threads";
import type { Aendringer, Database, Forespoergsel, Resultat } from "./database.js";
import type { Besked, SerialiseretFejl, Svar, TraadData } from "./pglite-traad.js";

/** A message without the id the client gives it (distributed over the union). */
type UdenId<B> = B extends unknown ? Omit<B, "id"> : never;

// Run from the sources (tests, `tsx`), the thread needs tsx's loader for its TypeScript.
const KILDE = new URL(
  import.meta.url.endsWith(".ts") ? "./pglite-traad.kilde.mjs" : "./pglite-traad.js",
  import.meta.url,
);

function fejlFra(f: SerialiseretFejl): Error {
  const e = new Error(f.message);
  Object.assign(e, f.felter);
  return e;
}

export class PgliteTraad implements Database {
  readonly slags = "pglite" as const;
  /** The embedded database is this process's alone (api/lokal.ts locks its folder): no other writer. */
  readonly aendringer: Aendringer = { aktiv: true, generation: 0 };
  private naesteId = 1;
  private naesteTx = 1;
  private readonly ventende = new Map<number, { ok: (v: unknown) => void; fejl: (e: Error) => void }>();
  private stoppet: Error | undefined;

  private constructor(private readonly traad: Worker) {
    traad.on("message", (s: Svar) => {
      const v = this.ventende.get(s.id);
      if (!v) return;
      this.ventende.delete(s.id);
      if (this.ventende.size === 0) this.traad.unref();
      if ("fejl" in s) v.fejl(fejlFra(s.fejl));
      else v.ok(s.ok);
    });
    const stop = (e: Error) => {
      this.stoppet ??= e;
      for (const v of this.ventende.values()) v.fejl(e);
      this.ventende.clear();
    };
    traad.on("error", (e: Error) => stop(new Error(`Database: the embedded database's thread failed: ${e.message}`)));
    traad.on("exit", (kode) => stop(new Error(`Database: the embedded database's thread has stopped (exit ${kode})`)));
  }

  /** Starts the thread and resolves once PGlite is ready (or rejects with why it could not start). */
  static async start(data: TraadData): Promise<PgliteTraad> {
    // None of the process's Node options: V8's (memory, GC) are the process's anyway, and a thread
    // refuses some others outright (`--input-type` of a `node -e` script, `--max-semi-space-size`).
    const traad = new Worker(KILDE, { workerData: data, execArgv: [] });
    const db = new PgliteTraad(traad);
    try {
      await db.vent(0);
    } catch (e) {
      await traad.terminate();
      throw e;
    }
    return db;
  }

  /** The answer to message `id`; the thread is kept referenced (the process alive) while answers are due. */
  private vent(id: number): Promise<unknown> {
    if (this.stoppet) return Promise.reject(this.stoppet);
    if (this.ventende.size === 0) this.traad.ref();
    return new Promise((ok, fejl) => this.ventende.set(id, { ok, fejl }));
  }

  private send(b: UdenId<Besked>): Promise<unknown> {
    const id = this.naesteId++;
    const svar = this.vent(id);
    if (!this.stoppet) this.traad.postMessage({ ...b, id });
    return svar;
  }

  private forespoergsel(tx?: number): Forespoergsel {
    return {
      query: <T>(sql: string, params?: unknown[]) =>
        this.send({ op: "query", sql, params, tx }) as Promise<Resultat<T>>,
      exec: async (sql: string) => {
        await this.send({ op: "exec", sql, tx });
      },
    };
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Resultat<T>> {
    return this.forespoergsel().query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.forespoergsel().exec(sql);
  }

  async transaction<T>(fn: (tx: Forespoergsel) => Promise<T>): Promise<T> {
    const tx = this.naesteTx++;
    await this.send({ op: "begin", tx });
    let ud: T;
    try {
      ud = await fn(this.forespoergsel(tx));
    } catch (e) {
      await this.send({ op: "rollback", tx }).catch(() => {});
      throw e;
    }
    await this.send({ op: "commit", tx });
    return ud;
  }

  async close(): Promise<void> {
    if (this.stoppet) return;
    try {
      await this.send({ op: "close" });
    } finally {
      await this.traad.terminate();
    }
  }
}
