// A decision's CPU work in the evaluation thread (api/beregning): the answer and the stored hash
// are byte for byte those of the same function in process; a refusal crosses as a refusal; the
// thread is sent a regelsæt once, with the first call that needs it, and again after it has
// dropped it or been restarted; a thread that stops, fails or hangs fails the calls waiting on it
// clearly and the next call starts a new one; and an idle thread keeps no process alive.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ROD } from "../../api/app.js";
import type { Beregning } from "../../api/beregning/indplacering.js";
import { beregnIndplacering, egetLager } from "../../api/beregning/indplacering.js";
import { BeregningsTraad, beregnerFor, iProcess } from "../../api/beregning/klient.js";
import { laesKonfiguration } from "../../api/konfiguration.js";
import { forbered, type Regelsaet, type Vurderingsgrundlag } from "../../engine/index.js";
import { genererLeverandoerer } from "../../scripts/eksempel-generator.js";

const laes = (m: string) => JSON.parse(readFileSync(join(ROD, "rulesets", `${m}.json`), "utf8")) as Regelsaet;
const autisme = forbered(laes("autisme"));
const synsnedsaettelse = forbered(laes("synsnedsaettelse"));
const lev = (m: string, n: number, seed = 5) =>
  genererLeverandoerer(n, { seed, maalgruppe: m, medarbejdere: 8 }) as Vurderingsgrundlag[];
const META = { version: 3, kladde: false };

