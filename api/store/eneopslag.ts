// Answers to reads that only this process can change, kept in memory while the database is this
// process's alone: the embedded database (api/lokal.ts locks its folder for one process). With a
// PostgreSQL server several API processes share the data, so every read goes to the database.
//
// Every write that can change an answer runs through `skriv`: the answers are dropped when it
// starts and again when it ends, and no answer read while a write was running is kept. A read
// therefore never sees an answer older than the last committed write — a revoked key stops
// working, a new version is used, the moment the write is acknowledged.
import type { Database, Forespoergsel } from "../db/database.js";

export class Eneopslag<V> {
  private readonly svar = new Map<string, V>();
  private generation = 0;
  private skrivende = 0;

  /**
   * @param aktiv whether answers are kept at all (the database is this process's alone)
   * @param max most answers kept; all are dropped when it is reached (keys are a few, attackers
   *   cannot add any: only found answers are kept)
   */
  constructor(
    private readonly aktiv: boolean,
    private readonly max = 1000,
  ) {}

  /** The kept answer for `noegle`, else `laes()`; an undefined answer (not found) is never kept. */
  async hent(noegle: string, laes: () => Promise<V | undefined>): Promise<V | undefined> {
    if (this.aktiv && this.skrivende === 0) {
      const v = this.svar.get(noegle);
      if (v !== undefined) return v;
    }
    const foer = this.generation;
    const v = await laes();
    if (this.aktiv && v !== undefined && this.skrivende === 0 && foer === this.generation) {
      if (this.svar.size >= this.max) this.svar.clear();
      this.svar.set(noegle, v);
    }
    return v;
  }

  /** Runs a write that may change answers; see the header. */
  async skriv<T>(fn: () => Promise<T>): Promise<T> {
    this.glem();
    this.skrivende++;
    try {
      return await fn();
    } finally {
      this.skrivende--;
      this.glem();
    }
  }

  private glem(): void {
    this.generation++;
    this.svar.clear();
  }
}

/** One set of kept answers per database and kind. */
export function eneopslagFor<V>(
  register: WeakMap<Database, Eneopslag<V>>,
  db: Database,
  aktiv: (db: Database) => boolean = (d) => d.slags === "pglite",
): Eneopslag<V> {
  let e = register.get(db);
  if (!e) {
    e = new Eneopslag<V>(aktiv(db));
    register.set(db, e);
  }
  return e;
}

/** A transaction whose writes may change the answers `register` keeps for `db` (see `skriv`). */
export function skrivendeTransaktion<V, T>(
  register: WeakMap<Database, Eneopslag<V>>,
  db: Database,
  fn: (tx: Forespoergsel) => Promise<T>,
): Promise<T> {
  return eneopslagFor(register, db).skriv(() => db.transaction(fn));
}
