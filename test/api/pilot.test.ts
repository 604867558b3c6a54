// First start: the pilot regelsæt in rulesets/ are published as version 1 with their golden
// cases attached, their stored hash re-verifies, the golden cases pass, and the example data
// evaluates without errors. Seeding again changes nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { indlaesPilotRegelsaet, PILOT_MAALGRUPPER } from "../../api/seed.js";
import { hashRegelsaet, type Regelsaet } from "../../engine/index.js";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { auth, backends, startTestServer, stille, type TestServer } from "./hjaelpere.js";

const RULESETS = join(ROD, "rulesets");
const laes = (fil: string) => JSON.parse(readFileSync(join(RULESETS, fil), "utf8"));
const findes = PILOT_MAALGRUPPER.filter((m) => existsSync(join(RULESETS, `${m}.json`)));

describe.each(backends())("pilotregelsæt ved første start ($navn)", (backend) => {
  let s: TestServer;
  let indlaest: string[];
  beforeAll(async () => {
    s = await startTestServer(backend);
    indlaest = await indlaesPilotRegelsaet(s.db, RULESETS, stille);
  });
  afterAll(() => s.ryd());

  it("publicerer hvert pilotregelsæt i rulesets/ som version 1", async () => {
    expect(findes).toEqual([...PILOT_MAALGRUPPER]);
    expect(indlaest).toEqual(findes);
    const svar = await request(s.app).get("/api/v1/maalgrupper").set(auth(s.noegler.laeser));
    for (const m of findes) {
      expect(svar.body.maalgrupper).toContainEqual(
        expect.objectContaining({ maalgruppe: m, version: 1, kladde: false }),
      );
    }
    const versioner = await request(s.app).get(`/api/v1/regelsaet/${findes[0]}/versioner`).set(auth(s.noegler.laeser));
    expect(versioner.body.versioner[0]).toMatchObject({ version: 1, forfatter: "system" });
  });

  it("vedhæfter testtilfældene, gemmer en hash der kan efterprøves, og testtilfældene består", async () => {
    for (const m of findes) {
      const svar = await request(s.app).get(`/api/v1/regelsaet/${m}`).set(auth(s.noegler.laeser));
      const r = svar.body as Regelsaet;
      const fil = laes(`${m}.json`);
      const tilfaelde = existsSync(join(RULESETS, "testtilfaelde", `${m}.json`))
        ? laes(`testtilfaelde/${m}.json`)
        : undefined;
      expect(r).toEqual(tilfaelde && !fil.testtilfaelde ? { ...fil, testtilfaelde: tilfaelde } : fil);
      expect(svar.headers["regelsaet-hash"]).toBe(hashRegelsaet(r));
      const { rows } = await s.db.query<{ indhold: string; hash: string }>(
        "SELECT indhold, hash FROM regelsaet_versioner WHERE maalgruppe = $1",
        [m],
      );
      expect(hashRegelsaet(JSON.parse(rows[0]?.indhold ?? "null"))).toBe(rows[0]?.hash);
      const resultater = await koerTesttilfaelde(r);
      expect(resultater.filter((t) => !t.bestaaet)).toEqual([]);
      expect(resultater.length).toBeGreaterThan(0);
    }
  });

  it("indlæser ikke igen, når målgruppen allerede har en version", async () => {
    expect(await indlaesPilotRegelsaet(s.db, RULESETS, stille)).toEqual([]);
    const { rows } = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM regelsaet_versioner");
    expect(rows[0]?.n).toBe(findes.length);
  });

  it("indplacerer hele eksempeldatasættet i én batch uden fejl og genberegner identisk", async () => {
    const data = (laes("eksempeldata.json") as { maalgruppe: string }[]).filter((v) =>
      (findes as string[]).includes(v.maalgruppe),
    );
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set(auth(s.noegler.tilsyn))
      .send({ vurderingsgrundlag: data });
    expect(svar.status).toBe(200);
    expect(svar.body.antal).toEqual({ ialt: data.length, indplaceret: data.length, fejl: 0 });
    const niveauer = new Set(svar.body.resultater.map((r: { niveau: string }) => r.niveau));
    expect(niveauer.size).toBeGreaterThan(1);
    for (const r of svar.body.resultater.slice(0, 10)) {
      const g = await request(s.app).get(`/api/v1/indplacering/${r.id}?genberegn=true`).set(auth(s.noegler.tilsyn));
      expect(g.body.identisk).toBe(true);
    }
  });

  it("sammenligner eksempelscenarierne over eksempeldatasættet", async () => {
    const { scenarier } = laes("eksempel-scenarier.json") as { scenarier: { navn: string }[] };
    const svar = await request(s.app)
      .post("/api/v1/scenarier/sammenlign")
      .set(auth(s.noegler.forfatter))
      .send({ maalgruppe: "autisme", scenarier });
    expect(svar.status, JSON.stringify(svar.body).slice(0, 500)).toBe(200);
    expect(svar.body.scenarier).toHaveLength(scenarier.length);
    expect(svar.body.antalLeverandoerer).toBeGreaterThan(0);
  });
});
