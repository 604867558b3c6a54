// `npm run bench`: one process, one run. The same seeded providers (10,000 per pilot målgruppe,
// about 20 staff each) evaluated by (a) the json-rules-engine path, (b) the compiled path and,
// for autisme, (c) a hand-written evaluator (the practical limit); a 4-scenario comparison and
// a 30-value sweep over the same providers; then POST /api/v1/indplacering under autocannon
// beside a constant Express route and beside the same API with its decisions not stored. Prints
// a table; targets from issue 5 are marked met or not.
// The engine measured is the production build (dist/server, as `npm start` runs it; `npm run
// bench` builds it first), and the batch work is measured first, over the autisme providers only,
// before the json-rules-engine runs and the other målgrupper's providers fill the heap.
// Options: --antal N (providers per målgruppe), --http-sekunder S (0 skips HTTP), --json FILE,
// --postgres URL (also measure the API on that PostgreSQL server, in a fresh schema),
// --kilde (measure the TypeScript sources through tsx instead of the build).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { ParameterNiveau, Regelsaet, Scenarie, Vurderingsgrundlag } from "../engine/index.js";
import type { SammenlignTider } from "../engine/scenarier.js";
import { genererLeverandoerer } from "../scripts/eksempel-generator.js";
import { haandskrevetAutisme, PARAMETRE } from "./haandskrevet-autisme.js";
import { medFakta, tilJdm } from "./jdm.js";

const ROD = fileURLToPath(new URL("..", import.meta.url));
const MAALGRUPPER = ["autisme", "erhvervet-hjerneskade", "synsnedsaettelse"] as const;
const SEED = 20211;

const { values } = parseArgs({
  options: {
    antal: { type: "string", default: "10000" },
    "http-sekunder": { type: "string", default: "10" },
    json: { type: "string" },
    postgres: { type: "string" },
    kilde: { type: "boolean", default: false },
  },
});
const ANTAL = Number(values.antal);
const KILDE = values.kilde === true;
// The engine as production runs it (dist/server), or the sources; the types are the sources'.
const motorSti = KILDE ? "../engine/" : "../dist/server/engine/";
const motor = (await import(`${motorSti}index.js`)) as typeof import("../engine/index.js");
const { indplacer } = (await import(
  `${motorSti}indplacering/jre.js`
)) as typeof import("../engine/indplacering/jre.js");
const {
  anvendAendringer,
  evaluerScenarier,
  forbered,
  graensetilfaelde,
  indplacerSync,
  kompiler,
  sammenlignScenarier,
  sweep,
  validateVurderingsgrundlag,
} = motor;
const HTTP_SEKUNDER = Number(values["http-sekunder"]);

// Peak memory: sampled between batches of work (a timer cannot fire inside synchronous loops),
// and the kernel's high-water mark where there is one.
let rssMax = 0;
function maal(): void {
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
}
const maaler = setInterval(maal, 20);

