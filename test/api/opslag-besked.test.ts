// Kept answers on a shared PostgreSQL server: which version is the latest is kept in memory and
// dropped when another process (or an operator in psql) changes the versions or keys, told by the
// trigger of migration 006 through LISTEN/NOTIFY; a key is never kept there, so a revocation by
// another process holds at once (test/haerdning/adgang.test.ts).
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../api/db/database.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
} from "./hjaelpere.js";

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it holds, for at most `ms`; the notification is asynchronous. */
async function indtil(fn: () => Promise<boolean> | boolean, ms = 5000): Promise<boolean> {
  for (const slut = Date.now() + ms; Date.now() < slut; await vent(10)) if (await fn()) return true;
  return false;
}

describe.each(backends().filter((b) => b.navn === "postgres"))(
  "senest publicerede version på tværs af servere ($navn)",
  (backend) => {
    let s: TestServer;
    let anden: { app: import("express").Express; luk(): Promise<void> };
    beforeAll(async () => {
      s = await startTestServer(backend);
      if (!s.andenServer) throw new Error("PostgreSQL-backend uden anden forbindelse");
      anden = await s.andenServer();
    });
    afterAll(async () => {
      await anden?.luk();
      await s?.ryd();
    });

    it("lytter på ændringer, så længe forbindelsen er åben", async () => {
      expect(await indtil(() => s.db.aendringer?.aktiv === true)).toBe(true);
    });

    it("bruger en version, en anden server har publiceret, så snart beskeden er nået frem", async () => {
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

    it("holder op med at lytte, når databasen lukkes", async () => {
      const url = process.env.TEST_DATABASE_URL ?? "";
      const skema = ((await s.db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0] as { s: string }).s;
      const db = await openPostgres(url, { schema: skema });
      expect(db.aendringer?.aktiv).toBe(true);
      await db.close();
      expect(db.aendringer?.aktiv).toBe(false);
    });
  },
);
