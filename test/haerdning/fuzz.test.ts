// Bad input: fast-check sends malformed and hostile requests to every route (wrong types, huge
// numbers, deep nesting, `__proto__`/`constructor` keys, unicode, oversized bodies, invalid
// UTF-8, CSV with broken quoting, hostile path segments, query strings and headers). Each answer
// must be < 500 with a JSON error body on 4xx, a refused request must leave the stored data as
// it was, and Object.prototype must stay clean. FUZZ_ANTAL sets the number of requests per
// backend (default 10,000).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
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
} from "../api/hjaelpere.js";

const ANTAL = Number(process.env.FUZZ_ANTAL ?? 10_000);
const BODY_LIMIT = 64 * 1024;

/** A cheap fingerprint of everything stored: append-only tables by count, mutable ones in full. */
const FINGERPRINT = `SELECT
  (SELECT count(*)::int FROM regelsaet_versioner) AS versioner,
  (SELECT count(*)::int FROM indplaceringer) AS indplaceringer,
  (SELECT count(*)::int FROM kladde_indhold) AS kladde_indhold,
  (SELECT count(*)::int FROM audit_log) AS audit,
  (SELECT md5(coalesce(string_agg(k::text, '|' ORDER BY k.maalgruppe), '')) FROM kladder k) AS kladder,
  (SELECT md5(coalesce(string_agg(n::text, '|' ORDER BY n.navn), '')) FROM noegler n) AS noegler`;

const PROTO_NAVNE = [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
  Object.getOwnPropertyNames(p).sort().join(","),
);
const protoRen = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(","))
    .every((n, i) => n === PROTO_NAVNE[i]) && ({} as Record<string, unknown>).forurenet === undefined;

// ---------------------------------------------------------------- generators

const FJENDTLIGE_SEGMENTER = [
  "__proto__",
  "constructor",
  "prototype",
  "..",
  "%2e%2e",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "%",
  "%ZZ",
  "%C0%AE",
  "%E6%F8%E5",
  "%ED%A0%80",
  encodeURIComponent("æøå 😀"),
  "x".repeat(5000),
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "null",
  "%20",
  "a;b=c",
];

const segment = fc.oneof(
  fc.constantFrom(...FJENDTLIGE_SEGMENTER),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent),
  fc.integer().map(String),
);

const qVaerdi = fc.oneof(
  fc.constantFrom("1", "0", "-1", "1e309", "99999999999999999999", "true", "ja", "", "%", "%ZZ", "NaN", "1.5", "x"),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
const qNoegle = fc.oneof(
  fc.constantFrom("version", "fra", "til", "kladde", "genberegn", "__proto__", "constructor", "__proto__[x]", "a[b]"),
  fc.string({ maxLength: 10 }).map(encodeURIComponent),
);
const query = fc
  .array(fc.tuple(qNoegle, qVaerdi), { maxLength: 5 })
  .map((par) => (par.length === 0 ? "" : `?${par.map(([k, v]) => `${k}=${v}`).join("&")}`));

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "application/merge-patch+json",
  "text/csv",
  "text/csv; charset=utf-8",
  "application/csv",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
  "*/*",
  'application/json; charset="utf-8"',
];

/** Sets an own key, even `__proto__`, so JSON.stringify writes it out. */
function saetEgen(o: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const fjendtligVaerdi: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    "",
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    0.1,
    "ja",
    "1",
    "hoej",
    "\u0000",
    "😀".repeat(50),
    "\u202e",
    [],
    {},
    { forurenet: true },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.double(),
  fc.bigInt().map((b) => Number(b)),
);

const FJENDTLIGE_NOEGLER = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Collects the paths to every object in a JSON value (for targeted mutation). */
function stier(v: unknown, sti: (string | number)[] = [], ud: (string | number)[][] = []): (string | number)[][] {
  if (v && typeof v === "object") {
    ud.push(sti);
    for (const [k, b] of Object.entries(v)) stier(b, [...sti, Array.isArray(v) ? Number(k) : k], ud);
  }
  return ud;
}

/** A valid document with one place changed: a value replaced, a key removed, or a hostile key added. */
function muteret(gyldig: () => unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fjendtligVaerdi, fc.constantFrom(...FJENDTLIGE_NOEGLER))
    .map(([i, j, slags, vaerdi, hostilNoegle]) => {
      const doc = gyldig();
      const alle = stier(doc);
      const sti = alle[i % alle.length] ?? [];
      let o = doc as Record<string, unknown>;
      for (const del of sti) o = o[del as string] as Record<string, unknown>;
      const noegler = Object.keys(o);
      const k = noegler[j % Math.max(1, noegler.length)];
      if (slags === 0 && k !== undefined) o[k] = vaerdi;
      else if (slags === 1 && k !== undefined) delete o[k];
      else if (slags === 2) saetEgen(o, hostilNoegle, { forurenet: true, prototype: { forurenet: true } });
      else saetEgen(o, hostilNoegle, vaerdi);
      return doc;
    });
}

