// `npm run bench:konsekvens`: konsekvensanalyse (issue 13) over 10,000 stored decisions — each a
// tilbud's decision in force in autisme, ~20 staff each — on the embedded database (PGlite, on disk
// in a temporary folder, as `npm start` runs it). Prints the time per run (read the inputs, run the
// published version and the draft with the compiled evaluator, count) and the consistency table's
// time. Target: < 2 s. A benchmark that prints figures, not a timed test.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parameterNiveauer } from "../api/beregning/indplacering.js";
import { openPglite } from "../api/db/database.js";
import { migrer } from "../api/db/migrate.js";
import { kanoniskHash, kanoniskJson } from "../api/kanonisk.js";
import { konsekvensanalyse, konsistens } from "../api/konsekvens.js";
import { RegelsaetCache } from "../api/motor.js";
import { gemIndplaceringer, type NyIndplacering } from "../api/store/indplaceringer.js";
import { indlaesFoersteVersion } from "../api/store/regelsaet.js";
import { anvendAendringer, forbered, hashRegelsaet, indplacerSync, type Regelsaet } from "../engine/index.js";
import { genererLeverandoerer } from "../scripts/eksempel-generator.js";

const ANTAL = Number(process.env.ANTAL ?? 10_000);
const KOERSLER = 5;
const SOCIALTILSYN = ["hovedstaden", "midt", "nord", "oest", "syd"].map((t) => `socialtilsyn-${t}`);

const mappe = mkdtempSync(join(tmpdir(), "konsekvens-bench-"));
const db = await openPglite(join(mappe, "pglite"));
try {
  await migrer(db);
  const tekst = readFileSync(new URL("../rulesets/autisme.json", import.meta.url), "utf8");
  const autisme = JSON.parse(tekst) as Regelsaet;
  const hash = hashRegelsaet(autisme);
  await indlaesFoersteVersion(db, { maalgruppe: "autisme", indhold: tekst, hash, note: "bench" });
  const f = forbered(autisme);

  const t0 = performance.now();
  const leverandoerer = genererLeverandoerer(ANTAL, { seed: 13, maalgruppe: "autisme", medarbejdere: 20 }).map(
    (l, i) => {
      // Every tenth decision carries a tilsynsvurdering, for the consistency table.
      const vg = { ...l, leverandoer: { ...l.leverandoer, id: `T${i}` } };
      return i % 10 === 0 ? { ...vg, tilsynsvurdering: { fagmiljoe: i % 20 === 0 ? "hoej" : "let" } } : vg;
    },
  ) as ReturnType<typeof genererLeverandoerer>;
  const nye: NyIndplacering[] = leverandoerer.map((vg) => {
    const r = indplacerSync(f, vg, { version: 1, kladde: false });
    return {
      maalgruppe: "autisme",
      version: 1,
      kladde: false,
      hash,
      leverandoerId: vg.leverandoer.id,
      niveau: r.niveau,
      vurderingsgrundlagJson: kanoniskJson(vg),
      resultatHash: kanoniskHash(r),
      parameterNiveauer: parameterNiveauer(r),
      noegle: "bench",
    };
  });
  const ids = await gemIndplaceringer(db, nye);
  // The register and the links, written in bulk (set-up only; the routes write one at a time).
  await db.transaction(async (tx) => {
    for (let start = 0; start < ANTAL; start += 1000) {
      const del = ids.slice(start, start + 1000);
      const p1: unknown[] = [];
      const p2: unknown[] = [];
      const p3: unknown[] = [];
      const r1 = del.map((_, k) => {
        const i = start + k;
        p1.push(`T${i}`, `Tilbud ${i}`, SOCIALTILSYN[i % 5], JSON.stringify(["autisme"]));
        return `($${k * 4 + 1}, $${k * 4 + 2}, 'botilbud', $${k * 4 + 3}, $${k * 4 + 4})`;
      });
      const r2 = del.map((id, k) => {
        p2.push(id, `T${start + k}`, nye[start + k]?.niveau);
        return `($${k * 3 + 1}, $${k * 3 + 2}, NULL, 'autisme', $${k * 3 + 3}, '2026-01-01', '2027-01-01', 'bench')`;
      });
      const r3 = del.map((id, k) => {
        p3.push(id);
        return `($${k + 1}, 'truffet', 'bench', 'bench')`;
      });
      await tx.query(`INSERT INTO tilbud (id, navn, type, socialtilsyn, maalgrupper) VALUES ${r1.join(", ")}`, p1);
      await tx.query(
        `INSERT INTO afgoerelser (indplacering_id, tilbud_id, afdeling_id, maalgruppe, niveau, gyldig_fra,
           naeste_vurdering, noegle) VALUES ${r2.join(", ")}`,
        p2,
      );
      await tx.query(
        `INSERT INTO afgoerelse_haendelser (indplacering_id, status, noegle, begrundelse) VALUES ${r3.join(", ")}`,
        p3,
      );
    }
  });
  console.log(`opsætning: ${ANTAL} afgørelser gemt på ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The draft: SL's stricter education limit (one of the example scenarios).
  const kladde = forbered(anvendAendringer(autisme, { taerskler: { "uddannelse.moderat.minAndel": 0.75 } }));
  // Wall time and this process's CPU time (PGlite runs in the process): on a machine shared with
  // other work the wall time grows with the load, the CPU time much less.
  const maal = async (fn: () => Promise<unknown>) => {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await fn();
    const c = process.cpuUsage(c0);
    return { vaeg: performance.now() - w0, cpu: (c.user + c.system) / 1000 };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const vis = (navn: string, m: { vaeg: number; cpu: number }[]) =>
    console.log(
      `${navn}: median ${median(m.map((x) => x.vaeg)).toFixed(0)} ms (min ${Math.min(...m.map((x) => x.vaeg)).toFixed(0)}), CPU ${median(m.map((x) => x.cpu)).toFixed(0)} ms; belastning ${loadavg()[0]?.toFixed(1)} på ${cpus().length} kerner`,
    );
  const maalinger = [];
  let resume: unknown;
  for (let k = 0; k < KOERSLER; k++) {
    const cache = new RegelsaetCache(); // cold each run: the version is read and prepared again
    maalinger.push(
      await maal(async () => {
        resume = (await konsekvensanalyse(db, cache, { forberedt: kladde, hash: kladde.hash })).resume;
      }),
    );
  }
  vis(`konsekvensanalyse over ${ANTAL} gemte afgørelser (mål < 2000 ms)`, maalinger);
  const r = resume as { flyttede: number; fordeling: Record<string, unknown> };
  console.log(`  flyttede: ${r.flyttede}; fordeling: ${JSON.stringify(r.fordeling)}`);
  const kt = [];
  for (let k = 0; k < 3; k++) kt.push(await maal(() => konsistens(db, new RegelsaetCache(), "autisme", null)));
  vis(`konsistens over ${ANTAL} afgørelser`, kt);
} finally {
  await db.close();
  rmSync(mappe, { recursive: true, force: true });
}
