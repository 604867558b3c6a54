// The autisme pilot regelsæt written by hand in plain TypeScript: the reference for what a
// specialised evaluator can do at best, so the benchmark can say how far the compiled path is
// from the practical limit. Not used by the product.
// Mirrors rulesets/autisme.json as of 0d47f2a (pilot thresholds; the særforanstaltning variant
// of aktiv praksis; the 'any' on fagmiljø and vidensudvikling højt; systematisk or formaliseret
// samarbejde on højt; one metode on moderat; hjælpemidler ikke-relevant when the citizens have
// no need; Tabel 4 read monotonically with referenceAntal 8), with the engine's decidable
// unknowns (engine/interval.ts, engine/facts.ts). A level holds when its conditions are true,
// never when one is unknown. Every numeric condition here is a `≥` on a count or share, and
// such a condition is true exactly when the interval's lower bound reaches the threshold: the
// count or share of the members (citizens, list entries) known to match, with an unreported
// value, list or section counting as no match. So one pass counts known matches only and no
// unknown needs tracking. Change this file with the regelsæt, or the bench's agreement drops.
import type {
  Indplaceringsniveau,
  Medarbejder,
  ParameterNiveau,
  ParameterNiveauEllerIkkeRelevant,
  Vurderingsgrundlag,
} from "../engine/index.js";
import { PILOT_PARAMETRE } from "../scripts/pilot-parametre.js";

/** A code list as a null-prototype lookup table (V8 reads it faster than a Set). */
function tabel(koder: readonly string[]): Record<string, true> {
  const t: Record<string, true> = Object.create(null);
  for (const k of koder) t[k] = true;
  return t;
}

