// The autisme pilot regelsæt (rulesets/autisme.json, pilot thresholds) written by hand in plain
// TypeScript: the reference for what a specialised evaluator can do at best, so the benchmark
// can say how far the compiled path is from the practical limit. Not used by the product.
// Every autisme level is a conjunction of conditions, so "met" means every condition is
// reported and holds; information that is not reported never counts as met.
import type { Indplaceringsniveau, ParameterNiveau, Vurderingsgrundlag } from "../engine/index.js";
import { PILOT_PARAMETRE } from "../scripts/pilot-parametre.js";

const RELEVANTE_UDDANNELSER = new Set([
  "paedagog",
  "paedagogiskAssistent",
  "laererUddannelse",
  "socialraadgiver",
  "psykolog",
  "ergoterapeut",
  "sygeplejerske",
  "socialOgSundhedsassistent",
]);
const CERTIFICERINGER = new Set(["TEACCH", "KRAP", "LA2", "MarteMeo", "PECS", "diplomAutisme"]);
const METODER = new Set([
  "TEACCH",
  "KRAP",
  "LA2",
  "MarteMeo",
  "PECS",
  "socialeHistorier",
  "CATkit",
  "sanseintegration",
  "ESDM",
]);
const SEKTORER = new Set(["sundhed", "psykiatri", "undervisning", "beskaeftigelse"]);
const LET_FORMER = new Set(["ad-hoc", "systematisk", "formaliseret"]);
const MODERAT_FORMER = new Set(["systematisk", "formaliseret"]);

export const PARAMETRE = PILOT_PARAMETRE;

function niveau(l: boolean, m: boolean, h: boolean): ParameterNiveau {
  return h ? "hoej" : m ? "moderat" : l ? "let" : "ingen";
}

function nogen(liste: readonly string[], maengde: Set<string>): boolean {
  for (const x of liste) if (maengde.has(x)) return true;
  return false;
}

function antalI(liste: readonly string[] | undefined, maengde: Set<string>): number {
  if (!liste) return -1;
  let n = 0;
  for (const x of liste) if (maengde.has(x)) n++;
  return n;
}

