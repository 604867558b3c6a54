// Controlled vocabularies (kodelister): the list-valued inputs of a vurderingsgrundlag are
// normalised to the regelsæt's codes where the input enters (API, CSV, CLI, scenario input, the
// editor's form), so that "Pædagog", "paedagog" and "pædagoguddannelse" count alike and an
// unknown word is an error with a suggestion — never a silently lower level. A regelsæt without
// a kodeliste for a field leaves that field as it is.
import { naermeste } from "./naermeste.js";
import { type Problem, problem, type Sti } from "./problem.js";
import { KODELISTER, type Kode, type KodelisteNavn, type Regelsaet } from "./schema/regelsaet.js";

/** Where in a vurderingsgrundlag each kodeliste applies, as the caller reads the path. */
export const KODELISTE_FELTER: Readonly<Record<KodelisteNavn, { sti: string; beskrivelse: string }>> = {
  uddannelser: { sti: "medarbejdere[].uddannelser", beskrivelse: "uddannelse" },
  certificeringer: { sti: "medarbejdere[].certificeringer", beskrivelse: "certificering" },
  metoder: { sti: "metoder.maalgruppespecifikke", beskrivelse: "metode" },
  sektorer: { sti: "samarbejde.sektorer", beskrivelse: "sektor" },
};

/** Words that, as the only element, state an explicit empty list (none), unlike an absent field. */
const INGEN = new Set([
  "ingen",
  "ingen uddannelse",
  "ingen uddannelser",
  "ingen certificering",
  "ingen certificeringer",
]);

/**
 * The form a word is compared in, by the server's normaliser and the form's search alike: lower
 * case, æ/ø/å as ae/oe/aa and other accents folded (é → e), runs of spaces, dashes, underscores
 * and slashes as one space, so that input with or without Danish letters or hyphens matches.
 */
export function foldTekst(s: string): string {
  return s
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s\-_/]+/g, " ")
    .trim();
}

/** The kodeliste a regelsæt has for a field, or undefined. */
export function kodelisteFor(r: Pick<Regelsaet, "kodelister">, navn: KodelisteNavn): readonly Kode[] | undefined {
  return r.kodelister?.[navn];
}

interface Opslag {
  /** Folded code, label or synonym → code. */
  koder: Map<string, string>;
  /** Every folded word, for suggestions. */
  ord: string[];
}

const OPSLAG = new WeakMap<readonly Kode[], Opslag>();

function opslagFor(liste: readonly Kode[]): Opslag {
  let o = OPSLAG.get(liste);
  if (!o) {
    const koder = new Map<string, string>();
    // Codes first, so that a code always means itself even if some label folds to it.
    for (const k of liste) koder.set(foldTekst(k.kode), k.kode);
    for (const k of liste) {
      for (const ord of [k.navn, ...(k.synonymer ?? [])]) {
        const f = foldTekst(ord);
        if (!koder.has(f)) koder.set(f, k.kode);
      }
    }
    o = { koder, ord: [...koder.keys()] };
    OPSLAG.set(liste, o);
  }
  return o;
}

export type NormaliseretVaerdi = { kode: string } | { kode?: undefined; forslag?: string };

/**
 * One word to its code: `{ kode }` when the word is a code, label or synonym of the field's
 * kodeliste (or the regelsæt has no kodeliste for it: then the word itself), else a suggestion.
 */
export function normaliserVaerdi(
  r: Pick<Regelsaet, "kodelister">,
  navn: KodelisteNavn,
  vaerdi: string,
): NormaliseretVaerdi {
  const liste = kodelisteFor(r, navn);
  if (!liste) return { kode: vaerdi };
  const o = opslagFor(liste);
  const f = foldTekst(vaerdi);
  const kode = o.koder.get(f);
  if (kode !== undefined) return { kode };
  const naer = naermeste(f, o.ord);
  return naer === undefined ? {} : { forslag: o.koder.get(naer) as string };
}

/** The label of a code, for messages and forms. */
export function kodeNavn(r: Pick<Regelsaet, "kodelister">, navn: KodelisteNavn, kode: string): string | undefined {
  return kodelisteFor(r, navn)?.find((k) => k.kode === kode)?.navn;
}

export interface Normalisering<T> {
  /** A copy with every list-valued input as codes; the input itself is never changed. */
  grundlag: T;
  /** Unknown words, each naming its field path with a suggestion. */
  problemer: Problem[];
}

/**
 * Normalises a vurderingsgrundlag's list-valued inputs to the regelsæt's codes. Tolerant of any
 * shape: what is not a list of texts where one is expected is left for schema validation.
 * `rod` prefixes the paths (e.g. `["leverandoerer", 3]` in a batch).
 */