// uddannelse.relevanteUddannelser
const RELEVANTE_UDDANNELSER = tabel([
  "paedagog",
  "paedagogiskAssistent",
  "laererUddannelse",
  "socialraadgiver",
  "psykolog",
  "ergoterapeut",
  "sygeplejerske",
  "socialOgSundhedsassistent",
]);
// uddannelse.hoej.certificeringer
const CERTIFICERINGER = tabel(["TEACCH", "KRAP", "LA2", "MarteMeo", "PECS", "diplomAutisme"]);
// metoder.maalgruppespecifikkeMetoder
const METODER = tabel([
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
// samarbejde.relevanteSektorer
const SEKTORER = tabel(["sundhed", "psykiatri", "undervisning", "beskaeftigelse"]);

export const PARAMETRE = PILOT_PARAMETRE;

function niveau(l: boolean, m: boolean, h: boolean): ParameterNiveau {
  return h ? "hoej" : m ? "moderat" : l ? "let" : "ingen";
}

function nogen(liste: readonly string[], maengde: Record<string, true>): boolean {
  for (let i = 0; i < liste.length; i++) if (maengde[liste[i] as string] === true) return true;
  return false;
}

/** Entries of `liste` in `maengde`, duplicates included (antalElementer); 0 when not reported. */
function antalI(liste: readonly string[] | undefined, maengde: Record<string, true>): number {
  if (!liste) return 0;
  let n = 0;
  for (let i = 0; i < liste.length; i++) if (maengde[liste[i] as string] === true) n++;
  return n;
}

// samarbejde.let.former: ad-hoc, systematisk, formaliseret; moderat and hoej: systematisk, formaliseret.
const letForm = (f: string | undefined) => f === "ad-hoc" || f === "systematisk" || f === "formaliseret";
const moderatForm = (f: string | undefined) => f === "systematisk" || f === "formaliseret";
/** andelMedarbejdere: 0 without staff. */
const andel = (n: number, ialt: number) => (ialt === 0 ? 0 : n / ialt);

/**
 * Level per parameter (in PARAMETRE order) into `ud`, and the provider's level. `ud` may hold
 * `ikke-relevant` (an assessor's, or hjælpemidler when the citizens have no need).
 */
export function haandskrevetAutisme(
  v: Vurderingsgrundlag,
  ud: ParameterNiveauEllerIkkeRelevant[],
): Indplaceringsniveau {
  // aktivPraksis: 1, 5 and 10 borgere (the boern variant has the same values); a
  // særforanstaltning's variant is 1 on every level. An unreported need level adds nothing.
  const b = v.borgere;
  const bl = b?.let ?? 0;
  const bm = b?.moderat ?? 0;
  const bh = b?.hoej ?? 0;
  const saer = v.leverandoer.type === "saerforanstaltning";
  const apLet = bl + bm + bh >= 1;
  const apMod = apLet && bm + bh >= (saer ? 1 : 5);
  ud[0] = niveau(apLet, apMod, apMod && bh >= (saer ? 1 : 10));

  // One pass over the staff for every staff criterion; a member counts where it is known to match.
  const ms = v.medarbejdere;
  const ialt = ms ? ms.length : 0;
  let erf1 = 0;
  let erf3 = 0;
  let erf5 = 0;
  let udd = 0;
  let cert = 0;
  let hjm = 0;
  let fastUdd = 0;
  if (ms) {
    for (let i = 0; i < ialt; i++) {
      const m = ms[i] as Medarbejder;
      const e = m.erfaringAar;
      if (e !== undefined) {
        if (e >= 1) erf1++;
        if (e >= 3) erf3++;
        if (e >= 5) erf5++;
      }
      const u = m.uddannelser;
      if (u !== undefined && nogen(u, RELEVANTE_UDDANNELSER)) {
        udd++;
        // fagmiljø counts staff without temps: known not to be a vikar.
        const a = m.ansaettelse;
        if (a !== undefined && a !== "vikar") fastUdd++;
      }
      const c = m.certificeringer;
      if (c !== undefined && nogen(c, CERTIFICERINGER)) cert++;
      if (m.hjaelpemiddelfaglig === true) hjm++;
    }
  }

  // praksiserfaring: half the staff (temps included) with 1, 3 and 5 years.
  const peLet = andel(erf1, ialt) >= 0.5;
  const peMod = peLet && andel(erf3, ialt) >= 0.5;
  ud[1] = niveau(peLet, peMod, peMod && andel(erf5, ialt) >= 0.5);

  // uddannelse: 0.3, 0.5 and 0.5 with relevant education; on højt also 0.25 certified.
  const uAndel = andel(udd, ialt);
  ud[2] = niveau(uAndel >= 0.3, uAndel >= 0.5, uAndel >= 0.5 && andel(cert, ialt) >= 0.25);

  // fagmiljoe: moderat 4 permanent staff with relevant education; højt 8, or 4 and a specialteam.
  const fm = v.fagmiljoe;
  const fmLet = fm?.kompetencerAlleDage === true;
  const fmMod = fmLet && fm?.struktureretSparring === true && fastUdd >= 4;
  ud[3] = niveau(fmLet, fmMod, fmMod && (fastUdd >= 8 || fm?.specialteam === true));

  // samarbejde: both forms among the level's former; moderat 1 relevant sektor, højt 2.
  const s = v.samarbejde;
  const tf = s?.tvaerfagligt;
  const ts = s?.tvaersektorielt;
  const saMod = moderatForm(tf) && moderatForm(ts);
  const sektorer = saMod ? antalI(s?.sektorer, SEKTORER) : 0;
  ud[4] = niveau(letForm(tf) && letForm(ts), saMod && sektorer >= 1, saMod && sektorer >= 2);

  // vidensudvikling: let and moderat alike; højt also one of bidrager, netværk, formidler.
  const vu = v.vidensudvikling;
  const vuLet = vu?.holderSigOpdateret === true;
  const vuHoej =
    vuLet && (vu?.bidragerTilVidensudvikling === true || vu?.deltagerINetvaerk === true || vu?.formidlerViden === true);
  ud[5] = niveau(vuLet, vuLet, vuHoej);

  // metoder: socialpædagogisk praksis and 1, 1 and 3 målgruppespecifikke; højt also særlig tilpasning.
  const me = v.metoder;
  const meSp = me?.socialpaedagogiskPraksis === true;
  const metoder = meSp ? antalI(me?.maalgruppespecifikke, METODER) : 0;
  const meLet = meSp && metoder >= 1;
  ud[6] = niveau(meLet, meLet, meLet && metoder >= 3 && me?.saerligTilpasning === true);

  // hjaelpemidler: 0.1 and 0.2 of the staff hjælpemiddelfaglig; højt also vejleder andre. Not
  // relevant (left out of the count) when the citizens are reported to have no need.
  const hj = v.hjaelpemidler;
  if (hj?.behovHosBorgerne === false) ud[7] = "ikke-relevant";
  else {
    const hjLet = hj?.anvendes === true;
    const hjMod = hjLet && andel(hjm, ialt) >= 0.1;
    ud[7] = niveau(hjLet, hjMod, hjMod && andel(hjm, ialt) >= 0.2 && hj?.vejlederAndre === true);
  }

  // The assessor's own level decides a parameter.
  const tv = v.tilsynsvurdering;
  if (tv)
    for (let i = 0; i < 8; i++) {
      const t = tv[PARAMETRE[i] as string];
      if (t !== undefined) ud[i] = t;
    }

  // Tabel 4, monotonic, 7 of 8 (referenceAntal 8): moderat ≥7 at moderat-or-higher; højt ≥7 at
  // højt, ≤1 at moderat and none below. Each parameter that is not relevant lowers both 7s by one
  // (at least 1); with none that counts, let.
  if (v.godkendt !== true) return "ikke-indplaceret";
  let h = 0;
  let m = 0;
  let ir = 0;
  for (let i = 0; i < 8; i++) {
    const n = ud[i];
    if (n === "hoej") h++;
    else if (n === "moderat") m++;
    else if (n === "ikke-relevant") ir++;
  }
  if (ir === 8) return "let";
  const min = ir >= 6 ? 1 : 7 - ir;
  if (h >= min && m <= 1 && h + m === 8 - ir) return "hoej";
  return h + m >= min ? "moderat" : "let";
}