/** Level per parameter (in PARAMETRE order) into `ud`, and the provider's level. */
export function haandskrevetAutisme(v: Vurderingsgrundlag, ud: ParameterNiveau[]): Indplaceringsniveau {
  // aktivPraksis
  const b = v.borgere;
  const bl = b?.let;
  const bm = b?.moderat;
  const bh = b?.hoej;
  const alleKendt = bl !== undefined && bm !== undefined && bh !== undefined;
  const mhKendt = bm !== undefined && bh !== undefined;
  const apLet = alleKendt && bl + bm + bh >= 1;
  const apMod = apLet && mhKendt && bm + bh >= 5;
  ud[0] = niveau(apLet, apMod, apMod && bh >= 10);

  // One pass over the staff for every staff criterion.
  const ms = v.medarbejdere;
  let ialt = 0;
  let erf1 = 0;
  let erf3 = 0;
  let erf5 = 0;
  let udd = 0;
  let cert = 0;
  let hjm = 0;
  let fastUdd = 0;
  let erfUkendt = !ms;
  let uddUkendt = !ms;
  let certUkendt = !ms;
  let hjmUkendt = !ms;
  let fastUkendt = !ms;
  if (ms) {
    for (const m of ms) {
      ialt++;
      const e = m.erfaringAar;
      if (e === undefined) erfUkendt = true;
      else {
        if (e >= 1) erf1++;
        if (e >= 3) erf3++;
        if (e >= 5) erf5++;
      }
      const u = m.uddannelser;
      const harUdd = u !== undefined && nogen(u, RELEVANTE_UDDANNELSER);
      if (u === undefined) uddUkendt = true;
      else if (harUdd) udd++;
      if (m.certificeringer === undefined) certUkendt = true;
      else if (nogen(m.certificeringer, CERTIFICERINGER)) cert++;
      if (m.hjaelpemiddelfaglig === undefined) hjmUkendt = true;
      else if (m.hjaelpemiddelfaglig) hjm++;
      // Permanent staff only: a temp's education is not asked about.
      if (m.ansaettelse === undefined) fastUkendt = true;
      else if (m.ansaettelse === "fast") {
        if (u === undefined) fastUkendt = true;
        else if (harUdd) fastUdd++;
      }
    }
  }
  const andel = (n: number) => (ialt === 0 ? 0 : n / ialt);

  // praksiserfaring
  const peLet = !erfUkendt && andel(erf1) >= 0.5;
  const peMod = peLet && andel(erf3) >= 0.5;
  ud[1] = niveau(peLet, peMod, peMod && andel(erf5) >= 0.5);

  // uddannelse
  const uAndel = andel(udd);
  ud[2] = niveau(
    !uddUkendt && uAndel >= 0.3,
    !uddUkendt && uAndel >= 0.5,
    !uddUkendt && uAndel >= 0.5 && !certUkendt && andel(cert) >= 0.25,
  );

  // fagmiljoe
  const fm = v.fagmiljoe;
  const fmLet = fm?.kompetencerAlleDage === true;
  const fmMod = fmLet && fm?.struktureretSparring === true && !fastUkendt && fastUdd >= 4;
  ud[3] = niveau(fmLet, fmMod, fmMod && fm?.specialteam === true && fastUdd >= 8);

  // samarbejde
  const s = v.samarbejde;
  const tf = s?.tvaerfagligt;
  const ts = s?.tvaersektorielt;
  const sektorer = antalI(s?.sektorer, SEKTORER);
  const saLet = tf !== undefined && ts !== undefined && LET_FORMER.has(tf) && LET_FORMER.has(ts);
  const saMod = saLet && MODERAT_FORMER.has(tf) && MODERAT_FORMER.has(ts) && sektorer >= 1;
  ud[4] = niveau(saLet, saMod, saMod && tf === "formaliseret" && ts === "formaliseret" && sektorer >= 2);

  // vidensudvikling
  const vu = v.vidensudvikling;
  const vuLet = vu?.holderSigOpdateret === true;
  const vuMod = vuLet && vu?.deltagerINetvaerk === true;
  ud[5] = niveau(vuLet, vuMod, vuMod && vu?.bidragerTilVidensudvikling === true && vu?.formidlerViden === true);

  // metoder
  const me = v.metoder;
  const metoder = antalI(me?.maalgruppespecifikke, METODER);
  const meLet = me?.socialpaedagogiskPraksis === true && metoder >= 1;
  const meMod = meLet && metoder >= 2;
  ud[6] = niveau(meLet, meMod, meMod && metoder >= 3 && me?.saerligTilpasning === true);

  // hjaelpemidler
  const hj = v.hjaelpemidler;
  const hjLet = hj?.anvendes === true;
  const hjMod = hjLet && !hjmUkendt && andel(hjm) >= 0.1;
  ud[7] = niveau(hjLet, hjMod, hjMod && andel(hjm) >= 0.2 && hj?.vejlederAndre === true);

  // The assessor's own level decides a parameter (the generated data never says "ikke-relevant",
  // which this baseline does not model).
  const tv = v.tilsynsvurdering;
  if (tv)
    for (let i = 0; i < 8; i++)
      ud[i] = (tv[PARAMETRE[i] as string] as ParameterNiveau | undefined) ?? (ud[i] as ParameterNiveau);

  // Tabel 4 (8 active parameters): ≥7 at moderat-or-higher; ≥7 højt, ≤1 moderat, none below.
  if (v.godkendt !== true) return "ikke-indplaceret";
  let h = 0;
  let m = 0;
  for (let i = 0; i < 8; i++) {
    if (ud[i] === "hoej") h++;
    else if (ud[i] === "moderat") m++;
  }
  if (h >= 7 && m <= 1 && h + m === 8) return "hoej";
  return h + m >= 7 ? "moderat" : "let";
}
