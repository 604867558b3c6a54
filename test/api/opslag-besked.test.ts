// Kept answers on a shared PostgreSQL server: which version is the latest, and a key for
// POST /indplacering, are kept in memory and dropped when another process (or an operator in
// psql) changes the versions or keys, told by the trigger of migration 006 through LISTEN/NOTIFY.
// A revocation by another process still holds at once: the decision's INSERT re-checks the key,
// and every other route reads it from the database (also test/haerdning/adgang.test.ts).
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, Lytter, lytterNavn, openPostgres } from "../../api/db/database.js";
import { migrer } from "../../api/db/migrate.js";
import { gemIndplaceringer, type NyIndplacering } from "../../api/store/indplaceringer.js";
import { hashNoegle, opretNoegle } from "../../api/store/noegler.js";
import { auth, backends, hoejLeverandoer, publicer, testRegelsaet, toServere } from "./hjaelpere.js";

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it holds, for at most `ms`; the notification is asynchronous. */
async function indtil(fn: () => Promise<boolean> | boolean, ms = 5000): Promise<boolean> {
  for (const slut = Date.now() + ms; Date.now() < slut; await vent(10)) if (await fn()) return true;
  return false;
}

describe.each(backends().filter((b) => b.navn === "postgres"))(
  "senest publicerede version på tværs af servere ($navn)",
  (backend) => {
    const t = toServere(backend);

    it("lytter på ændringer, så længe forbindelsen er åben", async () => {
      const { s } = t;
      expect(await indtil(() => s.db.aendringer?.aktiv === true)).toBe(true);
    });

    it("bruger en version, en anden server har publiceret, så snart beskeden er nået frem", async () => {
      const { s, anden } = t;
      const m = "besked-m";
      await publicer(s, testRegelsaet(m));
      const indplacer = async () =>
        (
          await request(s.app)
            .post("/api/v1/indplacering")
            .set(auth(s.noegler.tilsyn))
            .send({ vurderingsgrundlag: hoejLeverandoer(m) })
        ).body.regelsaet?.version as number;
      // The first server now keeps version 1 as the latest.
      expect(await indplacer()).toBe(1);
      expect(await indplacer()).toBe(1);
      expect(
        await publicer(
          { ...s, app: anden.app },
          testRegelsaet(m, (r) => (r.titel = "Anden udgave")),
        ),
      ).toBe(2);
      expect(await indtil(async () => (await indplacer()) === 2)).toBe(true);
    });

    it("glemmer ved en ændring i psql, men ikke ved ændringer i et andet skema", async () => {
      const { s } = t;
      const a = s.db.aendringer;
      if (!a) throw new Error("ingen aendringer");
      const url = process.env.TEST_DATABASE_URL ?? "";
      const skema = ((await s.db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0] as { s: string }).s;
      const psql = new pg.Client({ connectionString: url, options: `-c search_path=${skema}` });
      await psql.connect();
      const fremmed = await openPostgres(url, { schema: `${skema}_x` });
      try {
        await fremmed.exec("CREATE TABLE IF NOT EXISTS noegler (n int)");
        await fremmed.exec(
          "CREATE OR REPLACE TRIGGER fremmed AFTER INSERT ON noegler FOR EACH STATEMENT EXECUTE FUNCTION " +
            `${skema}.opslag_besked()`,
        );
        const foer = a.generation;
        await fremmed.query("INSERT INTO noegler (n) VALUES (1)");
        await vent(200);
        expect(a.generation).toBe(foer);
        await psql.query("UPDATE noegler SET rolle = rolle WHERE navn = 'test-laeser'");
        expect(await indtil(() => a.generation > foer)).toBe(true);
      } finally {
        await psql.end();
        await fremmed.exec(`DROP SCHEMA ${skema}_x CASCADE`).catch(() => {});
        await fremmed.close();
      }
    });

    it("en nøgle fra hukommelsen, som en anden har tilbagekaldt, gemmer intet og giver 401 — også uden besked", async () => {
      const { s } = t;
      const a = auth(s.noegler.admin);
      const m = "besked-n";
      await publicer(s, testRegelsaet(m));
      const ny = await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "husket", rolle: "tilsyn" });
      const noegle = ny.body.noegle as string;
      const indplacer = () =>
        request(s.app)
          .post("/api/v1/indplacering")
          .set(auth(noegle))
          .send({ vurderingsgrundlag: hoejLeverandoer(m) });
      expect((await indplacer()).status).toBe(201);
      // A notification that never arrives: the key stays in this server's memory.
      await s.db.exec("ALTER TABLE noegler DISABLE TRIGGER noegler_besked");
      try {
        await s.db.query("UPDATE noegler SET tilbagekaldt = now() WHERE navn = 'husket'");
        const svar = await indplacer();
        expect(svar.status).toBe(401);
        expect(svar.body.kode).toBe("UGYLDIG_NOEGLE");
        expect(svar.headers["www-authenticate"]).toMatch(/^Bearer/);
        // Every other route reads the key from the database.
        expect((await request(s.app).get("/api/v1/maalgrupper").set(auth(noegle))).status).toBe(401);
      } finally {
        await s.db.exec("ALTER TABLE noegler ENABLE TRIGGER noegler_besked");
      }
      const { rows } = await s.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM indplaceringer WHERE noegle = 'husket'",
      );
      expect(rows[0]?.n).toBe(1);
    });

    it("lytter ikke længere, når forbindelsen dør, og forbinder igen", async () => {
      const { s } = t;
      const a = s.db.aendringer;
      if (!a) throw new Error("ingen aendringer");
      expect(await indtil(() => a.aktiv)).toBe(true);
      const skema = ((await s.db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0] as { s: string }).s;
      const foer = a.generation;
      const { rows } = await s.db.query<{ ok: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1",
        [lytterNavn(skema)],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(await indtil(() => !a.aktiv || a.generation > foer)).toBe(true);
      expect(await indtil(() => a.aktiv, 10_000)).toBe(true);
    });

    it("regner forbindelsen for tabt, når hjerteslaget ikke når frem, og holder den, når det gør", async () => {
      const url = process.env.TEST_DATABASE_URL ?? "";
      const klient = new pg.Client({ connectionString: url });
      await klient.connect();
      const send = (kanal: string, tekst: string) => klient.query("SELECT pg_notify($1, $2)", [kanal, tekst]);
      const valg = { genforbindMs: 5000, hjerteslagMs: 50, hjerteslagFristMs: 150 };
      const hoerer = new Lytter(url, undefined, send, valg);
      const doev = new Lytter(url, undefined, async () => {}, valg);
      try {
        await hoerer.start();
        await doev.start();
        expect(hoerer.aktiv && doev.aktiv).toBe(true);
        expect(await indtil(() => !doev.aktiv, 2000)).toBe(true);
        await vent(400);
        expect(hoerer.aktiv).toBe(true);
      } finally {
        await hoerer.stop();
        await doev.stop();
        await klient.end();
      }
    });

    it("holder op med at lytte, når databasen lukkes", async () => {
      const { s } = t;
      const url = process.env.TEST_DATABASE_URL ?? "";
      const skema = ((await s.db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0] as { s: string }).s;
      const db = await openPostgres(url, { schema: skema });
      expect(db.aendringer?.aktiv).toBe(true);
      await db.close();
      expect(db.aendringer?.aktiv).toBe(false);
    });
  },
);

