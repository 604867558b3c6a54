// Public routes and cross-cutting behaviour: health, JSON Schemas, the documentation, security
// headers, request ids, unknown paths, CORS and the editor's static files.
import { readdirSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { validateRegelsaet } from "../../engine/index.js";
import { backends, hoejLeverandoer, startTestServer, stille, type TestServer, testRegelsaet } from "./hjaelpere.js";

describe.each(backends())("offentlige ruter ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend, { corsOrigins: ["https://kendt.example"] });
  });
  afterAll(() => s.ryd());

  it("GET /health melder databasen", async () => {
    const svar = await request(s.app).get("/api/v1/health");
    expect(svar.status).toBe(200);
    const migreringer = readdirSync(new URL("../../api/db/migrations/", import.meta.url)).filter((f) =>
      f.endsWith(".sql"),
    ).length;
    expect(svar.body).toMatchObject({ status: "ok", database: { slags: backend.navn, ok: true, migreringer } });
  });

  it("GET /health svarer 503, når databasen ikke svarer, og når serveren lukker", async () => {
    const tilstand = { lukker: false };
    const doed = {
      ...s.db,
      slags: s.db.slags,
      query: async () => {
        throw new Error("forbindelsen er væk");
      },
    };
    const app = createApp({ db: doed, logger: stille, editorDist: null, tilstand });
    const svar = await request(app).get("/api/v1/health");
    expect(svar.status).toBe(503);
    expect(svar.body).toMatchObject({ status: "fejl", database: { ok: false } });
    tilstand.lukker = true;
    expect((await request(app).get("/api/v1/health")).body.status).toBe("lukker");
  });

  it("serverer JSON Schemas, der validerer regelsæt og vurderingsgrundlag, med relativ $ref", async () => {
    const r = await request(s.app).get("/api/v1/schema/regelsaet.json");
    const v = await request(s.app).get("/api/v1/schema/vurderingsgrundlag.json");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("application/schema+json");
    const rs = JSON.parse(r.text);
    const vs = JSON.parse(v.text);
    expect(rs.$id).toBe("regelsaet.json");
    expect(JSON.stringify(rs)).toContain('"$ref":"vurderingsgrundlag.json"');
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    ajv.addSchema(vs);
    const valider = ajv.compile(rs);
    const gyldigt = testRegelsaet("schema-test");
    expect(validateRegelsaet(gyldigt).fejl).toEqual([]);
    expect(valider(gyldigt)).toBe(true);
    expect(valider({ ...gyldigt, parametre: [] })).toBe(false);
    expect(ajv.getSchema("vurderingsgrundlag.json")?.(hoejLeverandoer("x"))).toBe(true);
  });

  it("serverer OpenAPI-dokumentet og en læsbar side uden scripts", async () => {
    const doc = await request(s.app).get("/api/v1/docs/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    const stier = Object.keys(doc.body.paths);
    for (const sti of [
      "/health",
      "/maalgrupper",
      "/regelsaet/{maalgruppe}",
      "/regelsaet/{maalgruppe}/versioner",
      "/regelsaet/{maalgruppe}/kladde",
      "/regelsaet/{maalgruppe}/publicer",
      "/regelsaet/{maalgruppe}/diff",
      "/indplacering",
      "/indplacering/batch",
      "/indplacering/{id}",
      "/scenarier/sammenlign",
      "/scenarier/foelsomhed",
      "/noegler",
      "/noegler/{navn}",
      "/schema/regelsaet.json",
      "/schema/vurderingsgrundlag.json",
      "/docs",
    ]) {
      expect(stier).toContain(sti);
    }
    expect(doc.body.paths["/indplacering/batch"].post.description).toContain("`borgere.hoej`");
    const side = await request(s.app).get("/api/v1/docs");
    expect(side.status).toBe(200);
    expect(side.headers["content-type"]).toContain("text/html");
    expect(side.text).toContain("<code>/api/v1/indplacering/batch</code>");
    expect(side.text).toContain("<td><code>leverandoer.id</code></td>");
    expect(side.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });

  it("sætter sikkerhedsheadere og et forespørgsels-id, og svarer JSON 404 på ukendte stier", async () => {
    const svar = await request(s.app).get("/api/v1/findes/ikke");
    expect(svar.status).toBe(404);
    expect(svar.body).toMatchObject({ fejl: expect.any(String), kode: "UKENDT_STI", detaljer: [] });
    expect(svar.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(svar.headers["content-security-policy"]).toContain("worker-src 'self' blob:");
    expect(svar.headers["x-content-type-options"]).toBe("nosniff");
    expect(svar.headers["x-powered-by"]).toBeUndefined();
    expect(svar.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(svar.headers["access-control-allow-origin"]).toBeUndefined();
    const medId = await request(s.app).get("/api/v1/health").set("X-Request-Id", "sag-42");
    expect(medId.headers["x-request-id"]).toBe("sag-42");
    const ondt = await request(s.app).get("/api/v1/health").set("X-Request-Id", "a\tb<script>");
    expect(ondt.headers["x-request-id"]).not.toContain("<");
    expect((await request(s.app).post("/api/v1/health")).status).toBe(404);
    expect((await request(s.app).get("/api/v2/health")).status).toBe(404);
  });

  it("logger forespørgsels-id, sti og status, men aldrig nøgler, forespørgselsstrenge eller kroppe", async () => {
    const linjer: string[] = [];
    const logger = pino({ level: "info" }, { write: (l: string) => void linjer.push(l) });
    const app = createApp({ db: s.db, logger, editorDist: null });
    await request(app)
      .post("/api/v1/indplacering?hemmeligt=1")
      .set("Authorization", `Bearer ${s.noegler.tilsyn}`)
      .set("X-Request-Id", "log-test")
      .send({ vurderingsgrundlag: { leverandoer: { id: "CPR-0101011234" }, maalgruppe: "findes-ikke" } });
    await request(app).get("/api/v1/maalgrupper").set("Authorization", "Bearer smk_forkert");
    const log = linjer.join("\n");
    expect(log).toContain('"id":"log-test"');
    expect(log).toContain('"path":"/api/v1/indplacering"');
    expect(log).toContain('"noegle":"test-tilsyn"');
    expect(log).toContain('"statusCode":422');
    for (const hemmelighed of [s.noegler.tilsyn, "smk_forkert", "CPR-0101011234", "hemmeligt", "authorization"]) {
      expect(log.toLowerCase()).not.toContain(hemmelighed.toLowerCase());
    }
  });

  it("har CORS lukket, undtagen for konfigurerede oprindelser", async () => {
    const fremmed = await request(s.app).get("/api/v1/health").set("Origin", "https://ondt.example");
    expect(fremmed.headers["access-control-allow-origin"]).toBeUndefined();
    const kendt = await request(s.app).get("/api/v1/health").set("Origin", "https://kendt.example");
    expect(kendt.headers["access-control-allow-origin"]).toBe("https://kendt.example");
    const preflight = await request(s.app)
      .options("/api/v1/indplacering")
      .set("Origin", "https://kendt.example")
      .set("Access-Control-Request-Method", "POST");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toContain("Authorization");
  });
});

describe("editorens filer", () => {
  it("serverer editor/dist med index.html som reserve for sider uden for /api", async () => {
    const dist = await mkdtemp(join(tmpdir(), "editor-dist-"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Editor</title>");
    await writeFile(join(dist, "app.js"), "console.log(1)");
    const [backend] = backends();
    if (!backend) throw new Error("ingen backend");
    const s = await startTestServer(backend, { editorDist: dist });
    try {
      expect((await request(s.app).get("/")).text).toContain("Editor");
      expect((await request(s.app).get("/app.js")).headers["content-type"]).toContain("javascript");
      const spa = await request(s.app).get("/regelsaet/autisme").set("Accept", "text/html");
      expect(spa.status).toBe(200);
      expect(spa.text).toContain("Editor");
      const api = await request(s.app).get("/api/v1/ukendt").set("Accept", "text/html");
      expect(api.status).toBe(404);
      expect(api.body.kode).toBe("UKENDT_STI");
    } finally {
      await s.ryd();
    }
  });

  it("viser en henvisning til dokumentationen, når editoren ikke er bygget", async () => {
    const [backend] = backends();
    if (!backend) throw new Error("ingen backend");
    const s = await startTestServer(backend);
    try {
      const svar = await request(s.app).get("/");
      expect(svar.text).toContain("/api/v1/docs");
    } finally {
      await s.ryd();
    }
  });
});