describe("evalueringstråden", () => {
  const traad = new BeregningsTraad();
  afterAll(() => traad.close());

  it("giver samme bytes, hash, niveauer og gemte input som i processen, for to regelsæt side om side", async () => {
    const opgaver = [
      ...lev("autisme", 20).map((l) => [autisme, l] as const),
      ...lev("synsnedsaettelse", 20).map((l) => [synsnedsaettelse, l] as const),
    ];
    const svar = await Promise.all(opgaver.map(([f, l]) => traad.indplacer(f, l, META)));
    svar.forEach((s, i) => {
      const [f, l] = opgaver[i] as (typeof opgaver)[number];
      const her = beregnIndplacering(f, l, META);
      if (!("ok" in s) || !("ok" in her)) throw new Error(`item ${i} was refused`);
      expect(Buffer.from(s.ok.bytes).equals(Buffer.from(her.ok.bytes))).toBe(true);
      expect({ ...s.ok, bytes: undefined }).toEqual({ ...her.ok, bytes: undefined });
    });
  });

  it("et ukendt ord i input er et afslag med stien, ikke en fejl", async () => {
    const l = { ...(lev("autisme", 1)[0] as Vurderingsgrundlag), medarbejdere: [{ uddannelser: ["paedagok"] }] };
    const s = await traad.indplacer(autisme, l, META);
    expect(s).toEqual(beregnIndplacering(autisme, l, META));
    expect(s).toMatchObject({ afvist: { status: 422, kode: "UKENDT_KODE" } });
    if (!("afvist" in s)) throw new Error("not refused");
    expect(s.afvist.problemer[0]?.path).toBe("medarbejdere[0].uddannelser[0]");
  });

  it("en fejl, der ikke er inputtets, afviser kaldet og siger hvor", async () => {
    // A regelsæt whose content does not match the hash it is sent under.
    const forkert = { ...autisme, hash: "sha256:0000" };
    await expect(traad.indplacer(forkert, lev("autisme", 1)[0] as Vurderingsgrundlag, META)).rejects.toThrow(
      /evaluation failed in the evaluation thread: .*hashes to sha256:/,
    );
    // The thread lives on.
    expect(await traad.indplacer(autisme, lev("autisme", 1)[0] as Vurderingsgrundlag, META)).toHaveProperty("ok");
  });

  const sammeSomIProcessen = (s: Beregning, l: Vurderingsgrundlag) => {
    const her = beregnIndplacering(autisme, l, META);
    if (!("ok" in s) || !("ok" in her)) throw new Error("refused");
    expect(Buffer.from(s.ok.bytes).equals(Buffer.from(her.ok.bytes))).toBe(true);
  };

  it.each([
    ["lukkes", () => traad.close(), "API: the evaluation thread was closed"],
    // A crash: the thread ends without close (as when its code fails outside a message).
    [
      "går ned",
      () => (traad as unknown as { traad: Worker }).traad.terminate(),
      "API: the evaluation thread has stopped (exit 1)",
    ],
  ])("en tråd, der %s, afviser de ventende kald klart; det næste kald starter en ny", async (_, stop, besked) => {
    const l = lev("autisme", 30, 9);
    const ventende = l.map((x) =>
      traad.indplacer(autisme, x, META).then(
        () => "svaret",
        (e: Error) => e.message,
      ),
    );
    await new Promise((r) => setImmediate(r));
    await stop();
    const udfald = await Promise.all(ventende);
    expect(udfald.filter((u) => u !== "svaret").length).toBeGreaterThan(0);
    for (const u of udfald) expect([besked, "svaret"]).toContain(u);
    sammeSomIProcessen(await traad.indplacer(autisme, l[0] as Vurderingsgrundlag, META), l[0] as Vurderingsgrundlag);
  });

  it("regelsættet sendes med det første kald, der skal bruge det, ikke med hvert kald, og igen til en ny tråd", async () => {
    const egen = new BeregningsTraad();
    const post = vi.spyOn(Worker.prototype, "postMessage");
    try {
      const medRegelsaet = () => post.mock.calls.filter(([b]) => (b as { regelsaet?: unknown }).regelsaet).length;
      const l = lev("autisme", 12, 11);
      // Twelve calls at once on a cold thread: one carries the regelsæt, none waits for a `mangler`.
      const svar = await Promise.all(l.map((x) => egen.indplacer(autisme, x, META)));
      svar.forEach((s, i) => sammeSomIProcessen(s, l[i] as Vurderingsgrundlag));
      expect(post).toHaveBeenCalledTimes(12);
      expect(medRegelsaet()).toBe(1);
      await egen.indplacer(autisme, l[0] as Vurderingsgrundlag, META);
      await egen.indplacer(synsnedsaettelse, lev("synsnedsaettelse", 1)[0] as Vurderingsgrundlag, META);
      expect(medRegelsaet()).toBe(2);
      // A new thread knows nothing: the next call carries its regelsæt again.
      await egen.close();
      sammeSomIProcessen(await egen.indplacer(autisme, l[1] as Vurderingsgrundlag, META), l[1] as Vurderingsgrundlag);
      expect(medRegelsaet()).toBe(3);
    } finally {
      post.mockRestore();
      await egen.close();
    }
  });

  it("en tråd, der har glemt et regelsæt (mangler), får det sendt igen i samme kald", async () => {
    const egen = new BeregningsTraad();
    try {
      const l = lev("autisme", 2, 12);
      await egen.indplacer(autisme, l[0] as Vurderingsgrundlag, META);
      const worker = (egen as unknown as { traad: Worker }).traad;
      const post = vi.spyOn(worker, "postMessage");
      // As if the thread had dropped a regelsæt (it keeps 64) that this side counts as sent: a hash
      // the thread has never prepared, marked as sent, goes without its regelsæt, is answered
      // `mangler` and is sent again with it (whose content does not match that hash: refused there).
      const andenHash = { ...autisme, hash: `${autisme.hash}-anden` };
      (egen as unknown as { sendte: Set<string> }).sendte.add(andenHash.hash);
      await expect(egen.indplacer(andenHash, l[1] as Vurderingsgrundlag, META)).rejects.toThrow(/hashes to sha256:/);
      expect(post.mock.calls.map(([b]) => "regelsaet" in (b as object))).toEqual([false, true]);
      post.mockRestore();
    } finally {
      await egen.close();
    }
  });

  it.each([
    ["ikke svarer inden for sin frist", "tavs.mjs", /^API: the evaluation thread did not answer within 300 ms$/],
    ["fejler uden for en besked", "kaster.mjs", /^API: the evaluation thread failed: fejl uden for beskeden$/],
  ])("en tråd, der %s, afviser de ventende kald klart, og det næste kald starter en ny", async (_, fil, besked) => {
    const kilde = new URL(`../fixtures/traade/${fil}`, import.meta.url);
    const egen = new BeregningsTraad({ kilde, svarfristMs: 300 });
    try {
      const l = lev("autisme", 3, 13) as Vurderingsgrundlag[];
      const kald = l.map((x) => egen.indplacer(autisme, x, META));
      const foerste = (egen as unknown as { traad?: Worker }).traad;
      expect(foerste).toBeDefined();
      for (const k of kald) await expect(k).rejects.toThrow(besked);
      expect((egen as unknown as { traad?: Worker }).traad).toBeUndefined();
      const naeste = egen.indplacer(autisme, l[0] as Vurderingsgrundlag, META);
      const anden = (egen as unknown as { traad?: Worker }).traad;
      expect(anden).toBeDefined();
      expect(anden).not.toBe(foerste);
      await expect(naeste).rejects.toThrow(besked);
    } finally {
      await egen.close();
    }
  });

  it("INDPLACERING_TRAAD er 1, 0 eller tom; alt andet afvises ved start", () => {
    expect(laesKonfiguration({ INDPLACERING_TRAAD: "1" }).indplaceringTraad).toBe(true);
    expect(laesKonfiguration({ INDPLACERING_TRAAD: "0" }).indplaceringTraad).toBe(false);
    expect(laesKonfiguration({ INDPLACERING_TRAAD: "" }).indplaceringTraad).toBeUndefined();
    expect(laesKonfiguration({}).indplaceringTraad).toBeUndefined();
    expect(() => laesKonfiguration({ INDPLACERING_TRAAD: "true" })).toThrow(/INDPLACERING_TRAAD skal være 1/);
  });

  it("en lille tekst i Nodes fælles buffer flyttes som en kopi, så bufferen ikke tømmes", () => {
    const faelles = Buffer.from("{}");
    const nabo = Buffer.from("nabo");
    expect(faelles.buffer).toBe(nabo.buffer);
    const eget = egetLager(faelles);
    expect(eget.buffer).not.toBe(faelles.buffer);
    expect(eget.byteLength).toBe(eget.buffer.byteLength);
    structuredClone(eget, { transfer: [eget.buffer as ArrayBuffer] });
    expect(nabo.toString()).toBe("nabo");
    const stor = new Uint8Array(10_000);
    expect(egetLager(stor)).toBe(stor);
  });

  it("tråden bruges, når der er en kerne til den ud over HTTP-tråden og databasens tråd, eller når den bedes om", () => {
    const foer = process.env.INDPLACERING_TRAAD;
    try {
      delete process.env.INDPLACERING_TRAAD;
      const kerner = availableParallelism();
      expect(beregnerFor(0) !== iProcess).toBe(kerner >= 2);
      expect(beregnerFor(1) !== iProcess).toBe(kerner >= 3);
      process.env.INDPLACERING_TRAAD = "1";
      expect(beregnerFor(1)).toBeInstanceOf(BeregningsTraad);
      expect(beregnerFor(1)).toBe(beregnerFor(0));
      process.env.INDPLACERING_TRAAD = "0";
      expect(beregnerFor(0)).toBe(iProcess);
    } finally {
      if (foer === undefined) delete process.env.INDPLACERING_TRAAD;
      else process.env.INDPLACERING_TRAAD = foer;
    }
  });

  it("en proces, der har brugt tråden og intet venter på, slutter af sig selv", () => {
    const kode = `const { BeregningsTraad } = await import(process.argv[1]);
const { forbered } = await import(process.argv[2]);
const { readFileSync } = await import("node:fs");
const f = forbered(JSON.parse(readFileSync("rulesets/autisme.json", "utf8")));
const s = await new BeregningsTraad().indplacer(f, { leverandoer: { id: "x" }, maalgruppe: "autisme" }, { kladde: true });
console.log(s.ok.niveau);`;
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        kode,
        `${ROD}/api/beregning/klient.ts`,
        `${ROD}/engine/index.ts`,
      ],
      { cwd: ROD, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ikke-indplaceret");
    expect(r.status).toBe(0);
  });
});
