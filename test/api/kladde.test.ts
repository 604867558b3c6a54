// Drafts and publishing: If-Match concurrency (412/428), validation (422 with paths, warnings
// that do not block), golden cases that block publishing, and consecutive version numbers.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRegelsaet } from "../../engine/index.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  toServere,
  unikMaalgruppe,
} from "./hjaelpere.js";

describe.each(backends())("kladde og publicering ($navn)", (backend) => {
  let s: TestServer;
  let f: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer(backend);
    f = auth(s.noegler.forfatter);
  });
  afterAll(() => s.ryd());

  const kladde = (m: string) => `/api/v1/regelsaet/${m}/kladde`;

  it("opretter, henter, opdaterer med If-Match og sletter en kladde", async () => {
    const m = unikMaalgruppe();
    const r = testRegelsaet(m);
    const agent = request(s.app);
    expect((await agent.get(kladde(m)).set(f)).status).toBe(404);

    const oprettet = await agent.put(kladde(m)).set(f).send(r);
    expect(oprettet.status).toBe(201);
    expect(oprettet.body).toMatchObject({ maalgruppe: m, hash: hashRegelsaet(r), advarsler: expect.any(Array) });
    expect(oprettet.body.testtilfaelde).toEqual([{ navn: "Tolv borgere giver højt", bestaaet: true, afvigelser: [] }]);
    const etag = String(oprettet.headers.etag);
    expect(etag).toMatch(/^"kladde-\d+"$/);

    const hentet = await agent.get(kladde(m)).set(f);
    expect(hentet.status).toBe(200);
    expect(hentet.headers.etag).toBe(etag);
    expect(hentet.body).toEqual(r);
    // The author's key order survives (stored as posted, not as canonical JSON).
    expect(Object.keys(JSON.parse(hentet.text))).toEqual(Object.keys(r));

    r.titel = "Ny titel";
    const opdateret = await agent.put(kladde(m)).set(f).set("If-Match", etag).send(r);
    expect(opdateret.status).toBe(200);
    expect(opdateret.headers.etag).not.toBe(etag);

    const maalgrupper = await agent.get("/api/v1/maalgrupper").set(f);
    expect(maalgrupper.body.maalgrupper).toContainEqual(
      expect.objectContaining({ maalgruppe: m, titel: "Ny titel", version: null, kladde: true }),
    );

    expect((await agent.delete(kladde(m)).set(f).set("If-Match", etag)).status).toBe(412);
    expect((await agent.delete(kladde(m)).set(f).set("If-Match", String(opdateret.headers.etag))).status).toBe(204);
    expect((await agent.get(kladde(m)).set(f)).status).toBe(404);
    expect((await agent.delete(kladde(m)).set(f)).status).toBe(404);
  });

  it("kræver If-Match, når kladden findes (428), og afviser en forældet (412) uden at ændre noget", async () => {
    const m = unikMaalgruppe();
    const r = testRegelsaet(m);
    const agent = request(s.app);
    const foerste = await agent.put(kladde(m)).set(f).send(r);
    expect(foerste.status).toBe(201);

    const uden = await agent
      .put(kladde(m))
      .set(f)
      .send({ ...r, titel: "Uden If-Match" });
    expect(uden.status).toBe(428);
    expect(uden.body).toMatchObject({ fejl: expect.stringContaining("If-Match"), detaljer: [] });

    const anden = await agent
      .put(kladde(m))
      .set(f)
      .set("If-Match", String(foerste.headers.etag))
      .send({ ...r, titel: "B" });
    expect(anden.status).toBe(200);
    const forAeldet = await agent
      .put(kladde(m))
      .set(f)
      .set("If-Match", String(foerste.headers.etag))
      .send({ ...r, titel: "C" });
    expect(forAeldet.status).toBe(412);
    expect(forAeldet.headers.etag).toBe(anden.headers.etag);
    expect(forAeldet.body.fejl).toMatch(/ændret/);
    // Weak ETags never match under If-Match.
    const svag = await agent
      .put(kladde(m))
      .set(f)
      .set("If-Match", `W/${String(anden.headers.etag)}`)
      .send(r);
    expect(svag.status).toBe(412);
    expect((await agent.get(kladde(m)).set(f)).body.titel).toBe("B");

    // "*" overwrites whatever is there; a list of ETags matches any of them.
    expect(
      (
        await agent
          .put(kladde(m))
          .set(f)
          .set("If-Match", "*")
          .send({ ...r, titel: "D" })
      ).status,
    ).toBe(200);
    const nu = String((await agent.get(kladde(m)).set(f)).headers.etag);
    const liste = await agent.put(kladde(m)).set(f).set("If-Match", `"kladde-999999", ${nu}`).send(r);
    expect(liste.status).toBe(200);
    // If-Match on a draft that does not exist fails.
    const ny = unikMaalgruppe();
    expect((await agent.put(kladde(ny)).set(f).set("If-Match", "*").send(testRegelsaet(ny))).status).toBe(412);
  });

  it("afviser et ugyldigt regelsæt med 422 og stier, og gemmer intet", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    const r = testRegelsaet(m, (x) => {
      const leaf = { fact: "antalBorger", operator: "greaterThanInclusive", value: { taerskel: "findes.ikke" } };
      (x.parametre[0] as { niveauer: { let: { betingelser: unknown } } }).niveauer.let.betingelser = { all: [leaf] };
    });
    const svar = await agent.put(kladde(m)).set(f).send(r);
    expect(svar.status).toBe(422);
    expect(svar.body.fejl).toBe("Regelsættet er ugyldigt.");
    expect(svar.body.detaljer).toContainEqual(
      expect.objectContaining({
        path: "parametre[0].niveauer.let.betingelser.all[0].fact",
        pointer: "/parametre/0/niveauer/let/betingelser/all/0/fact",
        message: expect.stringContaining("Mente du 'antalBorgere'"),
      }),
    );
    const schemaFejl = await agent.put(kladde(m)).set(f).send({ maalgruppe: m, titel: 3 });
    expect(schemaFejl.status).toBe(422);
    expect(schemaFejl.body.detaljer.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["titel", "(roden)"]),
    );
    const andenMaalgruppe = await agent.put(kladde(m)).set(f).send(testRegelsaet("en-anden"));
    expect(andenMaalgruppe.status).toBe(422);
    expect(andenMaalgruppe.body.detaljer[0].path).toBe("maalgruppe");
    expect((await agent.get(kladde(m)).set(f)).status).toBe(404);
  });

  it("returnerer forfatteradvarsler uden at blokere", async () => {
    const m = unikMaalgruppe();
    const r = testRegelsaet(m, (x) => {
      x.taerskler["ubrugt.noget.minBorgere"] = { vaerdi: 3, enhed: "borgere", beskrivelse: "Bruges ikke." };
    });
    const svar = await request(s.app).put(kladde(m)).set(f).send(r);
    expect(svar.status).toBe(201);
    expect(svar.body.advarsler).toContainEqual(
      expect.objectContaining({
        path: 'taerskler["ubrugt.noget.minBorgere"]',
        message: expect.stringContaining("bruges ikke"),
      }),
    );
  });

  it("svarer 400 på ugyldig JSON, 415 på forkert medietype og 413 på for stor krop", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    const ugyldig = await agent.put(kladde(m)).set(f).set("Content-Type", "application/json").send('{"maalgruppe": ');
    expect(ugyldig.status).toBe(400);
    expect(ugyldig.body).toEqual({ fejl: "Kroppen er ikke gyldig JSON.", kode: "UGYLDIG_JSON", detaljer: [] });
    const tekst = await agent.put(kladde(m)).set(f).set("Content-Type", "text/plain").send("hej");
    expect(tekst.status).toBe(415);
    const tom = await agent.put(kladde(m)).set(f);
    expect(tom.status).toBe(400);
    const stor = await agent
      .put(kladde(m))
      .set(f)
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ ...testRegelsaet(m), beskrivelse: "x".repeat(6 * 1024 * 1024) }));
    expect(stor.status).toBe(413);
    expect(stor.body.kode).toBe("FOR_STOR");
    expect((await agent.get(kladde(m)).set(f)).status).toBe(404);
  });

  it("publicerer kladden som næste version og fjerner kladden", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    expect(await publicer(s, testRegelsaet(m), "Første")).toBe(1);
    expect((await agent.get(kladde(m)).set(f)).status).toBe(404);
    expect(
      await publicer(
        s,
        testRegelsaet(m, (r) => (r.titel = "Anden")),
        "Anden",
      ),
    ).toBe(2);
    const versioner = await agent.get(`/api/v1/regelsaet/${m}/versioner`).set(f);
    expect(
      versioner.body.versioner.map((v: { version: number; note: string; forfatter: string }) => [
        v.version,
        v.note,
        v.forfatter,
      ]),
    ).toEqual([
      [1, "Første", "test-forfatter"],
      [2, "Anden", "test-forfatter"],
    ]);
  });

  it("kræver en note og en kladde for at publicere", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    const p = `/api/v1/regelsaet/${m}/publicer`;
    expect((await agent.post(p).set(f).send({ note: "x" })).status).toBe(404);
    await agent.put(kladde(m)).set(f).send(testRegelsaet(m));
    const udenNote = await agent.post(p).set(f).send({});
    expect(udenNote.status).toBe(422);
    expect(udenNote.body.detaljer[0].path).toBe("note");
    expect((await agent.post(p).set(f).send({ note: "  " })).status).toBe(422);
    expect((await agent.post(p).set(f).send({ note: "nul\u0000tegn" })).status).toBe(422);
    expect((await agent.post(p).set(f).send({ note: "x", ekstra: 1 })).status).toBe(422);
    expect((await agent.post(p).set(f).send([])).status).toBe(422);
    expect((await agent.post(p).set(f).set("If-Match", '"kladde-1"').send({ note: "x" })).status).toBe(412);
    expect((await agent.get(`/api/v1/regelsaet/${m}`).set(f)).status).toBe(404);
  });

  it("nægter at publicere, når et testtilfælde fejler, og nævner tilfældet", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    const r = testRegelsaet(m, (x) => {
      x.testtilfaelde?.push({
        navn: "Forkert forventning",
        vurderingsgrundlag: hoejLeverandoer(m, "L-forkert") as never,
        forventet: { niveau: "let" },
      });
    });
    const gemt = await agent.put(kladde(m)).set(f).send(r);
    expect(gemt.status).toBe(201);
    expect(gemt.body.testtilfaelde[1]).toMatchObject({ navn: "Forkert forventning", bestaaet: false });
    const svar = await agent.post(`/api/v1/regelsaet/${m}/publicer`).set(f).send({ note: "Prøv" });
    expect(svar.status).toBe(422);
    expect(svar.body.kode).toBe("TESTTILFAELDE_FEJLER");
    expect(svar.body.fejl).toContain("'Forkert forventning'");
    expect(svar.body.detaljer).toEqual([
      expect.objectContaining({
        path: "testtilfaelde[1]",
        message: expect.stringContaining("forventet let, fik højt"),
      }),
    ]);
    expect((await agent.get(`/api/v1/regelsaet/${m}/versioner`).set(f)).status).toBe(404);
    expect((await agent.get(kladde(m)).set(f)).status).toBe(200);
  });

  it("lader præcis én af mange samtidige gem med samme If-Match lykkes; resten får 412", async () => {
    const m = unikMaalgruppe();
    const agent = request(s.app);
    const r = testRegelsaet(m);
    const etag = String((await agent.put(kladde(m)).set(f).send(r)).headers.etag);
    const svar = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(s.app)
          .put(kladde(m))
          .set(f)
          .set("If-Match", etag)
          .send({ ...r, titel: `Samtidig ${i}` }),
      ),
    );
    const statusser = svar.map((x) => x.status).sort();
    expect(statusser.filter((x) => x === 200)).toHaveLength(1);
    expect(statusser.filter((x) => x === 412)).toHaveLength(19);
    const vinder = svar.find((x) => x.status === 200);
    expect((await agent.get(kladde(m)).set(f)).headers.etag).toBe(vinder?.headers.etag);
  });

  it("giver fortløbende versionsnumre ved samtidige publiceringer", async () => {
    const m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    const runder = 4;
    for (let i = 0; i < runder; i++) {
      await request(s.app)
        .put(kladde(m))
        .set(f)
        .send(testRegelsaet(m, (r) => (r.titel = `Runde ${i}`)));
      const svar = await Promise.all(
        Array.from({ length: 5 }, () =>
          request(s.app)
            .post(`/api/v1/regelsaet/${m}/publicer`)
            .set(f)
            .send({ note: `Runde ${i}` }),
        ),
      );
      expect(svar.filter((x) => x.status === 201)).toHaveLength(1);
      expect(svar.every((x) => x.status === 201 || x.status === 409 || x.status === 404)).toBe(true);
    }
    const versioner = await request(s.app).get(`/api/v1/regelsaet/${m}/versioner`).set(f);
    expect(versioner.body.versioner.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });
});

