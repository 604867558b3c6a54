// Delivery of the page and the API's answers: text is compressed (brotli when the client takes
// it, else gzip, plain for a client that takes neither), the streamed batch is not, Vite's hashed
// assets may be kept for a year and everything else is revalidated.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, hoejLeverandoer, startTestServer, type TestServer } from "./hjaelpere.js";

// Text that compresses, and is larger than compression's 1 kB threshold.
const SKRIPT = `export const tal = [${Array.from({ length: 2000 }, (_, i) => i % 97).join(",")}];\n`;
const INDEX = `<!doctype html><html lang="da"><title>Editor</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>${" ".repeat(2000)}</html>`;

let s: TestServer;

beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), "levering-dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(join(dist, "index.html"), INDEX);
  await writeFile(join(dist, "assets", "index-Ab12Cd34.js"), SKRIPT);
  const [backend] = backends();
  if (!backend) throw new Error("ingen backend");
  s = await startTestServer(backend, { editorDist: dist });
});

afterAll(async () => {
  await s?.ryd();
});

describe("komprimering", () => {
  it("sender JavaScript med brotli, gzip eller ukomprimeret efter klientens Accept-Encoding", async () => {
    const br = await request(s.app).get("/assets/index-Ab12Cd34.js").set("Accept-Encoding", "gzip, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("Accept-Encoding");
    expect(br.text).toBe(SKRIPT);

    const gz = await request(s.app).get("/assets/index-Ab12Cd34.js").set("Accept-Encoding", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.text).toBe(SKRIPT);

    const ren = await request(s.app).get("/assets/index-Ab12Cd34.js").set("Accept-Encoding", "identity");
    expect(ren.headers["content-encoding"]).toBeUndefined();
    expect(Number(ren.headers["content-length"])).toBe(Buffer.byteLength(SKRIPT));
  });

  it("komprimerer index.html og API'ets JSON-svar", async () => {
    const side = await request(s.app).get("/").set("Accept-Encoding", "br");
    expect(side.headers["content-encoding"]).toBe("br");
    expect(side.text).toBe(INDEX);
    const openapi = await request(s.app).get("/api/v1/docs/openapi.json").set("Accept-Encoding", "br, gzip");
    expect(openapi.status).toBe(200);
    expect(openapi.headers["content-encoding"]).toBe("br");
    expect(openapi.body.openapi).toMatch(/^3\./);
  });

  it("komprimerer ikke den streamede batch-indplacering", async () => {
    const svar = await request(s.app)
      .post("/api/v1/indplacering/batch")
      .set("Authorization", `Bearer ${s.noegler.tilsyn}`)
      .set("Accept-Encoding", "br, gzip")
      .send({ vurderingsgrundlag: [hoejLeverandoer("findes-ikke")] });
    expect(svar.status).toBe(200);
    expect(svar.headers["content-encoding"]).toBeUndefined();
    expect(svar.body.antal.ialt).toBe(1);
  });
});

describe("cache", () => {
  it("lader hashede filer caches i et år og index.html altid revalideres", async () => {
    const asset = await request(s.app).get("/assets/index-Ab12Cd34.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const sti of ["/", "/index.html", "/regelsaet/autisme"]) {
      const side = await request(s.app).get(sti).set("Accept", "text/html");
      expect(side.status, sti).toBe(200);
      expect(side.headers["cache-control"], sti).toBe("no-cache");
      expect(side.text, sti).toBe(INDEX);
    }
    expect((await request(s.app).get("/api/v1/health")).headers["cache-control"]).toBe("no-store");
    const mangler = await request(s.app).get("/assets/index-Zz99Zz99.js");
    expect(mangler.status).toBe(404);
    expect(mangler.headers["cache-control"] ?? "").not.toContain("immutable");
  });
});