const dyb = (n: number, aaben: string, luk: string, midt = "1") => aaben.repeat(n) + midt + luk.repeat(n);

const RAA_KROPPE: (string | Buffer)[] = [
  '{"__proto__":{"forurenet":true}}',
  '{"constructor":{"prototype":{"forurenet":true}}}',
  '{"vurderingsgrundlag":{"__proto__":{"forurenet":true},"maalgruppe":"x"}}',
  '{"maalgruppe":"x","scenarier":[{"navn":"a","aendringer":{"taerskler":{"__proto__.forurenet":1,"constructor.prototype.forurenet":1}}}]}',
  dyb(100_000, "[", "]"),
  dyb(10_000, '{"a":', "}"),
  dyb(63, "[", "]"),
  dyb(65, "[", "]"),
  "1e999999",
  "-0",
  '"\\ud800"',
  '{"\\udc00":1}',
  '{"a":',
  "{'a':1}",
  "[1,2,]",
  "\ufeff{}",
  "null",
  "",
  " ",
  "x".repeat(BODY_LIMIT + 10),
  `{"a":"${"x".repeat(BODY_LIMIT)}"}`,
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Buffer.from([0xed, 0xa0, 0x80]),
  'leverandoer.id,maalgruppe\n"1,x\n',
  'leverandoer.id,maalgruppe\n"""\n',
  'leverandoer.id;maalgruppe\n1;"x""y\n2;z"\n',
  "leverandoer.id,maalgruppe,__proto__,constructor\n1,x,1,2\n",
  'leverandoer.id,maalgruppe,medarbejdere\n1,x,"{""__proto__"":{""forurenet"":true}}"\n',
  "leverandoer.id,maalgruppe,borgere.let\n1,x,1e309\n2,x,-5\n3,x,99999999999999999999\n",
  "\ufeffleverandoer.id\tmaalgruppe\n1\t\u0000\n",
  "a\rb\r\n\r\n,,,,\n",
  Buffer.from("leverandoer.id,maalgruppe\n\xff\xfe,x\n", "latin1"),
];

const CSV_KOLONNER = [
  "leverandoer.id",
  "maalgruppe",
  "borgere.let",
  "borgere.hoej",
  "godkendt",
  "medarbejdere",
  "supplerende",
  "metoder.maalgruppespecifikke",
  "tilsynsvurdering.fagmiljoe",
  "tilsynsvurdering.__proto__",
  "__proto__",
  "ukendt",
];
const csvCelle = fc.oneof(
  fc.constantFrom('"', '""', '"a"b', 'a"b', "1", "", "ja", "x", "[{", '"[{""a"":1}]"', "1e309", "|", "\n", "\r"),
  fc.string({ maxLength: 15 }),
);
const csv = fc
  .tuple(
    fc.constantFrom(",", ";", "\t"),
    fc.subarray(CSV_KOLONNER, { minLength: 1 }),
    fc.array(fc.array(csvCelle, { maxLength: 8 }), { maxLength: 6 }),
  )
  .map(([sep, kol, linjer]) => `${kol.join(sep)}\n${linjer.map((l) => l.join(sep)).join("\n")}\n`);

interface Ctx {
  m: string;
  id: string;
}

type Skabelon = { metode: string; sti: (c: Ctx, seg: string) => string; gyldig?: (c: Ctx) => unknown };