// Two servers on one PostgreSQL database (two apps, each with its own connection pool): the
// database, not the process, decides who wins.
describe.each(backends().filter((b) => b.navn === "postgres"))("to servere på én database ($navn)", (backend) => {
  const t = toServere(backend);

  it("lader præcis ét af samtidige gem med samme If-Match lykkes på tværs af servere", async () => {
    const { s, anden } = t;
    const f = auth(s.noegler.forfatter);
    const m = unikMaalgruppe();
    const r = testRegelsaet(m);
    const etag = String((await request(s.app).put(`/api/v1/regelsaet/${m}/kladde`).set(f).send(r)).headers.etag);
    const svar = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        request(i % 2 === 0 ? s.app : anden.app)
          .put(`/api/v1/regelsaet/${m}/kladde`)
          .set(f)
          .set("If-Match", etag)
          .send({ ...r, titel: `Server ${i % 2} nr. ${i}` }),
      ),
    );
    expect(svar.filter((x) => x.status === 200)).toHaveLength(1);
    expect(svar.filter((x) => x.status === 412)).toHaveLength(29);
  });

  it("holder versionsnumrene fortløbende ved samtidige publiceringer fra begge servere", async () => {
    const { s, anden } = t;
    const f = auth(s.noegler.forfatter);
    const m = unikMaalgruppe();
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? s.app : anden.app;
      await request(app)
        .put(`/api/v1/regelsaet/${m}/kladde`)
        .set(f)
        .send(testRegelsaet(m, (x) => (x.titel = `Runde ${i}`)));
      const svar = await Promise.all(
        Array.from({ length: 6 }, (_, j) =>
          request(j % 2 === 0 ? s.app : anden.app)
            .post(`/api/v1/regelsaet/${m}/publicer`)
            .set(f)
            .send({ note: `Runde ${i}` }),
        ),
      );
      expect(svar.filter((x) => x.status === 201)).toHaveLength(1);
    }
    const versioner = await request(anden.app).get(`/api/v1/regelsaet/${m}/versioner`).set(f);
    expect(versioner.body.versioner.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
    const { rows } = await s.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE maalgruppe = $1 AND handling = 'regelsaet.publiceret'",
      [m],
    );
    expect(rows[0]?.n).toBe(5);
  });
});
