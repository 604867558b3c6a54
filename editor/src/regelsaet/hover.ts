// Domain help on hover in the JSON editor: the official level texts (Boks 4) on a parameter,
// and a threshold's value, unit and description wherever a condition names it.
import { parse } from "jsonc-parser";
import type { Parameter, Taerskel } from "../../../engine/index.js";
import { niveauNavn } from "../faelles/niveau.js";

type Sti = (string | number)[];

function hent(v: unknown, sti: Sti): unknown {
  let x = v;
  for (const d of sti) {
    if (x === null || typeof x !== "object") return undefined;
    x = (x as Record<string | number, unknown>)[d];
  }
  return x;
}

function taerskelTekst(navn: string, t: Taerskel | undefined): string {
  if (!t) return `Tærsklen \`${navn}\` findes ikke i \`taerskler\`.`;
  const vaerdi = Array.isArray(t.vaerdi) ? t.vaerdi.join(", ") : String(t.vaerdi);
  const varianter = (t.varianter ?? [])
    .map((v) => `- \`@${v.navn}\`: ${Array.isArray(v.vaerdi) ? v.vaerdi.join(", ") : v.vaerdi}`)
    .join("\n");
  return [
    `**Tærskel \`${navn}\`** = ${vaerdi} (${t.enhed})${t.antagelse ? " — pilotantagelse" : ""}`,
    t.beskrivelse,
    varianter ? `Varianter:\n${varianter}` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

function parameterTekst(p: Parameter, kunNiveau?: string): string {
  const niveauer = (["let", "moderat", "hoej"] as const).filter((n) => !kunNiveau || n === kunNiveau);
  const dele = niveauer.map((n) => {
    const k = p.niveauer?.[n];
    if (!k) return "";
    return `**${niveauNavn(n)} niveau:** ${k.beskrivelse}${k.vejledning ? `\n\n_Vejledning:_ ${k.vejledning}` : ""}`;
  });
  return [`### ${p.navn} (\`${p.id}\`)`, p.beskrivelse ?? "", ...dele].filter(Boolean).join("\n\n");
}

export function regelsaetHover(sti: Sti, tekst: string): string | null {
  const v = parse(tekst);
  const taerskler = (hent(v, ["taerskler"]) ?? {}) as Record<string, Taerskel>;
  const sidste = sti[sti.length - 1];
  if (sidste === "taerskel") {
    const navn = hent(v, sti);
    if (typeof navn === "string") return taerskelTekst(navn, taerskler[navn]);
  }
  if (sti[0] === "taerskler" && typeof sti[1] === "string") return taerskelTekst(sti[1], taerskler[sti[1]]);
  if (sti[0] === "parametre" && typeof sti[1] === "number") {
    const p = hent(v, ["parametre", sti[1]]) as Parameter | undefined;
    if (!p || typeof p !== "object") return null;
    const niveau = sti[2] === "niveauer" && typeof sti[3] === "string" ? sti[3] : undefined;
    return parameterTekst(p, niveau);
  }
  return null;
}
