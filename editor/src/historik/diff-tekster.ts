// Words for the change summary in Historik: the diff names fields by their JSON paths (`vaerdi`,
// `varianter.boern.vaerdi`, `krav.hoej`) and gives raw values; the reader wants what the field
// means and the value in its unit. A threshold's unit is its declared `enhed` in the version the
// value comes from, so a share reads "10 %" only when the regelsæt says it is a share; a value
// whose unit is not known keeps its number with a decimal comma.
import { tal } from "../faelles/format.js";
import { niveauNavn } from "../faelles/niveau.js";
import { egenPost } from "../faelles/opslag.js";
import { vaerdiNavn } from "../faelles/vaerdi-navne.js";

/** Threshold name → its `enhed`, for one version. */
export type Enheder = Readonly<Record<string, string>>;

// A non-breaking space keeps "10 %" and "3 år" on one line.
const NBSP = "\u00a0";

const ENHED_NAVN: Readonly<Record<string, string>> = {
  borgere: "borgere",
  andel: "andel (procent)",
  aar: "år",
  antal: "antal",
  parametre: "parametre",
  point: "point",
  liste: "liste",
};

const METODE_NAVN: Readonly<Record<string, string>> = {
  optaelling: "optælling (Tabel 4)",
  vaegtet: "vægtet score",
};

const opslag = (tabel: Readonly<Record<string, string>>, k: string) => egenPost(tabel, k) ?? k;

/** A number the Danish way; whole numbers without decimals. */
const decimaltal = (n: number) => tal(n, 6);

/** A number in a threshold's unit: shares as percentages, counts and years as whole numbers. */
export function iEnhed(n: number, enhed: string | undefined): string {
  switch (enhed) {
    case "andel":
      return `${tal(n * 100, 2)}${NBSP}%`;
    case "aar":
      return `${decimaltal(n)}${NBSP}år`;
    case "borgere":
      return `${decimaltal(n)}${NBSP}${n === 1 ? "borger" : "borgere"}`;
    case "parametre":
      return `${decimaltal(n)}${NBSP}${n === 1 ? "parameter" : "parametre"}`;
    case "point":
      return `${decimaltal(n)}${NBSP}point`;
    default:
      // `antal`, and a unit not declared: the number as it is (an integer count shows no decimals).
      return decimaltal(n);
  }
}

/** Any diff value in words: lists joined, yes/no for booleans, numbers the Danish way. */
export function vaerdiTekst(v: unknown, enhed?: string, navn: (s: string) => string = (s) => s): string {
  if (v === undefined || v === null) return "–";
  if (typeof v === "number") return iEnhed(v, enhed);
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if (typeof v === "string") return navn(v);
  if (Array.isArray(v)) return v.length === 0 ? "ingen" : v.map((x) => vaerdiTekst(x, enhed, navn)).join(", ");
  if (typeof v === "object" && "vaerdi" in v) return variantTekst(v as Variant, enhed);
  return JSON.stringify(v);
}

interface Variant {
  navn?: unknown;
  vaerdi?: unknown;
  naar?: { aldersgruppe?: unknown; leverandoertype?: unknown };
}

/** A whole variant (added or removed): its value and whom it applies to. */
function variantTekst(v: Variant, enhed?: string): string {
  const hvem = [v.naar?.aldersgruppe, v.naar?.leverandoertype]
    .flatMap((x) => (Array.isArray(x) ? x : []))
    .map((x) => vaerdiNavn(String(x)));
  return `${vaerdiTekst(v.vaerdi, enhed)}${hvem.length > 0 ? ` (${hvem.join(", ")})` : ""}`;
}

