// Access, beyond test/api/adgang.test.ts (the API routes × roles): the page and its assets for
// every role, no key and bad keys; a revoked key stops at once on every app instance (no key is
// cached in a process); keys never reach the logs, whatever route, status or header they travel in.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { ROLLER } from "../../api/store/noegler.js";
import {
  auth,
  backends,
  hoejLeverandoer,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
} from "../api/hjaelpere.js";

async function editorDist(): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), "haerd-dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(
    join(dist, "index.html"),
    '<!doctype html><title>Editor</title><script src="/assets/app.js"></script>',
  );
  await writeFile(join(dist, "assets", "app.js"), "console.log(1)");
  await writeFile(join(dist, "assets", "editor.worker.js"), "self.onmessage = () => {}");
  await writeFile(join(dist, "assets", "stil.css"), "body{}");
  return dist;
}

describe.each(backends())("siden og dens filer for alle roller ($navn)", (backend) => {
  let s: TestServer;
  let tilbagekaldt = "";
  beforeAll(async () => {
    s = await startTestServer(backend, { editorDist: await editorDist() });
    const a = auth(s.noegler.admin);
    tilbagekaldt = (await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "gammel", rolle: "admin" })).body
      .noegle;
    await request(s.app).delete("/api/v1/noegler/gammel").set(a);
  });
  afterAll(() => s.ryd());

  const SIDER: [string, number, RegExp][] = [
    ["/", 200, /html/],
    ["/index.html", 200, /html/],
    ["/assets/app.js", 200, /javascript/],
    ["/assets/editor.worker.js", 200, /javascript/],
    ["/assets/stil.css", 200, /css/],
    ["/regelsaet/autisme", 200, /html/],
    ["/assets/findes-ikke.js", 404, /json/],
    ["/assets/..%2f..%2fpackage.json", 404, /json/],
  ];
  const hvem = ["ingen nøgle", ...ROLLER, "tilbagekaldt", "ukendt"] as const;

  for (const [sti, status, type] of SIDER) {
    it.each(hvem)(`GET ${sti} som %s → ${status}`, async (h) => {
      let t = request(s.app)
        .get(sti)
        .set("Accept", sti.endsWith(".js") || sti.endsWith(".css") ? "*/*" : "text/html");
      if (h === "tilbagekaldt") t = t.set(auth(tilbagekaldt));
      else if (h === "ukendt") t = t.set(auth("smk_findesikke"));
      else if (h !== "ingen nøgle") t = t.set(auth(s.noegler[h]));
      const svar = await t;
      expect(svar.status).toBe(status);
      expect(svar.headers["content-type"]).toMatch(type);
      if (status === 200) {
        const csp = String(svar.headers["content-security-policy"]);
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("worker-src 'self' blob:");
        expect(csp).toContain("frame-ancestors 'none'");
      }
      expect(svar.text).not.toContain('"name": "specialiseringsmodel"');
    });
  }
});

describe.each(backends())("tilbagekaldte nøgler og logning ($navn)", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
    await publicer(s, testRegelsaet("adgang-m"));
  });
  afterAll(() => s.ryd());

  it("en tilbagekaldt nøgle virker ikke længere i nogen app-instans, heller ikke midt i en strøm af kald", async () => {
    const a = auth(s.noegler.admin);
    const anden = s.andenServer
      ? await s.andenServer()
      : { app: createApp({ db: s.db, logger: pino({ level: "silent" }), editorDist: null }), luk: async () => {} };
    try {
      const noegle = (await request(s.app).post("/api/v1/noegler").set(a).send({ navn: "stroem", rolle: "tilsyn" }))
        .body.noegle as string;
      const kald = (i: number) =>
        request(i % 2 === 0 ? s.app : anden.app)
          .post("/api/v1/indplacering")
          .set(auth(noegle))
          .send({ vurderingsgrundlag: hoejLeverandoer("adgang-m") });
      for (let i = 0; i < 6; i++) expect((await kald(i)).status).toBe(201);
      const tilbagekald = await request(anden.app).delete("/api/v1/noegler/stroem").set(a);
      expect(tilbagekald.status).toBe(204);
      const efter = await Promise.all(Array.from({ length: 20 }, (_, i) => kald(i)));
      expect(efter.map((x) => x.status)).toEqual(Array(20).fill(401));
      const { rows } = await s.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM indplaceringer WHERE noegle = 'stroem'",
      );
      expect(rows[0]?.n).toBe(6);
    } finally {
      await anden.luk();
    }
  });

  it("skriver aldrig en nøgle i loggen", async () => {
    const linjer: string[] = [];
    const stroem = new Writable({
      write(chunk, _enc, cb) {
        linjer.push(String(chunk));
        cb();
      },
    });
    const logger = pino({ level: "trace" }, stroem);
    const app = createApp({ db: s.db, logger, editorDist: null, authFejl: { graense: 3, vindueMs: 60_000 } });
    const ny = await request(app)
      .post("/api/v1/noegler")
      .set(auth(s.noegler.admin))
      .send({ navn: "hemmelig", rolle: "admin" });
    expect(ny.status).toBe(201);
    const hemmelig = ny.body.noegle as string;
    const noegler = [...Object.values(s.noegler), hemmelig];
    for (const k of noegler) {
      await request(app).get("/api/v1/mig").set(auth(k));
      await request(app).get(`/api/v1/maalgrupper?noegle=${k}&token=${k}`).set(auth(k));
      await request(app)
        .post("/api/v1/indplacering")
        .set(auth(k))
        .send({ vurderingsgrundlag: { noegle: k } });
      await request(app)
        .put("/api/v1/regelsaet/adgang-m/kladde")
        .set(auth(k))
        .set("Content-Type", "application/json")
        .send(`{"x":"${k}"`);
      await request(app)
        .get("/api/v1/noegler")
        .set("Authorization", `Basic ${Buffer.from(`x:${k}`).toString("base64")}`);
      await request(app).get("/api/v1/noegler").set("Authorization", `Bearer ${k}x`);
      await request(app).get("/api/v1/noegler").set("Cookie", `noegle=${k}`).set("X-Api-Key", k);
      await request(app).get("/api/v1/mig").set(auth(k)).set("X-Request-Id", k);
    }
    await request(app).delete("/api/v1/noegler/hemmelig").set(auth(s.noegler.admin));
    await request(app).get("/api/v1/mig").set(auth(hemmelig));
    const log = linjer.join("");
    expect(linjer.length).toBeGreaterThan(noegler.length * 8);
    for (const k of noegler) {
      expect(log).not.toContain(k);
      expect(log).not.toContain(k.slice(4));
      expect(log).not.toContain(Buffer.from(`x:${k}`).toString("base64"));
    }
    expect(log).not.toMatch(/smk_[A-Za-z0-9_-]{20,}/);
    expect(log.toLowerCase()).not.toContain("authorization");
    // Every request line carries a request id, and the key's name (not the key) where known.
    const anmodninger = linjer.map((l) => JSON.parse(l)).filter((l) => l.req);
    expect(anmodninger.every((l) => typeof l.req.id === "string" && l.req.id.length > 0)).toBe(true);
    expect(anmodninger.some((l) => l.noegle === "hemmelig")).toBe(true);
  });
});