const SKABELONER: Skabelon[] = [
  { metode: "GET", sti: () => "/api/v1/health" },
  { metode: "GET", sti: () => "/api/v1/maalgrupper" },
  { metode: "GET", sti: (_c, s) => `/api/v1/regelsaet/${s}` },
  { metode: "GET", sti: (c) => `/api/v1/regelsaet/${c.m}` },
  { metode: "GET", sti: (c, s) => `/api/v1/regelsaet/${c.m}/${s}` },
  { metode: "GET", sti: (_c, s) => `/api/v1/regelsaet/${s}/versioner` },
  { metode: "GET", sti: (c) => `/api/v1/regelsaet/${c.m}/diff` },
  { metode: "GET", sti: (_c, s) => `/api/v1/regelsaet/${s}/kladde` },
  { metode: "PUT", sti: (c) => `/api/v1/regelsaet/${c.m}/kladde`, gyldig: (c) => testRegelsaet(c.m) },
  { metode: "PUT", sti: (_c, s) => `/api/v1/regelsaet/${s}/kladde`, gyldig: (c) => testRegelsaet(c.m) },
  { metode: "DELETE", sti: (c) => `/api/v1/regelsaet/${c.m}/kladde` },
  { metode: "DELETE", sti: (_c, s) => `/api/v1/regelsaet/${s}/kladde` },
  { metode: "POST", sti: (c) => `/api/v1/regelsaet/${c.m}/publicer`, gyldig: () => ({ note: "fuzz" }) },
  { metode: "POST", sti: (_c, s) => `/api/v1/regelsaet/${s}/publicer`, gyldig: () => ({ note: "fuzz" }) },
  {
    metode: "POST",
    sti: () => "/api/v1/indplacering",
    gyldig: (c) => ({ vurderingsgrundlag: hoejLeverandoer(c.m), version: 1 }),
  },
  {
    metode: "POST",
    sti: () => "/api/v1/indplacering/batch",
    gyldig: (c) => ({ vurderingsgrundlag: [hoejLeverandoer(c.m), hoejLeverandoer(c.m, "B")] }),
  },
  { metode: "GET", sti: (c) => `/api/v1/indplacering/${c.id}` },
  { metode: "GET", sti: (_c, s) => `/api/v1/indplacering/${s}` },
  {
    metode: "POST",
    sti: () => "/api/v1/scenarier/sammenlign",
    gyldig: (c) => ({
      maalgruppe: c.m,
      scenarier: [{ navn: "A" }, { navn: "B", aendringer: { taerskler: { "aktivPraksis.hoej.minBorgere": 20 } } }],
      vurderingsgrundlag: [hoejLeverandoer(c.m)],
    }),
  },
  {
    metode: "POST",
    sti: () => "/api/v1/scenarier/foelsomhed",
    gyldig: (c) => ({
      maalgruppe: c.m,
      sweep: { taerskel: "aktivPraksis.hoej.minBorgere", fra: 5, til: 15, trin: 5 },
      graensetilfaelde: true,
      vurderingsgrundlag: [hoejLeverandoer(c.m)],
    }),
  },
  { metode: "GET", sti: () => "/api/v1/mig" },
  { metode: "GET", sti: () => "/api/v1/noegler" },
  { metode: "POST", sti: () => "/api/v1/noegler", gyldig: () => ({ navn: "test-admin", rolle: "admin" }) },
  { metode: "DELETE", sti: (_c, s) => `/api/v1/noegler/${s}` },
  { metode: "GET", sti: () => "/api/v1/schema/regelsaet.json" },
  { metode: "GET", sti: (_c, s) => `/api/v1/schema/${s}` },
  { metode: "GET", sti: () => "/api/v1/docs/openapi.json" },
  { metode: "GET", sti: (_c, s) => `/api/v1/${s}` },
  { metode: "GET", sti: (_c, s) => `/api/${s}` },
  { metode: "GET", sti: () => "/" },
  { metode: "GET", sti: (_c, s) => `/assets/${s}` },
  { metode: "GET", sti: (_c, s) => `/${s}` },
];

type Krop = { slags: "ingen" } | { slags: "json"; v: unknown } | { slags: "raa"; v: string | Buffer };

function krop(sk: Skabelon, c: Ctx): fc.Arbitrary<Krop> {
  const valg: fc.Arbitrary<Krop>[] = [
    fc.constant({ slags: "ingen" } as Krop),
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ slags: "json", v }) as Krop),
    fc.constantFrom(...RAA_KROPPE).map((v) => ({ slags: "raa", v }) as Krop),
    csv.map((v) => ({ slags: "raa", v }) as Krop),
  ];
  const g = sk.gyldig;
  if (g) {
    const m = muteret(() => g(c)).map((v) => ({ slags: "json", v }) as Krop);
    // Unchanged valid documents too, so that accepted writes are mixed in with the refused ones.
    valg.push(m, m, m, fc.constant({ slags: "json", v: g(c) } as Krop));
  }
  return fc.oneof(...valg);
}

interface Forespoergsel {
  metode: string;
  sti: string;
  noegle: string | undefined;
  ifMatch: string | undefined;
  contentType: string;
  requestId: string | undefined;
  krop: Krop;
}

