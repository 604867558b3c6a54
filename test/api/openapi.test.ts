// The served OpenAPI document as a contract: it stands alone (every $ref inside it), every
// operation has an operationId, Redocly lints it with 0 errors and swagger-parser validates it,
// and a bounded property run sends generated requests (json-schema-faker from the documented
// request schemas, seeded, plus fast-check's arbitrary JSON and parameter values) and fails on any
// 5xx, any status the operation does not document, and any JSON answer not matching its schema.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { generate } from "json-schema-faker";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import {
  auth,
  backends,
  publicer,
  startTestServer,
  type TestServer,
  testRegelsaet,
  unikMaalgruppe,
} from "./hjaelpere.js";

type Obj = Record<string, unknown>;
const METODER = ["get", "put", "post", "delete"] as const;

interface Operation {
  metode: (typeof METODER)[number];
  sti: string;
  op: Obj & { responses: Record<string, Obj>; parameters?: Obj[]; requestBody?: Obj };
}

function operationer(doc: Obj): Operation[] {
  const ud: Operation[] = [];
  for (const [sti, item] of Object.entries(doc.paths as Record<string, Obj>)) {
    for (const metode of METODER) if (item[metode]) ud.push({ metode, sti, op: item[metode] as Operation["op"] });
  }
  return ud;
}

function alleRefs(x: unknown, ud: string[] = []): string[] {
  if (Array.isArray(x)) for (const v of x) alleRefs(v, ud);
  else if (x && typeof x === "object")
    for (const [k, v] of Object.entries(x)) {
      if (k === "$ref" && typeof v === "string") ud.push(v);
      else alleRefs(v, ud);
    }
  return ud;
}

describe.each(backends())("OpenAPI-dokumentet ($navn)", (backend) => {
  let s: TestServer;
  let doc: Obj;
  let m: string;
  beforeAll(async () => {
    s = await startTestServer(backend);
    m = unikMaalgruppe();
    await publicer(s, testRegelsaet(m));
    doc = (await request(s.app).get("/api/v1/docs/openapi.json")).body as Obj;
  });
  afterAll(() => s.ryd());

  it("står alene og har et operationId på hver operation", () => {
    const refs = alleRefs(doc);
    expect(refs.filter((r) => !r.startsWith("#/components/schemas/"))).toEqual([]);
    const ops = operationer(doc);
    expect(ops.length).toBeGreaterThan(20);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("valideres af swagger-parser", async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("har 0 fejl i Redocly lint (lokal konfiguration, intet netværk)", async () => {
    const mappe = await mkdtemp(join(tmpdir(), "redocly-"));
    try {
      await writeFile(join(mappe, "openapi.json"), JSON.stringify(doc));
      // The recommended rules; a server URL relative to the host is this API's design.
      await writeFile(join(mappe, "redocly.yaml"), "extends:\n  - recommended\nrules:\n  no-server-example.com: off\n");
      const cli = join(ROD, "node_modules", "@redocly", "cli", "bin", "cli.js");
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [cli, "lint", join(mappe, "openapi.json"), "--config", join(mappe, "redocly.yaml"), "--format", "stylish"],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
          timeout: 60_000,
        },
      ).catch((e: { stdout: string; stderr: string }) => {
        throw new Error(`Redocly lint fandt fejl:\n${e.stdout}\n${e.stderr}`);
      });
      expect(`${stdout}${stderr}`).not.toMatch(/\berror\b.*\n.*[1-9]\d* error/i);
    } finally {
      await rm(mappe, { recursive: true, force: true });
    }
  }, 90_000);

  it("svarer aldrig 5xx, kun dokumenterede statuskoder og kun JSON, der passer til skemaet", async () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(doc, "openapi.json");
    const validatorer = new Map<string, ValidateFunction>();
    const validator = (pointer: string) => {
      let v = validatorer.get(pointer);
      if (!v) {
        v = ajv.compile({ $ref: `openapi.json#${pointer}` });
        validatorer.set(pointer, v);
      }
      return v;
    };
    const esc = (t: string) => t.replaceAll("~", "~0").replaceAll("/", "~1");
    // The keys the run uses are not revoked by it.
    const beskyttede = new Set(Object.keys(s.noegler).map((r) => `test-${r}`));
    const fejl: string[] = [];
    const rng = fc.sample(fc.integer(), { seed: 42, numRuns: 2000 });
    let r = 0;
    const naeste = () => rng[r++ % rng.length] ?? 0;

    for (const { metode, sti, op } of operationer(doc)) {
      if (sti === "/docs") continue; // HTML, not JSON
      const kropSkema = (op.requestBody as { content?: Record<string, { schema?: Obj }> } | undefined)?.content?.[
        "application/json"
      ]?.schema;
      for (let i = 0; i < 8; i++) {
        const valg = naeste();
        let url = sti;
        for (const p of (op.parameters ?? []) as { name: string; in: string; schema?: Obj }[]) {
          if (p.in !== "path") continue;
          let v =
            p.name === "maalgruppe" && valg % 2 === 0 ? m : String(await generate(p.schema ?? {}, { seed: valg }));
          if (beskyttede.has(v)) v = "andet-navn";
          url = url.replace(`{${p.name}}`, encodeURIComponent(v));
        }
        const query = ((op.parameters ?? []) as { name: string; in: string; schema?: Obj }[])
          .filter((p) => p.in === "query" && valg % 3 !== 0)
          .map(
            (p) =>
              `${p.name}=${encodeURIComponent(String(fc.sample(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { seed: valg, numRuns: 1 })[0]))}`,
          );
        const fuldUrl = `/api/v1${url}${query.length > 0 ? `?${query.join("&")}` : ""}`;
        let req = request(s.app)[metode](fuldUrl);
        // Mostly the strongest key, sometimes none or a weaker one: access answers are part of the contract.
        const noegle = valg % 7 === 0 ? undefined : valg % 5 === 0 ? s.noegler.laeser : s.noegler.admin;
        if (noegle && op.security && (op.security as unknown[]).length > 0) req = req.set(auth(noegle));
        if (kropSkema) {
          const krop =
            valg % 4 === 0
              ? fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: valg, numRuns: 1 })[0]
              : await generate({ ...kropSkema, components: doc.components } as never, {
                  seed: valg,
                  maxDepth: 4,
                  refDepthMax: 3,
                  optionalsProbability: 0.5,
                }).catch(() => ({}));
          req = req.set("Content-Type", "application/json").send(JSON.stringify(krop));
        }
        const svar = await req;
        const hvor = `${metode.toUpperCase()} ${fuldUrl} → ${svar.status}`;
        const dok = op.responses[String(svar.status)];
        if (svar.status >= 500) fejl.push(`${hvor}: 5xx ${svar.text.slice(0, 200)}`);
        else if (!dok) fejl.push(`${hvor}: ikke dokumenteret`);
        else if (String(svar.headers["content-type"] ?? "").startsWith("application/json")) {
          const ptr = `/paths/${esc(sti)}/${metode}/responses/${svar.status}/content/application~1json/schema`;
          if ((dok.content as Obj | undefined)?.["application/json"]) {
            const v = validator(ptr);
            if (!v(svar.body)) fejl.push(`${hvor}: ${ajv.errorsText(v.errors)}`);
          } else fejl.push(`${hvor}: JSON er ikke dokumenteret`);
        }
      }
    }
    expect(fejl).toEqual([]);
  }, 120_000);
});
