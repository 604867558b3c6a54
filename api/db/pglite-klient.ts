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
  /** Why no more messages are answered: the database was closed, or its thread stopped. */
  private stoppet: Error | undefined;
  private readonly vedStop: ((e: Error) => void)[] = [];

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
      const uventet = this.stoppet === undefined;
      this.stoppet ??= e;
      for (const v of this.ventende.values()) v.fejl(e);
      this.ventende.clear();
      if (uventet) for (const fn of this.vedStop) fn(e);
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

  /**
   * Sends a message and waits for its answer. A parameter the thread cannot receive (a function,
   * a symbol) is a rejection of this call, with nothing left waiting.
   */
  private send(b: UdenId<Besked>): Promise<unknown> {
    if (this.stoppet) return Promise.reject(this.stoppet);
    const id = this.naesteId++;
    try {
      this.traad.postMessage({ ...b, id });
    } catch (e) {
      return Promise.reject(new Error(`Database: a parameter cannot be sent to the database: ${(e as Error).message}`));
    }
    // No answer can arrive before this synchronous code has finished.
    return this.vent(id);
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

  // Own fields rather than methods, so that the interface behaves as a plain object's would: a
  // copy with a spread (`{ ...db, query }`, as tests do) or an unbound `db.query` still works.
  readonly query = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Resultat<T>> =>
    this.forespoergsel().query<T>(sql, params);

  readonly exec = (sql: string): Promise<void> => this.forespoergsel().exec(sql);

  readonly transaction = async <T>(fn: (tx: Forespoergsel) => Promise<T>): Promise<T> => {
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
  };

  /**
   * Calls `fn` if the thread stops without `close()` (a crash of PGlite's WebAssembly): the
   * database cannot come back in this process, so the server exits and its supervisor restarts
   * it (api/main.ts) instead of answering 503 until someone notices.
   */
  naarTraadenStopper(fn: (e: Error) => void): void {
    this.vedStop.push(fn);
  }

  /** Closes PGlite and ends the thread; a query after this fails saying the database is closed. */
  readonly close = async (): Promise<void> => {
    if (this.stoppet) return;
    const svar = this.send({ op: "close" });
    this.stoppet = new Error("Database: the embedded database is closed");
    try {
      await svar;
    } finally {
      await this.traad.terminate();
    }
  };
}