describe.each(backends())(
  "en afgørelse gemmes kun med en aktiv nøgle, når nøglen skal bekræftes ($navn)",
  (backend) => {
    let db: Database;
    let ryd: () => Promise<void>;
    beforeAll(async () => {
      ({ db, ryd } = await backend.aabn());
      await migrer(db);
    });
    afterAll(() => ryd());

    // A decision stored under key `noegle`; with `bekraeftNoegle` (a key's hash) the INSERT stores it
    // only while that key is active. Every row has its own provider and input.
    let nr = 0;
    const raekke = (noegle: string, bekraeftNoegle?: string): NyIndplacering => {
      nr++;
      return {
        maalgruppe: "m",
        version: 1,
        kladde: false,
        hash: "sha256:x",
        leverandoerId: `lev-${nr}`,
        niveau: "let",
        vurderingsgrundlagJson: `{"nr":${nr}}`,
        resultatHash: "sha256:y",
        parameterNiveauer: { a: "let" },
        noegle,
        ...(bekraeftNoegle ? { bekraeftNoegle } : {}),
      };
    };

    it("gemmer rækker uden bekræftelse og med en aktiv nøgle, men ikke med en tilbagekaldt, i samme sætning", async () => {
      const aktiv = hashNoegle(await opretNoegle(db, "aktiv", "tilsyn", "test"));
      const tilbagekaldt = hashNoegle(await opretNoegle(db, "tilbagekaldt", "tilsyn", "test"));
      await db.query("UPDATE noegler SET tilbagekaldt = now() WHERE navn = 'tilbagekaldt'");
      const ids = await gemIndplaceringer(db, [
        raekke("uden"),
        raekke("aktiv", aktiv),
        raekke("tilbagekaldt", tilbagekaldt),
        raekke("ukendt", "0".repeat(64)),
      ]);
      expect(ids.map((id) => id !== undefined)).toEqual([true, true, false, false]);
      const { rows } = await db.query<{ noegle: string; id: string }>(
        "SELECT noegle, id FROM indplaceringer ORDER BY noegle",
      );
      expect(rows.map((r) => r.noegle)).toEqual(["aktiv", "uden"]);
      expect(rows.map((r) => String(r.id)).sort()).toEqual([ids[0], ids[1]].sort());
    });

    // A write of few rows is a named statement on a PostgreSQL server, one per row count and kind:
    // the same connection must take every count, again and again, with and without the key check.
    it("gemmer skrivninger af alle størrelser, igen og igen, med og uden bekræftelse", async () => {
      const hash = hashNoegle(await opretNoegle(db, "stoerrelser", "tilsyn", "test"));
      const stoerrelser = [1, 2, 1, 3, 32, 33, 2, 1];
      let gemt = 0;
      for (const bekraeft of [false, true, false, true]) {
        for (const n of stoerrelser) {
          const ids = await gemIndplaceringer(
            db,
            Array.from({ length: n }, () => raekke("stoerrelser", bekraeft ? hash : undefined)),
          );
          expect(ids.every((id) => id !== undefined)).toBe(true);
          gemt += n;
        }
      }
      const { rows } = await db.query<{ n: number; forskellige: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT vurderingsgrundlag)::int AS forskellige
         FROM indplaceringer WHERE noegle = 'stoerrelser'`,
      );
      expect(rows[0]).toEqual({ n: gemt, forskellige: gemt });
    });
  },
);