function forespoergsel(s: TestServer, c: Ctx): fc.Arbitrary<Forespoergsel> {
  const noegle = fc.oneof(
    { weight: 6, arbitrary: fc.constant(s.noegler.admin) },
    { weight: 1, arbitrary: fc.constantFrom(s.noegler.laeser, s.noegler.tilsyn, s.noegler.forfatter) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, "", "smk_", `${s.noegler.admin}x`, "x".repeat(10_000)) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }).filter((x) => /^[ -~]*$/.test(x)),
    },
  );
  const ifMatch = fc.option(
    fc.oneof(
      fc.constantFrom("*", '"kladde-1"', '"kladde-99999999999999999999"', '"kladde--1"', "W/*", "", '"', "null"),
      fc.string({ maxLength: 20 }).filter((x) => /^[\x20-\x7e]*$/.test(x)),
    ),
    { nil: undefined },
  );
  return fc.constantFrom(...SKABELONER).chain((sk) =>
    fc.record({
      metode: fc.oneof(
        { weight: 8, arbitrary: fc.constant(sk.metode) },
        { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") },
      ),
      sti: fc
        .tuple(segment, fc.oneof({ weight: 2, arbitrary: fc.constant("") }, { weight: 3, arbitrary: query }))
        .map(([seg, q]) => sk.sti(c, seg) + q),
      noegle,
      ifMatch,
      contentType: fc.oneof(
        { weight: 4, arbitrary: fc.constant("application/json") },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      requestId: fc.option(fc.constantFrom("abc", "x".repeat(200), "a b", "../../x", "æ"), { nil: undefined }),
      krop: krop(sk, c),
    }),
  );
}

// ---------------------------------------------------------------- the suite

describe.each(backends())("fjendtlige forespørgsler ($navn)", (backend) => {
  let s: TestServer;
  let server: Server;
  let url = "";
  const c: Ctx = { m: "fuzz", id: "" };
  beforeAll(async () => {
    s = await startTestServer(backend, { bodyLimit: `${BODY_LIMIT}b`, maxBatch: 50 });
    await publicer(s, testRegelsaet(c.m));
    await request(s.app).put(`/api/v1/regelsaet/${c.m}/kladde`).set(auth(s.noegler.forfatter)).send(testRegelsaet(c.m));
    const svar = await request(s.app)
      .post("/api/v1/indplacering")
      .set(auth(s.noegler.tilsyn))
      .send({ vurderingsgrundlag: hoejLeverandoer(c.m) });
    c.id = svar.body.id;
    server = createServer(s.app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await s?.ryd();
  });

  const fingerprint = async () => JSON.stringify((await s.db.query(FINGERPRINT)).rows[0]);

  it(`svarer aldrig 500, altid med en fejlkrop, og ændrer intet ved afvisning (${ANTAL} forespørgsler)`, {
    timeout: 20 * 60_000,
  }, async () => {
    const statusser = new Map<number, number>();
    let foer = await fingerprint();
    await fc.assert(
      fc.asyncProperty(forespoergsel(s, c), async (f) => {
        let t = request(url)[f.metode.toLowerCase() as "get"](f.sti);
        if (f.noegle !== undefined) t = t.set("Authorization", `Bearer ${f.noegle}`);
        if (f.ifMatch !== undefined) t = t.set("If-Match", f.ifMatch);
        if (f.requestId !== undefined) t = t.set("X-Request-Id", f.requestId);
        if (f.krop.slags !== "ingen") {
          const data =
            f.krop.slags === "json" ? Buffer.from(JSON.stringify(f.krop.v) ?? "null") : Buffer.from(f.krop.v);
          // As bytes: superagent would otherwise JSON-encode a Buffer ({"type":"Buffer",…}).
          t = t
            .set("Content-Type", f.contentType)
            .serialize((x: unknown) => x as string)
            .send(data);
        }
        const svar = await t.ok(() => true);
        statusser.set(svar.status, (statusser.get(svar.status) ?? 0) + 1);
        const beskriv = `${f.metode} ${f.sti.slice(0, 200)} → ${svar.status} ${svar.text?.slice(0, 300)}`;
        expect(svar.status, beskriv).toBeLessThan(500);
        expect(protoRen(), `prototype forurenet efter ${beskriv}`).toBe(true);
        const efter = await fingerprint();
        if (svar.status >= 400) {
          if (f.metode !== "HEAD") {
            expect(svar.headers["content-type"], beskriv).toMatch(/^application\/json/);
            expect(typeof svar.body.fejl, beskriv).toBe("string");
            expect(Array.isArray(svar.body.detaljer), beskriv).toBe(true);
          }
          expect(efter, `data ændret af afvist ${beskriv}`).toBe(foer);
        }
        foer = efter;
      }),
      { numRuns: ANTAL, endOnFailure: true },
    );
    console.log(
      `fuzz (${backend.navn}): ${ANTAL} forespørgsler, statusser ${JSON.stringify(Object.fromEntries([...statusser].sort((a, b) => a[0] - b[0])))}`,
    );

    // Still up, still consistent.
    expect((await request(url).get("/api/v1/health")).status).toBe(200);
    const { rows } = await s.db.query<{ indhold: string; hash: string }>(
      "SELECT indhold, hash FROM regelsaet_versioner",
    );
    for (const r of rows) expect(hashRegelsaet(JSON.parse(r.indhold))).toBe(r.hash);
  });
});
