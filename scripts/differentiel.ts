// `npm run test:differential -- [--cases N] [--seed S]`: runs the differential tests
// (test/engine/differentiel.test.ts: compiled evaluator against json-rules-engine) with N cases
// instead of CI's default, and prints one summary line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { cases: { type: "string" }, seed: { type: "string" } } });
const cases = Number(values.cases ?? 200_000);
if (!Number.isInteger(cases) || cases < 1) {
  console.error("--cases skal være et positivt heltal");
  process.exit(2);
}

const mappe = mkdtempSync(join(tmpdir(), "differentiel-"));
const rapport = join(mappe, "rapport.json");
const start = performance.now();
const koersel = spawnSync("npx", ["vitest", "run", "test/engine/differentiel.test.ts"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    DIFFERENTIEL_CASES: String(cases),
    DIFFERENTIEL_RAPPORT: rapport,
    ...(values.seed ? { DIFFERENTIEL_SEED: values.seed } : {}),
  },
});
const sekunder = (performance.now() - start) / 1000;
let optalt = { cases: 0, regelsaet: 0, fejl: 0 };
try {
  optalt = JSON.parse(readFileSync(rapport, "utf8"));
} catch {
  // No report: the run stopped before the tests finished; the exit code says so.
}
rmSync(mappe, { recursive: true, force: true });
const ok = koersel.status === 0;
console.log(
  `differentiel: ${ok ? "OK" : "FEJL"} – ${optalt.cases} cases (${optalt.regelsaet} regelsæt-varianter) på ${sekunder.toFixed(1)} s, ${optalt.fejl} forskelle mellem kompileret og json-rules-engine`,
);
process.exit(ok ? 0 : 1);
