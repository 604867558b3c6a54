// The role matrix: every route × every role and no key. A role below the route's gets 403, no
// key 401, and each role at or above it gets the route's success status.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLLER, type Rolle } from "../../api/store/noegler.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

type Svar = { status: number; body: unknown };

interface Rute {
  navn: string;
  rolle: Rolle | "alle";
  succes: number;
  /** Makes the request; `noegle` is undefined for no key. Prepares its own state first. */
  kald(s: TestServer, noegle: string | undefined): Promise<Svar>;
}

const med = (t: request.Test, noegle: string | undefined) => (noegle ? t.set(auth(noegle)) : t);
let publiceret = "";
let afgoerelse = "";

async function nyKladde(s: TestServer): Promise<string> {
  const m = unikMaalgruppe("adg");
  const svar = await request(s.app)
    .put(`/api/v1/regelsaet/${m}/kladde`)
    .set(auth(s.noegler.forfatter))
    .send(testRegelsaet(m));
  expect(svar.status).toBe(201);
  return m;
}

const RUTER: Rute[] = [
  { navn: "GET /health", rolle: "alle", succes: 200, kald: (s, n) => med(request(s.app).get("/api/v1/health"), n) },
  {
    navn: "GET /schema/regelsaet.json",
    rolle: "alle",
    succes: 200,
    kald: (s, n) => med(request(s.app).get("/api/v1/schema/regelsaet.json"), n),
  },
  {
    navn: "GET /schema/vurderingsgrundlag.json",
    rolle: "alle",
    succes: 200,
    kald: (s, n) => med(request(s.app).get("/api/v1/schema/vurderingsgrundlag.json"), n),
  },
  { navn: "GET /docs", rolle: "alle", succes: 200, kald: (s, n) => med(request(s.app).get("/api/v1/docs"), n) },
  {
    navn: "GET /docs/openapi.json",
    rolle: "alle",
    succes: 200,
    kald: (s, n) => med(request(s.app).get("/api/v1/docs/openapi.json"), n),
  },
  {
    navn: "GET /maalgrupper",
    rolle: "laeser",
    succes: 200,
    kald: (s, n) => med(request(s.app).get("/api/v1/maalgrupper"), n),
  },
  {
    navn: "GET /regelsaet/:m",
    rolle: "laeser",
    succes: 200,
    kald: (s, n) => med(request(s.app).get(`/api/v1/regelsaet/${publiceret}`), n),
  },
  {
    navn: "GET /regelsaet/:m/versioner",
    rolle: "laeser",
    succes: 200,
    kald: (s, n) => med(request(s.app).get(`/api/v1/regelsaet/${publiceret}/versioner`), n),
  },
  {
    navn: "GET /regelsaet/:m/diff",
    rolle: "laeser",
    succes: 200,
    kald: (s, n) => med(request(s.app).get(`/api/v1/regelsaet/${publiceret}/diff?fra=1&til=2`), n),
  },
  {
    navn: "GET /regelsaet/:m/kladde",
    rolle: "forfatter",
    succes: 200,
    kald: async (s, n) => med(request(s.app).get(`/api/v1/regelsaet/${await nyKladde(s)}/kladde`), n),
  },
  {
    navn: "PUT /regelsaet/:m/kladde",
    rolle: "forfatter",
    succes: 201,
    kald: (s, n) => {
      const m = unikMaalgruppe("adg");
      return med(request(s.app).put(`/api/v1/regelsaet/${m}/kladde`), n).send(testRegelsaet(m));
    },
  },
  {
    navn: "DELETE /regelsaet/:m/kladde",
    rolle: "forfatter",
    succes: 204,
    kald: async (s, n) => med(request(s.app).delete(`/api/v1/regelsaet/${await nyKladde(s)}/kladde`), n),
  },
  {
    navn: "POST /regelsaet/:m/publicer",
    rolle: "forfatter",
    succes: 201,
    kald: async (s, n) =>
      med(request(s.app).post(`/api/v1/regelsaet/${await nyKladde(s)}/publicer`), n).send({ note: "Matrix" }),
  },
  {
    navn: "POST /indplacering",
    rolle: "tilsyn",
    succes: 201,
    kald: (s, n) =>
      med(request(s.app).post("/api/v1/indplacering"), n).send({ vurderingsgrundlag: hoejLeverandoer(publiceret) }),
  },
  {
    navn: "POST /indplacering (kladde)",
    rolle: "forfatter",
    succes: 201,
    kald: async (s, n) => {
      const m = await nyKladde(s);
      return med(request(s.app).post("/api/v1/indplacering"), n).send({
        vurderingsgrundlag: hoejLeverandoer(m),
        kladde: true,
      });
    },
  },
  {
    navn: "POST /indplacering/batch",
    rolle: "tilsyn",
    succes: 200,
    kald: (s, n) =>
      med(request(s.app).post("/api/v1/indplacering/batch"), n).send({
        vurderingsgrundlag: [hoejLeverandoer(publiceret)],
      }),
  },
  {
    navn: "GET /indplacering/:id",
    rolle: "tilsyn",
    succes: 200,
    kald: (s, n) => med(request(s.app).get(`/api/v1/indplacering/${afgoerelse}?genberegn=true`), n),
  },
  {
    navn: "POST /scenarier/sammenlign",
    rolle: "forfatter",
    succes: 200,
    kald: (s, n) =>
      med(request(s.app).post("/api/v1/scenarier/sammenlign"), n).send({
        maalgruppe: publiceret,
        scenarier: [{ navn: "A" }, { navn: "B", aendringer: { vaegte: { uddannelse: 2 } } }],
        vurderingsgrundlag: [hoejLeverandoer(publiceret)],
      }),
  },
  {
    navn: "POST /scenarier/foelsomhed",
    rolle: "forfatter",
    succes: 200,
    kald: (s, n) =>
      med(request(s.app).post("/api/v1/scenarier/foelsomhed"), n).send({
        maalgruppe: publiceret,
        sweep: { taerskel: "aktivPraksis.hoej.minBorgere", vaerdier: [5, 10] },
        vurderingsgrundlag: [hoejLeverandoer(publiceret)],
      }),
  },
  { navn: "GET /mig", rolle: "laeser", succes: 200, kald: (s, n) => med(request(s.app).get("/api/v1/mig"), n) },
  { navn: "GET /noegler", rolle: "admin", succes: 200, kald: (s, n) => med(request(s.app).get("/api/v1/noegler"), n) },
  {
    navn: "POST /noegler",
    rolle: "admin",
    succes: 201,
    kald: (s, n) => med(request(s.app).post("/api/v1/noegler"), n).send({ navn: unikMaalgruppe("n"), rolle: "laeser" }),
  },
  {
    navn: "DELETE /noegler/:navn",
    rolle: "admin",
    succes: 204,
    kald: async (s, n) => {
      const navn = unikMaalgruppe("n");
      const oprettet = await request(s.app)
        .post("/api/v1/noegler")
        .set(auth(s.noegler.admin))
        .send({ navn, rolle: "laeser" });
      expect(oprettet.status).toBe(201);
      return med(request(s.app).delete(`/api/v1/noegler/${navn}`), n);
    },
  },
];