/** A field of a threshold that changed, in words, and how to show its two values. */
export function taerskelFelt(felt: string): { navn: string; enhedsbaseret: boolean; koder?: boolean } {
  switch (felt) {
    case "vaerdi":
      return { navn: "grundværdi (voksne i botilbud)", enhedsbaseret: true };
    case "enhed":
      return { navn: "enhed", enhedsbaseret: false };
    case "beskrivelse":
      return { navn: "beskrivelse", enhedsbaseret: false };
    case "antagelse":
      return { navn: "pilotantagelse", enhedsbaseret: false };
    case "min":
      return { navn: "mindste meningsfulde værdi", enhedsbaseret: true };
    case "max":
      return { navn: "største meningsfulde værdi", enhedsbaseret: true };
    case "varianter.raekkefoelge":
      return { navn: "varianternes rækkefølge (den første, der passer, gælder)", enhedsbaseret: false, koder: true };
  }
  const m = /^varianter\.([^.]+)(?:\.(.+))?$/.exec(felt);
  if (m) {
    const variant = `varianten «${vaerdiNavn(m[1] ?? "")}»`;
    switch (m[2]) {
      case undefined:
        return { navn: variant, enhedsbaseret: true };
      case "vaerdi":
        return { navn: `værdi for ${variant}`, enhedsbaseret: true };
      case "beskrivelse":
        return { navn: `beskrivelse af ${variant}`, enhedsbaseret: false };
      case "naar.aldersgruppe":
        return { navn: `aldersgrupper, ${variant} gælder for`, enhedsbaseret: false, koder: true };
      case "naar.leverandoertype":
        return { navn: `leverandørtyper, ${variant} gælder for`, enhedsbaseret: false, koder: true };
      default:
        return { navn: `${variant}: ${m[2]}`, enhedsbaseret: false };
    }
  }
  return { navn: felt, enhedsbaseret: false };
}

/** Both values of a changed threshold field, each in the unit its own version declares. */
export function taerskelVaerdier(
  felt: string,
  fra: unknown,
  til: unknown,
  enheder: { fra: string | undefined; til: string | undefined },
): [string, string] {
  const f = taerskelFelt(felt);
  if (felt === "enhed")
    return [
      vaerdiTekst(fra, undefined, (s) => opslag(ENHED_NAVN, s)),
      vaerdiTekst(til, undefined, (s) => opslag(ENHED_NAVN, s)),
    ];
  const navn = f.koder ? vaerdiNavn : undefined;
  return [
    vaerdiTekst(fra, f.enhedsbaseret ? enheder.fra : undefined, navn),
    vaerdiTekst(til, f.enhedsbaseret ? enheder.til : undefined, navn),
  ];
}

/** The top-level texts of a regelsæt. */
export function generelFelt(felt: string): string {
  return opslag({ maalgruppe: "målgruppe-id", titel: "titel", beskrivelse: "beskrivelse" }, felt);
}

/** A parameter's text field: `navn`, `beskrivelse`, `niveauer.<niveau>.beskrivelse|vejledning`. */
export function parameterTekstFelt(felt: string): string {
  if (felt === "navn") return "navnet";
  if (felt === "beskrivelse") return "beskrivelsen";
  const m = /^niveauer\.([^.]+)\.(beskrivelse|vejledning)$/.exec(felt);
  if (m) {
    const niveau = `${niveauNavn(m[1] ?? "").toLowerCase()} niveau`;
    return m[2] === "beskrivelse" ? `beskrivelsen af ${niveau}` : `vejledningen til ${niveau}`;
  }
  return felt;
}

/** A field of the indplacering policy, in words, with its two values. */
export function politikFelt(
  felt: string,
  fra: unknown,
  til: unknown,
  parameterNavn: (id: string) => string,
): { navn: string; fra: string; til: string } {
  const med = (navn: string, vis: (v: unknown) => string) => ({ navn, fra: vis(fra), til: vis(til) });
  if (felt === "metode") return med("metode", (v) => vaerdiTekst(v, undefined, (s) => opslag(METODE_NAVN, s)));
  if (felt === "toNiveauer") return med("ansøgningsmodel (kun højt specialiseret mod resten)", (v) => vaerdiTekst(v));
  if (felt === "referenceAntal")
    return med("antal aktive parametre, grænserne er skrevet til", (v) => vaerdiTekst(v, "parametre"));
  const m = /^(niveauvaerdier|krav)(?:\.([^.]+))?$/.exec(felt);
  if (m?.[1] === "niveauvaerdier") {
    const niveau = m[2] ? `${niveauNavn(m[2]).toLowerCase()} niveau` : "hvert niveau";
    return med(`point for ${niveau} (vægtet score)`, (v) => vaerdiTekst(v, "point"));
  }
  if (m?.[1] === "krav") {
    const niveau = m[2] ? `${niveauNavn(m[2]).toLowerCase()} niveau` : "et niveau";
    return med(`parametre, der skal være opfyldt for ${niveau}`, (v) => vaerdiTekst(v, undefined, parameterNavn));
  }
  return med(felt, (v) => vaerdiTekst(v));
}