function laes<T>(fil: string): T {
  return JSON.parse(readFileSync(join(ROD, fil), "utf8")) as T;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/**
 * A full garbage collection before each timed phase and each timed repetition (when run with
 * --expose-gc, as `npm run bench` does), so that one run's garbage is not collected on the next
 * one's clock.
 */
function ryd(): void {
  maal();
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `fn` `gange` times (after one warm-up) and returns the median time in ms. */
function tid(fn: () => void, gange = 5): number {
  ryd();
  fn();
  maal();
  const t: number[] = [];
  for (let i = 0; i < gange; i++) {
    ryd();
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
    maal();
  }
  return median(t);
}

async function tidAsync(fn: () => Promise<unknown>, gange = 5): Promise<number> {
  ryd();
  await fn();
  maal();
  const t: number[] = [];
  for (let i = 0; i < gange; i++) {
    ryd();
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
    maal();
  }
  return median(t);
}

const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

interface Raekke {
  maalgruppe: string;
  jre: number;
  kompileret: number;
  sync: number;
  haandskrevet?: number;
  enighed?: string;
}

console.log(
  `Benchmark: ${ANTAL} providers per målgruppe (seed ${SEED}, ~20 staff), Node ${process.version}, engine: ${
    KILDE ? "TypeScript sources (tsx)" : "production build (dist/server)"
  }`,
);
const data = new Map<string, Vurderingsgrundlag[]>();
/** Generates (and checks) one målgruppe's providers; autisme first, the others after the batch work. */
function generer(m: string): void {
  const lev = genererLeverandoerer(ANTAL, { seed: SEED, maalgruppe: m, medarbejdere: 20 });
  const ugyldige = lev.filter((v) => validateVurderingsgrundlag(v).length > 0).length;
  if (ugyldige > 0) throw new Error(`bench: ${ugyldige} generated ${m} providers are invalid`);
  data.set(m, lev);
}
generer("autisme");
maal();

// 4-scenario comparison and 30-value sweep, autisme, over the same providers.
const autisme = laes<Regelsaet>("rulesets/autisme.json");
const lev = data.get("autisme") ?? [];
const scenarier = laes<{ scenarier: Scenarie[] }>("rulesets/eksempel-scenarier.json").scenarier.slice(0, 4);
const sammenlignMs = await tidAsync(() => sammenlignScenarier(autisme, scenarier, lev));
// The same call with its parts timed inside (SammenlignOptions.tider); the run with the median total.
const gcTider: { start: number; varighed: number }[] = [];
const gcObservatoer = new PerformanceObserver((l) => {
  for (const e of l.getEntries()) gcTider.push({ start: e.startTime, varighed: e.duration });
});
gcObservatoer.observe({ entryTypes: ["gc"] });
const opdelinger: (SammenlignTider & { ialt: number; start: number; gc: number })[] = [];
for (let i = 0; i < 5; i++) {
  const tider: SammenlignTider = {
    nu: () => performance.now(),
    forberedelse: 0,
    validering: 0,
    evaluering: 0,
    optaelling: 0,
  };
  ryd();
  const start = performance.now();
  await sammenlignScenarier(autisme, scenarier, lev, { tider });
  opdelinger.push({ ...tider, ialt: performance.now() - start, start, gc: 0 });
}
await new Promise((ok) => setTimeout(ok, 10));
gcObservatoer.disconnect();
for (const o of opdelinger) {
  o.gc = gcTider.filter((g) => g.start >= o.start && g.start < o.start + o.ialt).reduce((a, g) => a + g.varighed, 0);
}
const opdeling = opdelinger.sort((x, y) => x.ialt - y.ialt)[2] as SammenlignTider & { ialt: number; gc: number };
const forberedte = scenarier.map((s) => forbered(anvendAendringer(autisme, s.aendringer)));
const sammenlignEvalMs = tid(() => evaluerScenarier(forberedte, lev));
const valideringMs = tid(() => {
  for (const l of lev) validateVurderingsgrundlag(l);
});
const SWEEP_TAERSKEL = "uddannelse.moderat.minAndel";
const vaerdier = Array.from({ length: 30 }, (_, i) => Math.round((i / 29) * 1000) / 1000);
const sweepMs = tid(() => sweep(autisme, SWEEP_TAERSKEL, vaerdier, lev));
const sweepUdenValideringMs = tid(() => sweep(autisme, SWEEP_TAERSKEL, vaerdier, lev, { valideret: true }));
const graenseMs = tid(() => graensetilfaelde(autisme, lev, { valideret: true }), 3);
const antalGraense = graensetilfaelde(autisme, lev, { valideret: true }).antalGraensetilfaelde;
maal();

for (const m of MAALGRUPPER) if (!data.has(m)) generer(m);
const staff = [...data.values()].flat().map((v) => v.medarbejdere?.length ?? 0);
console.log(`Staff per provider: mean ${fmt(staff.reduce((a, b) => a + b, 0) / staff.length, 1)}`);
maal();

const raekker: Raekke[] = [];
for (const m of MAALGRUPPER) {
  const r = laes<Regelsaet>(`rulesets/${m}.json`);
  const lev = data.get(m) ?? [];
  const f = forbered(r);

  // (a) json-rules-engine: the whole path (validation, engine run, reasons), one pass.
  ryd();
  const startA = performance.now();
  for (let i = 0; i < lev.length; i++) {
    await indplacer(f, lev[i] as Vurderingsgrundlag);
    if (i % 1000 === 0) maal();
  }
  const jreMs = performance.now() - startA;

  // (b) compiled: the Udfald the scenario comparison uses; and the full result with reasons.
  const k = kompiler(f);
  const ev = (l: Vurderingsgrundlag) => k.udfald(l);
  const kompileretMs = tid(() => {
    for (const l of lev) ev(l);
  });
  const syncMs = tid(() => {
    for (const l of lev) indplacerSync(f, l);
  }, 1);

  const raekke: Raekke = {
    maalgruppe: m,
    jre: (lev.length / jreMs) * 1000,
    kompileret: (lev.length / kompileretMs) * 1000,
    sync: (lev.length / syncMs) * 1000,
  };

  // (c) hand-written autisme evaluator, and whether it agrees with the compiled path.
  if (m === "autisme") {
    const ud: ParameterNiveau[] = [];
    const haandMs = tid(() => {
      for (const l of lev) haandskrevetAutisme(l, ud);
    });
    let enige = 0;
    for (const l of lev) {
      const u = ev(l) as { niveau: string; parametre: Map<string, ParameterNiveau> };
      const h = haandskrevetAutisme(l, ud);
      if (h === u.niveau && PARAMETRE.every((id, i) => u.parametre.get(id) === ud[i])) enige++;
    }
    raekke.haandskrevet = (lev.length / haandMs) * 1000;
    raekke.enighed = `${enige}/${lev.length}`;
  }
  raekker.push(raekke);
  maal();
}

// (d) GoRules zen-engine: the autisme regelsæt translated to a JDM decision (bench/jdm.ts),
// evaluated on the same providers, one at a time (awaited, as (a)) and 64 in flight; once with
// every derived fact written in ZEN, once with the derived facts over staff, citizens and lists
// computed in JavaScript by the engine's fact functions (included in the time).
interface ZenRaekke {
  navn: string;
  enkeltvis: number;
  samtidig: number;
  enighed: string;
}
const zenRaekker: ZenRaekke[] = [];
/**
 * zen-engine ships one native package per platform, and the registry this project installs from
 * serves only some of them, so `npm ci` cannot keep it in the lock file. It is loaded when
 * installed (`npm install --no-save @gorules/zen-engine@0.54`) and skipped with a note otherwise.
 */
interface ZenModul {
  ZenEngine: new () => {
    createDecision(jdm: unknown): {
      evaluate(input: unknown): Promise<{ result: { niveau: string; parametre: Record<string, string> } }>;
    };
  };
}
const ZEN_PAKKE = "@gorules/zen-engine";
const zen = (await import(ZEN_PAKKE).catch(() => undefined)) as ZenModul | undefined;
if (!zen) console.log(`(d) zen-engine skipped: not installed (npm install --no-save ${ZEN_PAKKE}@0.54)`);
if (zen) {
  const { ZenEngine } = zen;
  const r = laes<Regelsaet>("rulesets/autisme.json");
  const lev = data.get("autisme") ?? [];
  const kz = kompiler(forbered(r));
  const ev = (l: Vurderingsgrundlag) => kz.udfald(l);
  for (const forudberegnet of [false, true]) {
    const { jdm, afledte } = tilJdm(r, { forudberegnet });
    const beslutning = new ZenEngine().createDecision(jdm);
    const input = (l: Vurderingsgrundlag) => (forudberegnet ? medFakta(l, afledte) : l);
    const udfald: { niveau: string; parametre: Record<string, string> }[] = new Array(lev.length);
    ryd();
    const startE = performance.now();
    for (let i = 0; i < lev.length; i++) {
      udfald[i] = (await beslutning.evaluate(input(lev[i] as Vurderingsgrundlag))).result;
      if (i % 1000 === 0) maal();
    }
    const enkeltvisMs = performance.now() - startE;
    ryd();
    const startS = performance.now();
    for (let i = 0; i < lev.length; i += 64) {
      await Promise.all(lev.slice(i, i + 64).map((l) => beslutning.evaluate(input(l))));
    }
    const samtidigMs = performance.now() - startS;
    let enige = 0;
    for (let i = 0; i < lev.length; i++) {
      const u = ev(lev[i] as Vurderingsgrundlag) as { niveau: string; parametre: Map<string, ParameterNiveau> };
      const z = udfald[i];
      if (z && z.niveau === u.niveau && [...u.parametre].every(([id, n]) => z.parametre[id] === n)) enige++;
    }
    zenRaekker.push({
      navn: forudberegnet ? "(d) zen-engine, derived facts precomputed in JS" : "(d) zen-engine, everything in JDM",
      enkeltvis: (lev.length / enkeltvisMs) * 1000,
      samtidig: (lev.length / samtidigMs) * 1000,
      enighed: `${enige}/${lev.length}`,
    });
    maal();
  }
}

// HTTP: the API in a child process on loopback, autocannon from here. The stored route and the
// same API without storage are measured in alternating windows (A B B A A B B A), so that a
// neighbour's load on this shared host, which moves every figure by ±30 % over minutes, weighs on
// both alike; their ratio is the issue's "ratio in one run". Latencies are every answer's own
// (autocannon's response events), pooled over a route's windows, and their percentiles exact.
interface HttpMaaling {
  rute: string;
  reqPrSek: number;
  p50: number;
  p99: number;
  fejl: number;
  /** Stored routes: the ratio to the route without storage in each round, in order. */
  runder?: number[];
}
const http: HttpMaaling[] = [];
/** Rounds of the alternating measurement; each route gets HTTP_SEKUNDER / 2 s per round. */
const RUNDER = 4;
// Uncounted seconds on a route before its first window, so that the figures are its steady state:
// the JIT (PGlite's WebAssembly is compiled for speed in the background), the database's caches
// and the group commit settle. The decision routes took longer than the constant one: measured
// in 4 s windows right after a 3 s warm-up, the stored route on PostgreSQL did 706 req/s in its
// first window and 938–1,066 in the next five (bench/RESULTATER.md, ninth session).
const OPVARM_KONSTANT = Math.min(3, HTTP_SEKUNDER);
const OPVARM_INDPLACERING = Math.min(8, HTTP_SEKUNDER);

interface Vindue {
  svar: number[];
  sekunder: number;
  fejl: number;
}

const percentil = (sorteret: readonly number[], p: number) =>
  sorteret[Math.min(sorteret.length - 1, Math.ceil((p / 100) * sorteret.length) - 1)] ?? Number.NaN;

/** Answers per second over the windows. */
const rate = (vinduer: readonly Vindue[]) =>
  vinduer.reduce((a, v) => a + v.svar.length, 0) / vinduer.reduce((a, v) => a + v.sekunder, 0);

function samlet(rute: string, vinduer: readonly Vindue[]): HttpMaaling {
  const svar = vinduer.flatMap((v) => v.svar).sort((a, b) => a - b);
  return {
    rute,
    reqPrSek: rate(vinduer),
    p50: percentil(svar, 50),
    p99: percentil(svar, 99),
    fejl: vinduer.reduce((a, v) => a + v.fejl, 0),
  };
}

/** Starts the API (bench/http-server.ts) on `database` and measures the constant route and indplacering. */
async function maalHttp(database: string, databaseUrl: string | undefined): Promise<void> {
  const mappe = mkdtempSync(join(tmpdir(), "bench-api-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: mappe, NODE_ENV: "production" };
  if (KILDE) env.BENCH_KILDE = "1";
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const barn: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROD, "bench/http-server.ts")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const linjer = createInterface({ input: barn.stdout as NodeJS.ReadableStream });
    const [foerste] = (await Promise.race([
      once(linjer, "line"),
      once(barn, "exit").then(() => {
        throw new Error("bench: the API process stopped before it listened");
      }),
    ])) as [string];
    const { port, noegle, iTraad } = JSON.parse(foerste) as { port: number; noegle: string; iTraad: boolean };
    const krop = JSON.stringify({ vurderingsgrundlag: lev[1] });
    const noeglen = { authorization: `Bearer ${noegle}` };
    /** One window on `sti`, after `opvarm` seconds on it that are not counted. */
    const koer = async (sti: string, headers: Record<string, string>, sekunder: number, opvarm: number) => {
      const valg: autocannon.Options = {
        url: `http://127.0.0.1:${port}${sti}`,
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: krop,
        connections: 10,
        duration: sekunder,
      };
      if (opvarm > 0) await autocannon({ ...valg, duration: opvarm });
      const svar: number[] = [];
      const r = await autocannon({
        ...valg,
        setupClient: (klient) => {
          klient.on("response", (status, _bytes, ms) => {
            if (status >= 200 && status < 300) svar.push(ms);
          });
        },
      });
      maal();
      return { svar, sekunder: r.duration, fejl: r.errors + r.timeouts + r.non2xx } satisfies Vindue;
    };
    http.push(
      samlet(`Express, constant (${database} process)`, [await koer("/konstant", {}, HTTP_SEKUNDER, OPVARM_KONSTANT)]),
    );
    const gemt: Vindue[] = [];
    const udenLager: Vindue[] = [];
    const andenVej: Vindue[] = [];
    const runder: number[] = [];
    const vindue = HTTP_SEKUNDER / 2;
    const rute = (sti: string, vinduer: Vindue[]) => async () => {
      vinduer.push(await koer(sti, noeglen, vindue, vinduer.length === 0 ? OPVARM_INDPLACERING : 0));
    };
    const a = rute("/api/v1/indplacering", gemt);
    const b = rute("/uden-lager/api/v1/indplacering", udenLager);
    // The stored route again with each decision evaluated the other way (api/beregning).
    const c = rute("/anden-vej/api/v1/indplacering", andenVej);
    for (let i = 0; i < RUNDER; i++) {
      for (const maal of i % 2 === 0 ? [a, b, c] : [c, b, a]) await maal();
      runder.push(rate(gemt.slice(-1)) / rate(udenLager.slice(-1)));
    }
    http.push({ ...samlet(`POST /api/v1/indplacering (${database})`, gemt), runder });
    http.push(samlet(`the same, decisions not stored (${database} process)`, udenLager));
    const hvor = (traad: boolean) => (traad ? "in the evaluation thread" : "on the HTTP thread");
    http.push(
      samlet(`the same, evaluated ${hvor(!iTraad)} instead of ${hvor(iTraad)} (${database} process)`, andenVej),
    );
  } finally {
    barn.kill("SIGTERM");
    await once(barn, "exit").catch(() => {});
    rmSync(mappe, { recursive: true, force: true });
  }
}

if (HTTP_SEKUNDER > 0) {
  await maalHttp("PGlite", undefined);
  if (values.postgres) await maalHttp("PostgreSQL", values.postgres);
}
clearInterval(maaler);
maal();

// ---- Report ----
const hwm = (() => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
})();
const mb = (b: number) => `${fmt(b / 1024 / 1024)} MB`;
const ja = (ok: boolean) => (ok ? "met" : "NOT met");

console.log("");
console.log("Throughput (evaluations per second, one provider against one regelsæt)");
console.log(
  "| målgruppe | (a) json-rules-engine | (b) compiled | b/a | (c) hand-written | c/b | agreement c=b | compiled with reasons |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of raekker) {
  console.log(
    `| ${r.maalgruppe} | ${fmt(r.jre)} | ${fmt(r.kompileret)} | ${fmt(r.kompileret / r.jre)}× | ${
      r.haandskrevet ? fmt(r.haandskrevet) : "–"
    } | ${r.haandskrevet ? `${fmt(r.haandskrevet / r.kompileret, 2)}×` : "–"} | ${r.enighed ?? "–"} | ${fmt(r.sync)} |`,
  );
}
const a = raekker.find((r) => r.maalgruppe === "autisme");
if (a) {
  console.log("");
  console.log(`Peers on the same ${ANTAL} autisme providers (evaluations per second)`);
  console.log("| evaluator | one at a time | 64 in flight | agreement with (b): level + 8 parameter levels |");
  console.log("|---|---:|---:|---:|");
  console.log(`| (a) json-rules-engine (with reasons) | ${fmt(a.jre)} | – | (differential tests) |`);
  for (const z of zenRaekker) console.log(`| ${z.navn} | ${fmt(z.enkeltvis)} | ${fmt(z.samtidig)} | ${z.enighed} |`);
  console.log(`| (b) compiled | ${fmt(a.kompileret)} | – | – |`);
  console.log(`| (c) hand-written | ${a.haandskrevet ? fmt(a.haandskrevet) : "–"} | – | ${a.enighed ?? "–"} |`);
}
console.log("");
console.log(`| batch work over ${ANTAL} autisme providers | ms |`);
console.log("|---|---:|");
console.log(`| 4-scenario comparison, sammenlignScenarier (incl. input validation) | ${fmt(sammenlignMs, 1)} |`);
{
  const o = opdeling;
  const andet = o.ialt - o.forberedelse - o.validering - o.evaluering - o.optaelling;
  console.log(
    `| … timed inside (median of 5): validation ${fmt(o.validering, 1)} · preparation ${fmt(o.forberedelse, 1)} · evaluation ${fmt(
      o.evaluering,
      1,
    )} · aggregation ${fmt(o.optaelling, 1)} · other ${fmt(andet, 1)}; garbage collection within these ${fmt(o.gc, 1)} | ${fmt(
      o.ialt,
      1,
    )} |`,
  );
}
console.log(`| 4-scenario comparison, evaluation only (evaluerScenarier) | ${fmt(sammenlignEvalMs, 1)} |`);
console.log(`| input validation alone (ajv, ${ANTAL} providers) | ${fmt(valideringMs, 1)} |`);
console.log(`| 30-value sweep of ${SWEEP_TAERSKEL} (incl. validation) | ${fmt(sweepMs, 1)} |`);
console.log(`| 30-value sweep, providers already validated | ${fmt(sweepUdenValideringMs, 1)} |`);
console.log(
  `| borderline flag, all numeric thresholds ±1 step (${antalGraense} providers flagged) | ${fmt(graenseMs, 1)} |`,
);
if (http.length > 0) {
  console.log("");
  console.log(
    `HTTP (autocannon, 10 connections, loopback, API in a child process; warm-up not counted: constant ${OPVARM_KONSTANT} s, indplacering ${OPVARM_INDPLACERING} s per route. ` +
      `Constant route ${HTTP_SEKUNDER} s; stored, not stored and stored with evaluation the other way (api/beregning) in ${RUNDER} alternating rounds (A B C, C B A …) of ${HTTP_SEKUNDER / 2} s each, latencies pooled)`,
  );
  console.log("| route | req/s | p50 ms | p99 ms | errors | stored / not stored (rounds) |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const h of http) {
    const db = /\((PGlite|PostgreSQL)\)$/.exec(h.rute)?.[1];
    const uden = db && http.find((x) => x.rute === `the same, decisions not stored (${db} process)`);
    const runder = h.runder ? ` (${h.runder.map((r) => fmt(r * 100)).join(" · ")} %)` : "";
    const forhold = uden ? `${fmt((h.reqPrSek / uden.reqPrSek) * 100, 1)} %${runder}` : "";
    console.log(`| ${h.rute} | ${fmt(h.reqPrSek)} | ${fmt(h.p50, 1)} | ${fmt(h.p99, 1)} | ${h.fejl} | ${forhold} |`);
  }
}
console.log("");
console.log(`Peak memory of this process: ${mb(rssMax)} (rss, sampled)${hwm ? `; ${mb(hwm)} (VmHWM)` : ""}`);

const aut = raekker.find((r) => r.maalgruppe === "autisme");
const minBA = Math.min(...raekker.map((r) => r.kompileret / r.jre));
const maal_ = [
  `compiled ≥ 100× json-rules-engine (lowest b/a ${fmt(minBA)}×): ${ja(minBA >= 100)}`,
  `compiled within 5× of hand-written (c/b ${aut?.haandskrevet ? fmt(aut.haandskrevet / aut.kompileret, 2) : "?"}×): ${ja(
    aut?.haandskrevet !== undefined && aut.haandskrevet / aut.kompileret <= 5,
  )}`,
  `4-scenario comparison < 100 ms (${fmt(sammenlignMs, 1)} ms end to end; ${fmt(sammenlignEvalMs, 1)} ms evaluation): ${ja(
    sammenlignMs < 100,
  )}`,
  `30-value sweep < 300 ms (${fmt(sweepMs, 1)} ms): ${ja(sweepMs < 300)}`,
];
for (const database of ["PGlite", "PostgreSQL"]) {
  const konstant = http.find((h) => h.rute === `Express, constant (${database} process)`);
  const api = http.find((h) => h.rute === `POST /api/v1/indplacering (${database})`);
  const udenLager = http.find((h) => h.rute === `the same, decisions not stored (${database} process)`);
  if (!konstant || !api) continue;
  const pct = (h: HttpMaaling) => `${fmt((h.reqPrSek / konstant.reqPrSek) * 100, 1)} %`;
  maal_.push(
    `POST /api/v1/indplacering on ${database} ≥ 40 % of the constant route (${pct(api)}; without storing the decisions ${
      udenLager ? pct(udenLager) : "?"
    }): ${ja(api.reqPrSek >= 0.4 * konstant.reqPrSek)}`,
    `POST /api/v1/indplacering on ${database} p99 < 25 ms (${fmt(api.p99, 1)} ms): ${ja(api.p99 < 25)}`,
  );
  if (udenLager) {
    maal_.push(
      `POST /api/v1/indplacering on ${database} ≥ 70 % of the same API without storage (issue 15: ${fmt(
        (api.reqPrSek / udenLager.reqPrSek) * 100,
        1,
      )} %): ${ja(api.reqPrSek >= 0.7 * udenLager.reqPrSek)}`,
    );
  }
}
console.log("");
console.log("Targets (issues 5 and 15):");
for (const t of maal_) console.log(`- ${t}`);

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        antal: ANTAL,
        raekker,
        zenRaekker,
        sammenlignMs,
        sammenlignOpdeling: opdeling,
        sammenlignEvalMs,
        valideringMs,
        sweepMs,
        sweepUdenValideringMs,
        graenseMs,
        http,
        rssMax,
        hwm,
      },
      null,
      2,
    ),
  );
}
process.exit(0);