const forventet = (rute: Rute, rolle: Rolle | undefined): number => {
  if (rute.rolle === "alle") return rute.succes;
  if (rolle === undefined) return 401;
  return ROLLER.indexOf(rolle) >= ROLLER.indexOf(rute.rolle) ? rute.succes : 403;
};

describe.each(backends())("rollematrix ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
    publiceret = unikMaalgruppe("pub");
    await publicer(s, testRegelsaet(publiceret));
    await publicer(
      s,
      testRegelsaet(publiceret, (r) => (r.titel = "v2")),
    );
    const svar = await request(s.app)
      .post("/api/v1/indplacering")
      .set(auth(s.noegler.tilsyn))
      .send({ vurderingsgrundlag: hoejLeverandoer(publiceret) });
    afgoerelse = svar.body.id;
  });
  afterAll(() => s.ryd());

  const roller: (Rolle | undefined)[] = [undefined, ...ROLLER];
  for (const rute of RUTER) {
    it.each(roller.map((rolle) => ({ rolle: rolle ?? "ingen nøgle", r: rolle })))(
      `${rute.navn} som $rolle`,
      async ({ r }) => {
        const svar = await rute.kald(s, r ? s.noegler[r] : undefined);
        expect(svar.status, JSON.stringify(svar.body)).toBe(forventet(rute, r));
        if (svar.status === 401 || svar.status === 403) {
          expect(svar.body).toMatchObject({ fejl: expect.any(String), detaljer: [] });
        }
      },
    );
  }

  it("afviser ukendte, forkert formede og tilbagekaldte nøgler med 401", async () => {
    const agent = request(s.app);
    for (const header of [
      "Bearer smk_findesikke",
      "Bearer",
      "Basic dXNlcjpwdw==",
      `Bearer ${s.noegler.admin} ekstra`,
      "Bearer æøå",
    ]) {
      const svar = await agent.get("/api/v1/maalgrupper").set("Authorization", header);
      expect(svar.status, header).toBe(401);
      expect(svar.headers["www-authenticate"]).toContain("Bearer");
    }
    expect((await agent.get("/api/v1/maalgrupper").set("Authorization", `bearer  ${s.noegler.laeser}`)).status).toBe(
      200,
    );
  });
});
