// Load: `npm run test:load`. Starts the real server (embedded database, or a fresh schema on
// TEST_DATABASE_URL), measures the maximum rate of a mixed workload (mostly indplacering, some
// reads, a few draft saves) with autocannon, then holds about 80 % of it for 60 s in six 10 s
// windows. Fails (exit 1) on any error or non-2xx answer, on latency that drifts (the last
// window's median more than twice the first's, plus 20 ms), or on memory that keeps growing (the
// server's resident set growing more than 15 % + 64 MB from the second window to the last).
// BELASTNING_SEKUNDER shortens or lengthens the held phase.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ROD } from "../../api/app.js";
import { testRegelsaet } from "../api/hjaelpere.js";
import { draebAlle, nytSkema, startProces } from "./proces.js";

const SEKUNDER = Number(process.env.BELASTNING_SEKUNDER ?? 60);
const VINDUER = 6;
const FORBINDELSER = 10;

const rss = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const testUrl = process.env.TEST_DATABASE_URL;
  const dataDir = await mkdtemp(join(tmpdir(), "haerd-belastning-"));
  const skema = testUrl ? await nytSkema(testUrl) : undefined;
  const s = await startProces({ DATA_DIR: dataDir, ...(skema ? { DATABASE_URL: skema.databaseUrl } : {}) });
  const fejl: string[] = [];
  try {
    const admin = s.admin ?? "";
    const base = s.url.replace(/\/api\/v1$/, "");
    const headers = { Authorization: `Bearer ${admin}`, "Content-Type": "application/json" };
    const eksempler = JSON.parse(readFileSync(join(ROD, "rulesets", "eksempeldata.json"), "utf8")) as {
      maalgruppe: string;
    }[];
    const autisme = eksempler.filter((e) => e.maalgruppe === "autisme").slice(0, 5);
    const kladde = JSON.stringify(testRegelsaet("belastning"));
    const oprettet = await fetch(`${s.url}/regelsaet/belastning/kladde`, { method: "PUT", headers, body: kladde });
    if (oprettet.status !== 201) throw new Error(`kladde: ${oprettet.status}`);

    // 20 requests per round: 15 indplaceringer, 4 reads, 1 draft save.
    const indpl = (i: number) => ({
      method: "POST" as const,
      path: "/api/v1/indplacering",
      headers,
      body: JSON.stringify({ vurderingsgrundlag: autisme[i % autisme.length] }),
    });
    const requests = [
      ...Array.from({ length: 7 }, (_, i) => indpl(i)),
      { method: "GET" as const, path: "/api/v1/maalgrupper", headers },
      { method: "GET" as const, path: "/api/v1/regelsaet/autisme", headers },
      ...Array.from({ length: 4 }, (_, i) => indpl(i + 7)),
      {
        method: "PUT" as const,
        path: "/api/v1/regelsaet/belastning/kladde",
        headers: { ...headers, "If-Match": "*" },
        body: kladde,
      },
      ...Array.from({ length: 4 }, (_, i) => indpl(i + 11)),
      { method: "GET" as const, path: "/api/v1/regelsaet/autisme/versioner", headers },
      { method: "GET" as const, path: "/api/v1/health" },
    ];
    const koer = (duration: number, overallRate?: number) =>
      autocannon({ url: base, connections: FORBINDELSER, duration, requests, ...(overallRate ? { overallRate } : {}) });

    await koer(3); // warm-up
    const max = await koer(10);
    const maxRate = max.requests.average;
    const rate = Math.max(1, Math.round(maxRate * 0.8));
    console.log(
      `Maksimum (blandet, ${FORBINDELSER} forbindelser, 10 s): ${maxRate.toFixed(0)} forespørgsler/s, median ${max.latency.p50} ms, p99 ${max.latency.p99} ms`,
    );
    console.log(`Holder ${rate} forespørgsler/s (80 %) i ${SEKUNDER} s, ${VINDUER} vinduer:`);
    const vinduer: { rate: number; p50: number; p99: number; rss: number }[] = [];
    let ialt = 0;
    for (let v = 0; v < VINDUER; v++) {
      const r = await koer(Math.max(1, Math.round(SEKUNDER / VINDUER)), rate);
      ialt += r.requests.total;
      const w = { rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, rss: rss(s.proces.pid ?? 0) };
      vinduer.push(w);
      console.log(
        `  vindue ${v + 1}: ${w.rate.toFixed(0)}/s, median ${w.p50} ms, p99 ${w.p99} ms, 2xx ${r["2xx"]}, non-2xx ${r.non2xx}, fejl ${r.errors}, timeouts ${r.timeouts}, RSS ${mb(w.rss)}`,
      );
      if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
        fejl.push(`vindue ${v + 1}: ${r.non2xx} non-2xx, ${r.errors} fejl, ${r.timeouts} timeouts`);
    }
    const [foerste, anden] = vinduer;
    const sidste = vinduer[vinduer.length - 1];
    if (foerste && anden && sidste) {
      if (sidste.p50 > 2 * foerste.p50 + 20) fejl.push(`latens steg: median ${foerste.p50} → ${sidste.p50} ms`);
      if (sidste.rss > anden.rss * 1.15 + 64 * 1024 * 1024)
        fejl.push(`hukommelsen voksede: ${mb(anden.rss)} → ${mb(sidste.rss)}`);
    }
    const health = await fetch(`${s.url}/health`);
    if (health.status !== 200) fejl.push(`health ${health.status} efter belastning`);
    console.log(`I alt ${ialt} forespørgsler under belastning; ${fejl.length === 0 ? "holdt" : "FEJL"}`);
  } finally {
    s.proces.kill("SIGTERM");
    await s.slut;
    draebAlle();
    await skema?.ryd();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (fejl.length > 0) {
    for (const f of fejl) console.error(f);
    process.exit(1);
  }
}

await main();
