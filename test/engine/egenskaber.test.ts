// Properties that must hold for every input (fast-check), on the three pilot regelsæt.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  forbered,
  hashRegelsaet,
  INDPLACERINGSNIVEAUER,
  type Regelsaet,
  sammenlignScenarier,
} from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { RANG } from "../../engine/indplacering/politik.js";
import { haev, ordforraad, vurderingsgrundlagArb } from "../fixtures/arbitraries.js";
import { eksempelScenarier, MAALGRUPPER, pilotRegelsaet } from "../fixtures/pilot.js";

const alle = MAALGRUPPER.map(pilotRegelsaet);
const ord = ordforraad(alle);
const rang = (n: string) => INDPLACERINGSNIVEAUER.indexOf(n as never);
const ids = (r: Regelsaet) => r.parametre.map((p) => p.id);

describe.each(MAALGRUPPER)("%s", (m) => {
  const r = pilotRegelsaet(m);
  const f = forbered(r);
  const arb = vurderingsgrundlagArb(m, ord, ids(r));

  it("raising a provider's figures never lowers its level or a parameter's rule level", async () => {
    await fc.assert(
      fc.asyncProperty(arb, fc.nat(), async (v, valg) => {
        const foer = await indplacer(f, v);
        const efter = await indplacer(f, haev(v, valg, ord));
        expect(rang(efter.niveau)).toBeGreaterThanOrEqual(rang(foer.niveau));
        efter.parametre.forEach((p, i) => {
          expect(RANG[p.regelNiveau]).toBeGreaterThanOrEqual(RANG[foer.parametre[i]?.regelNiveau ?? "ingen"]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("raising a minimum threshold never raises anyone's level", async () => {
    const minima = Object.keys(r.taerskler).filter(
      (n) => /\.min[A-Z]/.test(n) && typeof r.taerskler[n]?.vaerdi === "number",
    );
    await fc.assert(
      fc.asyncProperty(
        arb,
        fc.constantFrom(...minima),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        async (v, navn, delta) => {
          const strengere: Regelsaet = structuredClone(r);
          const t = strengere.taerskler[navn];
          if (!t || typeof t.vaerdi !== "number") return;
          const op = (x: number) => (t.enhed === "andel" ? x + delta / 10 : x + Math.ceil(delta));
          t.vaerdi = op(t.vaerdi);
          for (const variant of t.varianter ?? [])
            if (typeof variant.vaerdi === "number") variant.vaerdi = op(variant.vaerdi);
          const foer = await indplacer(f, v);
          const efter = await indplacer(strengere, v);
          expect(rang(efter.niveau)).toBeLessThanOrEqual(rang(foer.niveau));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("scenario counts add up to the number of providers", async () => {
    const scenarier = eksempelScenarier().scenarier;
    await fc.assert(
      fc.asyncProperty(fc.array(arb, { maxLength: 12 }), async (lev) => {
        const s = await sammenlignScenarier(r, scenarier, lev);
        for (const sc of s.scenarier) expect(Object.values(sc.fordeling).reduce((a, b) => a + b, 0)).toBe(lev.length);
        for (const o of s.overgange) {
          const sum = Object.values(o.matrix)
            .flatMap((row) => Object.values(row))
            .reduce((a, b) => a + b, 0);
          expect(sum).toBe(lev.length);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("hash", () => {
  const shuffle = (x: unknown, seed: number): unknown => {
    if (Array.isArray(x)) return x.map((y, i) => shuffle(y, seed + i));
    if (x && typeof x === "object") {
      const entries = Object.entries(x);
      const ordnet = entries.map((e, i) => [e, Math.sin(seed * 31 + i * 7)] as const).sort((a, b) => a[1] - b[1]);
      return Object.fromEntries(ordnet.map(([[k, v]], i) => [k, shuffle(v, seed + i + 1)]));
    }
    return x;
  };
  it("is stable under key order and changes with content", () => {
    const r = pilotRegelsaet("autisme");
    const h = hashRegelsaet(r);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(hashRegelsaet(shuffle(r, seed))).toBe(h);
      }),
      { numRuns: 50 },
    );
    const aendret = structuredClone(r);
    const t = aendret.taerskler["uddannelse.moderat.minAndel"];
    if (t) t.vaerdi = 0.51;
    expect(hashRegelsaet(aendret)).not.toBe(h);
  });
});
