// anvendAendringer copies only along the paths a scenario changes and shares the rest with the
// original regelsæt. Checked here: the original never changes, the result is exactly a deep copy
// with the named values set (a plain reference written in the test), and a refused change names
// its path and changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Aendringer, anvendAendringer, canonicalJson, type Regelsaet } from "../../engine/index.js";
import { EngineError } from "../../engine/problem.js";
import { eksempelScenarier, MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

/** The reference: a deep copy with each named value set, as the engine once did it. */
function reference(r: Regelsaet, a: Aendringer): Regelsaet {
  const kopi = structuredClone(r);
  for (const [fuldt, v] of Object.entries(a.taerskler ?? {})) {
    const [navn = "", variant] = fuldt.split("@");
    const t = kopi.taerskler[navn];
    const maal = variant === undefined ? t : t?.varianter?.find((x) => x.navn === variant);
    if (maal) maal.vaerdi = v;
  }
  for (const [id, w] of Object.entries(a.vaegte ?? {})) {
    const p = kopi.parametre.find((x) => x.id === id);
    if (p) p.vaegt = w;
  }
  for (const [id, aktiv] of Object.entries(a.aktive ?? {})) {
    const p = kopi.parametre.find((x) => x.id === id);
    if (p) p.aktiv = aktiv;
  }
  if (a.indplacering) kopi.indplacering = { ...kopi.indplacering, ...structuredClone(a.indplacering) };
  return kopi;
}

/** Valid changes: thresholds (base values and variants) moved within their limits, weights, switches. */
function aendringerArb(r: Regelsaet): fc.Arbitrary<Aendringer> {
  const tal = Object.entries(r.taerskler).flatMap(([navn, t]) =>
    typeof t.vaerdi === "number" && t.enhed !== "parametre" && t.enhed !== "point"
      ? [navn, ...(t.varianter ?? []).map((v) => `${navn}@${v.navn}`)].map((n) => ({ n, t }))
      : [],
  );
  const ids = r.parametre.map((p) => p.id);
  return fc.record(
    {
      taerskler: fc
        .uniqueArray(fc.constantFrom(...tal), { selector: (x) => x.n, maxLength: 4 })
        .chain((valgte) =>
          fc
            .tuple(...valgte.map(({ t }) => fc.integer({ min: t.min ?? 0, max: Math.min(t.max ?? 20, 20) })))
            .map((vs) =>
              Object.fromEntries(
                valgte.map(({ n, t }, i) => [
                  n,
                  t.enhed === "andel" ? Math.min(1, (vs[i] as number) / 20) : (vs[i] as number),
                ]),
              ),
            ),
        ),
      vaegte: fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 4 }), { maxKeys: 3 }),
      aktive: fc.dictionary(fc.constantFrom(...ids), fc.boolean(), { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  );
}

describe.each(MAALGRUPPER)("anvendAendringer, %s", (m) => {
  const r = pilotRegelsaet(m);
  const foer = canonicalJson(r);

  it("gives the reference's regelsæt and never changes the original", () => {
    fc.assert(
      fc.property(aendringerArb(r), (a) => {
        let ud: Regelsaet;
        try {
          ud = anvendAendringer(r, a);
        } catch (e) {
          // Moving a threshold past another's may be refused; then nothing may have changed.
          expect(e).toBeInstanceOf(EngineError);
          expect(canonicalJson(r)).toBe(foer);
          return;
        }
        expect(canonicalJson(ud)).toBe(canonicalJson(reference(r, a)));
        expect(canonicalJson(r)).toBe(foer);
      }),
      { numRuns: 150 },
    );
  });

  it("applies every example scenario as the reference does", () => {
    for (const s of eksempelScenarier().scenarier) {
      if (s.aendringer === undefined) continue;
      let ud: Regelsaet | undefined;
      try {
        ud = anvendAendringer(r, s.aendringer as Aendringer);
      } catch {
        // A scenario written for another målgruppe's parameters.
      }
      if (ud) expect(canonicalJson(ud)).toBe(canonicalJson(reference(r, s.aendringer as Aendringer)));
    }
    expect(canonicalJson(r)).toBe(foer);
  });

  it("a policy key set to undefined removes the base's value, as in the reference", () => {
    const medReference: Regelsaet = { ...r, indplacering: { ...r.indplacering, referenceAntal: r.parametre.length } };
    const a: Aendringer = { indplacering: { referenceAntal: undefined } as Aendringer["indplacering"] };
    const ud = anvendAendringer(medReference, a);
    expect(ud.indplacering.referenceAntal).toBeUndefined();
    expect(canonicalJson(ud)).toBe(canonicalJson(reference(medReference, a)));
    expect(medReference.indplacering.referenceAntal).toBe(r.parametre.length);
  });

  it("does not share what it changed: editing the result leaves the original alone", () => {
    const navn = Object.keys(r.taerskler).find((n) => typeof r.taerskler[n]?.vaerdi === "number") as string;
    const ud = anvendAendringer(r, { taerskler: { [navn]: 1 }, vaegte: { [r.parametre[0]?.id as string]: 2 } });
    expect(ud.taerskler).not.toBe(r.taerskler);
    expect(ud.taerskler[navn]).not.toBe(r.taerskler[navn]);
    expect(ud.parametre[0]).not.toBe(r.parametre[0]);
    expect(canonicalJson(r)).toBe(foer);
  });

  it("refuses an unknown threshold, variant or parameter by its path and changes nothing", () => {
    const navn = Object.keys(r.taerskler)[0] as string;
    const forsoeg: [Aendringer, string][] = [
      [{ taerskler: { findesIkke: 1 } }, "/aendringer/taerskler/findesIkke"],
      [{ taerskler: { [`${navn}@ingen`]: 1 } }, `/aendringer/taerskler/${navn}@ingen`],
      [{ vaegte: { findesIkke: 1 } }, "/aendringer/vaegte/findesIkke"],
    ];
    for (const [a, pointer] of forsoeg) {
      let fejl: unknown;
      try {
        anvendAendringer(r, a);
      } catch (e) {
        fejl = e;
      }
      expect(fejl).toBeInstanceOf(EngineError);
      expect((fejl as EngineError).detaljer.map((d) => d.pointer)).toContain(pointer);
    }
    expect(canonicalJson(r)).toBe(foer);
  });
});
