// Authoring warnings: non-nested levels, inverted thresholds, unreachable levels, unused thresholds.
import { describe, expect, it } from "vitest";
import { forfatterTjek, type Regelsaet } from "../../engine/index.js";
import { syntetiskRegelsaet } from "../fixtures/factories.js";
import { pilotRegelsaet } from "../fixtures/pilot.js";

const beskeder = (r: Regelsaet) => forfatterTjek(r).map((p) => `${p.path}: ${p.message}`);

describe("forfatterTjek", () => {
  it("is silent on a clean regelsæt", () => {
    expect(beskeder(syntetiskRegelsaet())).toEqual([]);
  });

  it("warns when højt does not ask what moderat asks", () => {
    const r = pilotRegelsaet("autisme");
    const p = r.parametre.find((x) => x.id === "metoder");
    const hoej = p?.niveauer.hoej.betingelser;
    if (!hoej || !("all" in hoej)) throw new Error("expected an all-tree");
    hoej.all = hoej.all.filter((c) => !("path" in c && c.path === "$.socialpaedagogiskPraksis"));
    const w = beskeder(r);
    expect(
      w.some((m) =>
        /'metoder' er ikke indlejrede: hoej stiller ikke betingelsen om 'metoder.socialpaedagogiskPraksis'/.test(m),
      ),
    ).toBe(true);
  });

  it("warns when a højt threshold is below its moderat counterpart, and the level is milder", () => {
    const r = syntetiskRegelsaet(["aktivPraksis"]);
    const t = r.taerskler["aktivPraksis.hoej.minBorgere"];
    if (t) t.vaerdi = 3;
    expect(beskeder(r)).toEqual([
      "parametre[0].niveauer.hoej.betingelser.all[0]: Betingelsen på hoej niveau for 'aktivPraksis' er mildere end den tilsvarende på moderat niveau; en leverandør kan opfylde hoej uden moderat.",
      "taerskler[\"aktivPraksis.hoej.minBorgere\"].vaerdi: Højt-tærsklen (3) er lavere end moderat-tærsklen 'aktivPraksis.moderat.minBorgere' (5).",
    ]);
  });

  it("warns about a criterion with neither kilde nor antagelse, and an antagelse without a reason", () => {
    const r = pilotRegelsaet("autisme");
    const hoej = r.parametre[0]?.niveauer.hoej.betingelser;
    if (!hoej || !("all" in hoej)) throw new Error("expected an all-tree");
    hoej.all.push({ fact: "antalBorgere", params: { niveauer: ["hoej"] }, operator: "greaterThan", value: 2 });
    hoej.all.push({ fact: "antalBorgere", operator: "greaterThan", value: 1, antagelse: true });
    expect(beskeder(r)).toEqual([
      "parametre[0].niveauer.hoej.betingelser.all[3]: Betingelsen har hverken kilde eller antagelse. Angiv kilde (dokument, afsnit, citat) eller antagelse med begrundelse.",
      "parametre[0].niveauer.hoej.betingelser.all[4]: Betingelsen er markeret som antagelse, men mangler en begrundelse.",
    ]);
  });

  it("warns about levels that can never be reached and unused thresholds", () => {
    const r = syntetiskRegelsaet(["aktivPraksis", "uddannelse"]);
    r.taerskler["uddannelse.moderat.minAndel"] = { vaerdi: 1.5, enhed: "andel", beskrivelse: "For meget." };
    r.indplacering.krav = { hoej: ["uddannelse"] };
    const u = r.parametre[1];
    if (u) u.aktiv = false;
    r.indplacering.referenceAntal = undefined;
    const w = beskeder(r);
    expect(w).toContain(
      'taerskler["uddannelse.moderat.minAndel"].vaerdi: En andel skal ligge mellem 0 og 1; med denne værdi kan betingelsen aldrig opfyldes.',
    );
    expect(w).toContain(
      'taerskler["indplacering.moderat.minParametre"].vaerdi: Kræver 7 parametre, men kun 1 er aktive; grænsen sættes ned til 1.',
    );
    expect(w).toContain("indplacering.krav.hoej[0]: Kravparameteren 'uddannelse' er slået fra og tæller ikke.");
    expect(w).toContain(
      "taerskler[\"uddannelse.moderat.minAndel\"]: Tærsklen 'uddannelse.moderat.minAndel' bruges ikke af nogen betingelse.",
    );
  });
});
