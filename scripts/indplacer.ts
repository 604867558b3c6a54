// `npm run indplacer -- [fil.json] [--regelsaet sti.json] [--json]`: evaluates every provider in
// a file (one vurderingsgrundlag or a list; default: the example data set) with its målgruppe's
// pilot regelsæt and prints a readable summary, or the full results with --json.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  EngineError,
  type ForberedtRegelsaet,
  forbered,
  INDPLACERINGSNIVEAUER,
  type Indplacering,
  normaliserGrundlag,
  validateRegelsaet,
} from "../engine/index.js";
import { indplacer } from "../engine/indplacering/jre.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { regelsaet: { type: "string" }, json: { type: "boolean", default: false } },
});
const fil = positionals[0] ?? "rulesets/eksempeldata.json";

function laesJson(sti: string): unknown {
  try {
    return JSON.parse(readFileSync(sti, "utf8"));
  } catch (e) {
    console.error(`Kan ikke læse ${sti}: ${(e as Error).message}`);
    process.exit(2);
  }
}

const regelsaetCache = new Map<string, ForberedtRegelsaet>();
function regelsaetFor(maalgruppe: string): ForberedtRegelsaet {
  const sti = values.regelsaet ?? `rulesets/${maalgruppe}.json`;
  let f = regelsaetCache.get(sti);
  if (!f) {
    const v = validateRegelsaet(laesJson(sti));
    if (!v.regelsaet) {
      console.error(`${sti} er ugyldigt:\n${v.fejl.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
      process.exit(2);
    }
    f = forbered(v.regelsaet);
    regelsaetCache.set(sti, f);
  }
  return f;
}

const KORT: Record<string, string> = { ingen: "·", let: "L", moderat: "M", hoej: "H", "ikke-relevant": "–" };
const data = laesJson(fil);
const liste = Array.isArray(data) ? data : [data];
const resultater: Indplacering[] = [];
let fejl = 0;
for (const [i, v] of liste.entries()) {
  const maalgruppe = (v as { maalgruppe?: unknown })?.maalgruppe;
  if (typeof maalgruppe !== "string") {
    console.error(`[${i}] mangler maalgruppe`);
    fejl++;
    continue;
  }
  try {
    const f = regelsaetFor(maalgruppe);
    // Words from the kodelister become codes; an unknown word is an error, not a lower level.
    const n = normaliserGrundlag(f.regelsaet, v, Array.isArray(data) ? [i] : []);
    if (n.problemer.length > 0) {
      console.error(`[${i}] Ukendte ord: ${n.problemer.map((d) => `${d.path}: ${d.message}`).join("; ")}`);
      fejl++;
      continue;
    }
    resultater.push(await indplacer(f, n.grundlag));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    console.error(`[${i}] ${e.message} ${e.detaljer.map((d) => `${d.path}: ${d.message}`).join("; ")}`);
    fejl++;
  }
}

if (values.json) {
  console.log(JSON.stringify(resultater, null, 2));
} else {
  const grupper = new Map<string, Indplacering[]>();
  for (const r of resultater) grupper.set(r.maalgruppe, [...(grupper.get(r.maalgruppe) ?? []), r]);
  for (const [maalgruppe, rs] of grupper) {
    const ids = rs[0]?.parametre.map((p) => p.id) ?? [];
    console.log(`\n${maalgruppe} — regelsæt ${rs[0]?.regelsaet.hash.slice(0, 19)}…`);
    console.log(
      `parametre: ${ids.map((id, i) => `${i + 1}=${id}`).join(" ")}  (· ingen, L let, M moderat, H højt; * tilsynsvurdering)`,
    );
    for (const r of rs) {
      const p = r.parametre.map((x) => `${KORT[x.niveau]}${x.tilsynsvurdering ? "*" : " "}`).join("");
      const navn = `${r.leverandoer.id} ${r.leverandoer.navn ?? ""}`.slice(0, 38).padEnd(38);
      const mangler = r.manglendeOplysninger.length > 0 ? `  mangler: ${r.manglendeOplysninger.join(", ")}` : "";
      console.log(`  ${navn} ${r.niveau.padEnd(16)} ${p}${mangler}`);
    }
    const fordeling = INDPLACERINGSNIVEAUER.map((n) => `${n} ${rs.filter((r) => r.niveau === n).length}`).join(", ");
    console.log(`  i alt ${rs.length}: ${fordeling}`);
  }
}
if (fejl > 0) {
  console.error(`${fejl} vurderingsgrundlag kunne ikke vurderes.`);
  process.exit(1);
}
