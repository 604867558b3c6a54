// The fast yes/no check for batches (scripts/schema-filer.ts: the schema with its unions of
// constants as enums) must accept exactly the documents the full validator accepts, or a batch
// would evaluate an invalid provider or report a valid one. Valid generated providers, and the
// same with one value replaced by something else anywhere in the document.
import fc from "fast-check";
import { expect, it } from "vitest";
import { validateVurderingsgrundlag } from "../../engine/index.js";
import { erGyldigtVurderingsgrundlag } from "../../engine/validate.js";
import { ordforraad, vurderingsgrundlagArb } from "../fixtures/arbitraries.js";
import { MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

const alle = MAALGRUPPER.map(pilotRegelsaet);
const ord = ordforraad(alle);
const ids = alle.flatMap((r) => r.parametre.map((p) => p.id));

const andenVaerdi = fc.oneof(
  fc.constantFrom("fast", "vikar", "FAST", "ingen", "ad-hoc", "systematisk", "formaliseret", "hoej", "boern", ""),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 3, 1e7, [], {}, ["paedagog"], { x: 1 }),
  fc.string(),
);

/** Replaces the value at one path (chosen by `valg`) in a deep copy of `v`. */
function erstat(v: unknown, valg: number, ny: unknown): unknown {
  const kopi = JSON.parse(JSON.stringify(v));
  const stier: (string | number)[][] = [];
  const gaa = (x: unknown, sti: (string | number)[]) => {
    if (x === null || typeof x !== "object") return;
    for (const [k, y] of Object.entries(x)) {
      const s = [...sti, Array.isArray(x) ? Number(k) : k];
      stier.push(s);
      gaa(y, s);
    }
  };
  gaa(kopi, []);
  const sti = stier[valg % Math.max(1, stier.length)];
  if (!sti) return kopi;
  let o = kopi as Record<string | number, unknown>;
  for (const k of sti.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[sti[sti.length - 1] as string | number] = ny;
  return kopi;
}

it("the fast check accepts exactly what validateVurderingsgrundlag accepts", () => {
  const antal = { gyldige: 0, ugyldige: 0 };
  fc.assert(
    fc.property(
      vurderingsgrundlagArb("autisme", ord, ids),
      fc.nat(),
      andenVaerdi,
      fc.boolean(),
      (v, valg, ny, aendr) => {
        const x = aendr ? erstat(v, valg, ny) : v;
        const gyldig = validateVurderingsgrundlag(x).length === 0;
        if (gyldig) antal.gyldige++;
        else antal.ugyldige++;
        expect(erGyldigtVurderingsgrundlag(x)).toBe(gyldig);
      },
    ),
    { numRuns: 3000 },
  );
  // Both answers occur often enough to mean something.
  expect(Math.min(antal.gyldige, antal.ugyldige)).toBeGreaterThan(500);
});