export function normaliserGrundlag<T>(r: Pick<Regelsaet, "kodelister">, grundlag: T, rod: Sti = []): Normalisering<T> {
  if (!r.kodelister || grundlag === null || typeof grundlag !== "object" || Array.isArray(grundlag)) {
    return { grundlag, problemer: [] };
  }
  const problemer: Problem[] = [];
  const g = { ...(grundlag as Record<string, unknown>) };
  const liste = (navn: KodelisteNavn, v: unknown, sti: Sti) => normaliserListe(r, navn, v, sti, problemer);
  if (Array.isArray(g.medarbejdere)) {
    g.medarbejdere = g.medarbejdere.map((m: unknown, i) => {
      if (m === null || typeof m !== "object" || Array.isArray(m)) return m;
      const kopi = { ...(m as Record<string, unknown>) };
      if ("uddannelser" in kopi)
        kopi.uddannelser = liste("uddannelser", kopi.uddannelser, [...rod, "medarbejdere", i, "uddannelser"]);
      if ("certificeringer" in kopi)
        kopi.certificeringer = liste("certificeringer", kopi.certificeringer, [
          ...rod,
          "medarbejdere",
          i,
          "certificeringer",
        ]);
      return kopi;
    });
  }
  for (const [sektion, felt, navn] of [
    ["metoder", "maalgruppespecifikke", "metoder"],
    ["samarbejde", "sektorer", "sektorer"],
  ] as const) {
    const s = g[sektion];
    if (s === null || typeof s !== "object" || Array.isArray(s) || !(felt in s)) continue;
    const kopi = { ...(s as Record<string, unknown>) };
    kopi[felt] = liste(navn, kopi[felt], [...rod, sektion, felt]);
    g[sektion] = kopi;
  }
  return { grundlag: g as T, problemer };
}

function normaliserListe(
  r: Pick<Regelsaet, "kodelister">,
  navn: KodelisteNavn,
  v: unknown,
  sti: Sti,
  problemer: Problem[],
): unknown {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) return v;
  if (!kodelisteFor(r, navn)) return v;
  const ord = v as string[];
  if (
    ord.length === 1 &&
    INGEN.has(foldTekst(ord[0] as string)) &&
    normaliserVaerdi(r, navn, ord[0] as string).kode === undefined
  ) {
    return [];
  }
  const ud: string[] = [];
  ord.forEach((x, i) => {
    const n = normaliserVaerdi(r, navn, x);
    if (n.kode !== undefined) {
      if (!ud.includes(n.kode)) ud.push(n.kode);
      return;
    }
    const hvad = KODELISTE_FELTER[navn].beskrivelse;
    const ingen = INGEN.has(foldTekst(x)) ? " 'ingen' kan kun stå alene i listen." : "";
    const forslag = n.forslag ? ` Mente du '${n.forslag}' (${kodeNavn(r, navn, n.forslag)})?` : "";
    problemer.push(
      problem([...sti, i], `'${x}' er ikke en kendt ${hvad} i regelsættets kodeliste '${navn}'.${forslag}${ingen}`),
    );
  });
  return ud;
}

/**
 * The regelsæt's own kodelister checked: codes unique, no word (label or synonym, folded) naming
 * two codes, and every list threshold with a `kodeliste` made of that kodeliste's codes.
 */
export function kodelisteProblemer(r: Regelsaet): Problem[] {
  const fejl: Problem[] = [];
  for (const navn of KODELISTER) {
    const liste = r.kodelister?.[navn];
    if (!liste) continue;
    const kodeAf = new Map<string, { kode: string; i: number }>();
    liste.forEach((k, i) => {
      const f = foldTekst(k.kode);
      const foer = kodeAf.get(f);
      if (foer) {
        fejl.push(
          problem(
            ["kodelister", navn, i, "kode"],
            `Koden '${k.kode}' findes allerede (kodelister.${navn}[${foer.i}]).`,
          ),
        );
      } else kodeAf.set(f, { kode: k.kode, i });
    });
    const ordAf = new Map<string, string>();
    liste.forEach((k, i) => {
      const ord: [string, Sti][] = [
        [k.navn, ["kodelister", navn, i, "navn"]],
        ...(k.synonymer ?? []).map((s, j): [string, Sti] => [s, ["kodelister", navn, i, "synonymer", j]]),
      ];
      for (const [o, sti] of ord) {
        const f = foldTekst(o);
        const anden = kodeAf.get(f)?.kode ?? ordAf.get(f);
        if (anden !== undefined && anden !== k.kode) {
          fejl.push(problem(sti, `'${o}' betyder allerede '${anden}'; et ord må kun pege på én kode.`));
        } else ordAf.set(f, k.kode);
      }
    });
  }
  for (const [navn, t] of Object.entries(r.taerskler)) {
    if (!t.kodeliste) continue;
    const liste = r.kodelister?.[t.kodeliste];
    if (!liste) {
      fejl.push(problem(["taerskler", navn, "kodeliste"], `Regelsættet har ingen kodeliste '${t.kodeliste}'.`));
      continue;
    }
    const koder = new Set(liste.map((k) => k.kode));
    const tjek = (v: unknown, sti: Sti) => {
      if (!Array.isArray(v)) {
        fejl.push(problem(sti, "En tærskel med kodeliste skal være en liste."));
        return;
      }
      v.forEach((x, i) => {
        if (typeof x === "string" && koder.has(x)) return;
        const n = typeof x === "string" ? normaliserVaerdi(r, t.kodeliste as KodelisteNavn, x) : {};
        const hint =
          n.kode !== undefined
            ? ` Brug koden '${n.kode}'.`
            : "forslag" in n && n.forslag
              ? ` Mente du '${n.forslag}'?`
              : "";
        fejl.push(problem([...sti, i], `'${String(x)}' er ikke en kode i kodelisten '${t.kodeliste}'.${hint}`));
      });
    };
    tjek(t.vaerdi, ["taerskler", navn, "vaerdi"]);
    t.varianter?.forEach((v, i) => tjek(v.vaerdi, ["taerskler", navn, "varianter", i, "vaerdi"]));
  }
  return fejl;
}
