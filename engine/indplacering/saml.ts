// The indplacering's output contract, shared by the compiled production path and the
// json-rules-engine oracle: a parameter's levels and reasons become its result, and the parameter
// results, the policy and the next level become the indplacering.
import type { Indplacering, ParameterResultat, RegelsaetReference } from "../resultat.js";
import type { Niveau, Parameter, ParameterNiveau } from "../schema/regelsaet.js";
import type { Vurderingsgrundlag } from "../schema/vurderingsgrundlag.js";
import type { TaerskelOpslag } from "../taerskler.js";
import type { ForberedtRegelsaet } from "./forberedt.js";
import { type Forklaring, manglendeIForklaring } from "./forklaring.js";
import { naesteNiveau } from "./naeste-niveau.js";
import { anvendPolitik, type ParameterUdfald } from "./politik.js";

export interface Metadata {
  version?: number;
  kladde?: boolean;
}

export function hoejesteNiveau(opfyldt: Record<Niveau, boolean>): ParameterNiveau {
  for (const n of ["hoej", "moderat", "let"] as const) if (opfyldt[n]) return n;
  return "ingen";
}

/** The sentence the reasons give for a parameter that is left out as not relevant. */
export function ikkeRelevantTekst(p: Parameter, af: "regel" | "tilsyn"): string {
  if (af === "tilsyn") return `${p.navn}: tilsynet har vurderet parameteren som ikke relevant; den tælles ikke med.`;
  const k = p.ikkeRelevant?.kilde;
  const kilde = k ? ` (kilde: ${k.dokument}, ${k.afsnit})` : p.ikkeRelevant?.antagelse ? " (antagelse)" : "";
  return `${p.navn}: ikke relevant for leverandøren – ${p.ikkeRelevant?.beskrivelse ?? ""}${kilde}; den tælles ikke med.`;
}

/**
 * A parameter's result from its evaluated level trees and, when it has an `ikkeRelevant` rule,
 * that rule's evaluated tree (`relevans`). Only a definitely true rule makes the parameter not
 * relevant; an unknown one leaves it counted and lists what is missing.
 */
export function parameterFraBegrundelse(
  p: Parameter,
  input: Vurderingsgrundlag,
  begrundelse: ParameterResultat["begrundelse"],
  relevans?: Forklaring,
): ParameterResultat {
  const opfyldt = Object.fromEntries(begrundelse.map((b) => [b.niveau, b.opfyldt === true])) as Record<Niveau, boolean>;
  const regelNiveau = hoejesteNiveau(opfyldt);
  const regelIkkeRelevant = relevans?.opfyldt === true;
  const regelUdfald = regelIkkeRelevant ? "ikke-relevant" : regelNiveau;
  // Own properties only: a parameter id such as "constructor" must not read Object.prototype.
  const vurderinger = input.tilsynsvurdering;
  const tilsynsvurdering = vurderinger && Object.hasOwn(vurderinger, p.id) ? vurderinger[p.id] : undefined;
  const niveau = tilsynsvurdering ?? regelUdfald;
  const mangler = new Set<string>();
  // What a parameter that is left out lacks does not matter for the indplacering.
  if (niveau !== "ikke-relevant") for (const b of begrundelse) manglendeIForklaring(b.betingelser, mangler);
  if (relevans && relevans.opfyldt === null) manglendeIForklaring(relevans, mangler);
  const resultat: ParameterResultat = {
    id: p.id,
    navn: p.navn,
    niveau,
    regelNiveau,
    vaegt: p.vaegt ?? 1,
    begrundelse,
    manglendeOplysninger: [...mangler].sort(),
  };
  if (relevans) resultat.relevans = relevans;
  if (tilsynsvurdering) {
    resultat.tilsynsvurdering = tilsynsvurdering;
    resultat.afvigerFraRegler = tilsynsvurdering !== regelUdfald;
  }
  if (niveau === "ikke-relevant") {
    const af = tilsynsvurdering ? "tilsyn" : "regel";
    resultat.ikkeRelevant = { af, tekst: ikkeRelevantTekst(p, af) };
    const kilde = af === "regel" ? p.ikkeRelevant?.kilde : undefined;
    if (kilde) resultat.ikkeRelevant.kilde = kilde;
  }
  return resultat;
}

/** Combines parameter results into the indplacering; shared by both paths. */
export function saml(
  f: ForberedtRegelsaet,
  input: Vurderingsgrundlag,
  parametre: ParameterResultat[],
  opslag: TaerskelOpslag,
  meta: Metadata,
): Indplacering {
  const udfald: ParameterUdfald[] = parametre.map((p) => ({ id: p.id, niveau: p.niveau, vaegt: p.vaegt }));
  const politik = anvendPolitik(f.regelsaet.indplacering, opslag, udfald, input.godkendt);
  const mangler = new Set<string>();
  if (input.godkendt === undefined) mangler.add("godkendt");
  for (const p of parametre) for (const m of p.manglendeOplysninger) mangler.add(m);
  const regelsaetRef: RegelsaetReference = {
    maalgruppe: f.regelsaet.maalgruppe,
    hash: f.hash,
    kladde: meta.kladde ?? false,
  };
  if (meta.version !== undefined) regelsaetRef.version = meta.version;
  const leverandoer: Indplacering["leverandoer"] = { id: input.leverandoer.id };
  if (input.leverandoer.navn) leverandoer.navn = input.leverandoer.navn;
  if (input.leverandoer.afdeling) leverandoer.afdeling = input.leverandoer.afdeling;
  const resultat: Indplacering = {
    niveau: politik.niveau,
    maalgruppe: f.regelsaet.maalgruppe,
    leverandoer,
    regelsaet: regelsaetRef,
    politik,
    parametre,
    manglendeOplysninger: [...mangler].sort(),
    naesteNiveau: null,
  };
  const ikkeRelevante = parametre.flatMap((p) =>
    p.ikkeRelevant ? [{ id: p.id, navn: p.navn, tekst: p.ikkeRelevant.tekst }] : [],
  );
  if (ikkeRelevante.length > 0) resultat.ikkeRelevante = ikkeRelevante;
  resultat.naesteNiveau = naesteNiveau(f.regelsaet, resultat, opslag);
  return resultat;
}
