// Writes rulesets/eksempeldata.json: 100 example providers in the pilot mix (45 autisme, 42
// erhvervet hjerneskade, 13 synsnedsættelse), generated deterministically from a fixed seed.
// Run with `npx tsx scripts/generer-eksempeldata.ts`. The seed was picked among 2021–2040 as one
// whose level distribution under the pilot regelsæt lies close to the generator's average and
// that has tilsynsvurderinger and missing information in every målgruppe.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { genererLeverandoerer } from "./eksempel-generator.js";

const SEED = 2035;
const ANTAL = 100;
const LINJEBREDDE = 160;

/** JSON with two-space indentation, but anything that fits on one line (a staff record) stays there. */
function tilJson(v: unknown, indryk = ""): string {
  const kort = enLinje(v);
  if (kort.length + indryk.length <= LINJEBREDDE || v === null || typeof v !== "object") return kort;
  const ind = `${indryk}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => ind + tilJson(x, ind)).join(",\n")}\n${indryk}]`;
  const felter = Object.entries(v).map(([k, x]) => `${ind}${JSON.stringify(k)}: ${tilJson(x, ind)}`);
  return `{\n${felter.join(",\n")}\n${indryk}}`;
}

function enLinje(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(enLinje).join(", ")}]`;
  const felter = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${enLinje(x)}`);
  return felter.length === 0 ? "{}" : `{ ${felter.join(", ")} }`;
}

const fil = fileURLToPath(new URL("../rulesets/eksempeldata.json", import.meta.url));
const leverandoerer = genererLeverandoerer(ANTAL, { seed: SEED, medarbejdere: 20 });
writeFileSync(fil, `${tilJson(leverandoerer)}\n`);
console.log(`Skrev ${leverandoerer.length} leverandører til ${fil}`);
