// Searching a regelsæt's kodeliste as a caseworker types: by Danish label, code and synonyms,
// case-insensitive, with or without æ/ø/å ("paed" and "pæd" both find Pædagog) and accents.
import { foldTekst, type Kode } from "../../../engine/index.js";

// One folding for the form's search and the server's normaliser (engine/kodelister.ts), so that
// what the search finds is what the server accepts.
export { foldTekst };

/** The folded words a code is found by: its label, its code and its synonyms. */
function noegler(k: Kode): string[] {
  return [k.navn, k.kode, ...(k.synonymer ?? [])].map(foldTekst);
}

export interface Fund {
  kode: Kode;
  /** The synonym that matched, when neither label nor code did (shown so the hit makes sense). */
  viaSynonym?: string;
}

/**
 * The codes matching `soeg`, best first: a label or code that starts with the text, then a word
 * in them that does, then anything containing it, then synonyms in the same order; an empty
 * search lists all in the list's order.
 */
export function soegKoder(liste: readonly Kode[], soeg: string): Fund[] {
  const q = foldTekst(soeg);
  if (q === "") return liste.map((kode) => ({ kode }));
  const rang = (t: string) =>
    t.startsWith(q) ? 0 : t.split(" ").some((o) => o.startsWith(q)) ? 1 : t.includes(q) ? 2 : 3;
  const fund: { f: Fund; r: number; i: number }[] = [];
  liste.forEach((kode, i) => {
    const [navn = "", kodeTekst = "", ...syn] = noegler(kode);
    const r = Math.min(rang(navn), rang(kodeTekst));
    if (r < 3) {
      fund.push({ f: { kode }, r, i });
      return;
    }
    const s = syn.findIndex((x) => rang(x) < 3);
    if (s >= 0) fund.push({ f: { kode, viaSynonym: kode.synonymer?.[s] }, r: 3 + rang(syn[s] ?? ""), i });
  });
  // Within a rank the shorter label first ("pæd": Pædagog before Pædagogisk assistent), then the list's order.
  return fund.sort((a, b) => a.r - b.r || a.f.kode.navn.length - b.f.kode.navn.length || a.i - b.i).map((x) => x.f);
}

/** The code a stored value names: the code itself, or else a label or synonym written out (folded). */
export function findKode(liste: readonly Kode[], vaerdi: string): Kode | undefined {
  const eksakt = liste.find((k) => k.kode === vaerdi);
  if (eksakt) return eksakt;
  const q = foldTekst(vaerdi);
  return liste.find((k) => noegler(k).includes(q));
}
