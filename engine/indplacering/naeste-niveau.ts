// "What is missing for the next level": for a provider below the top, the parameters that sit
// below the next level and, for each, the conditions it does not meet with the value required.

import type { Indplacering, Mangel, NaesteNiveau } from "../resultat.js";
import type { Niveau, Regelsaet } from "../schema/regelsaet.js";
import type { TaerskelOpslag } from "../taerskler.js";
import { type Forklaring, formatVaerdi, niveauTekst } from "./forklaring.js";
import { RANG } from "./politik.js";

function samlMangler(f: Forklaring, parameter: string, niveau: Niveau, alternativ: boolean, ud: Mangel[]): void {
  if (f.opfyldt === true) return;
  if (f.type === "betingelse") {
    const m: Mangel = { ...f, parameter, niveau };
    if (alternativ) m.alternativ = true;
    ud.push(m);
  } else if (f.type === "ikke") {
    // A `not` is unmet because its inner condition holds; report that inner condition.
    samlOpfyldte(f.del, parameter, niveau, ud);
  } else {
    const alt = alternativ || (f.type === "mindstEn" && f.dele.length > 1);
    for (const d of f.dele) samlMangler(d, parameter, niveau, alt, ud);
  }
}

function samlOpfyldte(f: Forklaring, parameter: string, niveau: Niveau, ud: Mangel[]): void {
  if (f.type === "betingelse") {
    if (f.opfyldt !== false) ud.push({ ...f, parameter, niveau });
  } else if (f.type === "ikke") samlMangler(f.del, parameter, niveau, false, ud);
  else for (const d of f.dele) samlOpfyldte(d, parameter, niveau, ud);
}

function maal(r: Regelsaet, i: Indplacering): NaesteNiveau["niveau"] | null {
  switch (i.niveau) {
    case "ikke-indplaceret":
      return "let";
    case "let":
      return r.indplacering.toNiveauer ? "hoej" : "moderat";
    case "moderat":
      return "hoej";
    case "hoej":
      return null;
  }
}

export function naesteNiveau(r: Regelsaet, i: Indplacering, _opslag: TaerskelOpslag): NaesteNiveau | null {
  const niveau = maal(r, i);
  if (niveau === null) return null;
  if (niveau === "let") {
    const tekst = i.manglendeOplysninger.includes("godkendt")
      ? "Det er ikke oplyst, om leverandøren er godkendt af socialtilsynet; uden fornøden kvalitet indplaceres leverandøren ikke."
      : "Leverandøren skal være godkendt af socialtilsynet (fornøden kvalitet) for at blive indplaceret.";
    return { niveau, tekst, parametre: [], mangler: [] };
  }
  // A parameter that is not relevant is not counted, so it is not what stands in the way.
  const under = i.parametre.filter((p) => p.niveau !== "ikke-relevant" && RANG[p.niveau] < RANG[niveau]);
  const mangler: Mangel[] = [];
  for (const p of under) {
    if (p.tilsynsvurdering) continue;
    const b = p.begrundelse.find((x) => x.niveau === niveau);
    if (b) samlMangler(b.betingelser, p.id, niveau, false, mangler);
  }
  return {
    niveau,
    tekst: kravTekst(r, i, niveau),
    parametre: under.map((p) => ({
      id: p.id,
      navn: p.navn,
      niveau: p.niveau,
      fastsatAfTilsyn: p.tilsynsvurdering !== undefined,
    })),
    mangler,
  };
}

function kravTekst(r: Regelsaet, i: Indplacering, niveau: "moderat" | "hoej"): string {
  const { politik } = i;
  const t = politik.optaelling;
  const dele: string[] = [];
  if (politik.metode === "vaegtet" && politik.score !== undefined && politik.scoreGraenser) {
    dele.push(
      `Den vægtede score er ${formatVaerdi(politik.score, false)}; ${niveauTekst(niveau)} specialiseret kræver mindst ${formatVaerdi(politik.scoreGraenser[niveau], false)}.`,
    );
  } else if (politik.graenser) {
    const g = politik.graenser;
    if (niveau === "moderat") {
      const mangler = Math.max(0, g.moderatMinParametre - (t.hoej + t.moderat));
      if (mangler > 0) {
        dele.push(
          `${mangler} ${mangler === 1 ? "parameter" : "parametre"} mere skal op på mindst moderat niveau (kravet er ${g.moderatMinParametre} af ${t.aktive} aktive; nu ${t.hoej + t.moderat}).`,
        );
      }
    } else {
      const mangler = Math.max(0, g.hoejMinParametre - t.hoej);
      if (mangler > 0) {
        dele.push(
          `${mangler} ${mangler === 1 ? "parameter" : "parametre"} mere skal op på højt niveau (kravet er ${g.hoejMinParametre} af ${t.aktive} aktive; nu ${t.hoej}).`,
        );
      }
      if (r.indplacering.laesning !== "bogstavelig" && t.let + t.ingen > 0)
        dele.push(`Ingen parameter må ligge under moderat niveau (nu ${t.let + t.ingen}).`);
      if (t.moderat > g.hoejMaxModerat)
        dele.push(`Højst ${g.hoejMaxModerat} parameter må ligge på moderat niveau (nu ${t.moderat}).`);
    }
  }
  for (const k of politik.kravIkkeOpfyldt) {
    dele.push(
      `Parametrene ${k.parametre.join(", ")} skal være opfyldt på ${niveauTekst(k.niveau)} niveau (krav i regelsættet).`,
    );
  }
  if (dele.length === 0) dele.push(`Flere parametre skal op på ${niveauTekst(niveau)} niveau.`);
  return dele.join(" ");
}
