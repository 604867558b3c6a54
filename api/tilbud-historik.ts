// A tilbud's history (issue 13): every decision, oldest first, with its version, its level and
// each parameter's level, its status events, and what changed since the previous decision for the
// same afdeling and målgruppe — the input (which fields), the regelsæt (which version), or both.
import {
  canonicalJson,
  type Indplacering,
  type Indplaceringsniveau,
  type ParameterNiveauEllerIkkeRelevant,
  revurderingsStatus,
} from "../engine/index.js";
import { afgoerelsensResultat } from "./indplacering.js";
import type { Kontekst } from "./kontekst.js";
import { egneData } from "./organisation.js";
import { hentIndplacering } from "./store/indplaceringer.js";
import type { Noegle } from "./store/noegler.js";
import { afgoerelserForTilbud, gaeldendeAfgoerelser, haendelserFor, type LagretTilbud } from "./store/tilbud.js";

const erObjekt = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The input fields that differ, two levels deep (`borgere.hoej`, `medarbejdere`). */
export function aendredeFelter(fra: unknown, til: unknown, praefiks = "", dybde = 0): string[] {
  // A section reported on one side only names its fields, not just the section.
  if (fra === undefined && erObjekt(til)) fra = {};
  if (til === undefined && erObjekt(fra)) til = {};
  if (!erObjekt(fra) || !erObjekt(til) || dybde > 1) {
    return canonicalJson(fra ?? null) === canonicalJson(til ?? null) ? [] : [praefiks || "(alt)"];
  }
  const noegler = [...new Set([...Object.keys(fra), ...Object.keys(til)])].sort();
  return noegler.flatMap((k) => aendredeFelter(fra[k], til[k], praefiks ? `${praefiks}.${k}` : k, dybde + 1));
}

interface Forrige {
  input: unknown;
  hash: string;
  version: number | null;
  niveau: Indplaceringsniveau;
  parametre: Map<string, ParameterNiveauEllerIkkeRelevant>;
}

export async function tilbudHistorik(ctx: Kontekst, t: LagretTilbud, n: Noegle, dato: string, anmodning = "") {
  const afgoerelser = await afgoerelserForTilbud(ctx.db, t.id);
  const haendelser = await haendelserFor(
    ctx.db,
    afgoerelser.map((a) => a.indplaceringId),
  );
  const egne = egneData(n, t.socialtilsyn);
  const forrige = new Map<string, Forrige>();
  const poster = [];
  for (const a of afgoerelser) {
    // Few decisions per tilbud: each is read through the store as the decision route reads it.
    const lagret = await hentIndplacering(ctx.db, a.indplaceringId);
    if (!lagret) continue;
    // A compact decision is rebuilt with its stored version and checked, as the decision route does.
    const resultat = (await afgoerelsensResultat(ctx.db, ctx.cache, lagret, ctx.log, anmodning)) as Indplacering;
    const parametre = resultat.parametre.map((p) => ({
      id: p.id,
      niveau: p.niveau,
      regelNiveau: p.regelNiveau,
      ...(p.tilsynsvurdering === undefined ? {} : { tilsynsvurdering: p.tilsynsvurdering }),
    }));
    const noegle = `${a.afdelingId ?? ""}\u0000${a.maalgruppe}`;
    const f = forrige.get(noegle);
    let aendring: Record<string, unknown> = { aarsag: "foerste" };
    if (f) {
      const felter = aendredeFelter(f.input, lagret.vurderingsgrundlag).filter((x) => x !== "leverandoer.navn");
      const regelsaet = f.hash !== lagret.hash;
      aendring = {
        aarsag:
          felter.length > 0 && regelsaet ? "begge" : felter.length > 0 ? "input" : regelsaet ? "regelsaet" : "ingen",
        felter,
        ...(regelsaet ? { regelsaet: { fra: f.version, til: lagret.version } } : {}),
        niveau: { fra: f.niveau, til: resultat.niveau },
        parametre: parametre
          .filter((p) => f.parametre.get(p.id) !== p.niveau)
          .map((p) => ({ id: p.id, fra: f.parametre.get(p.id) ?? null, til: p.niveau })),
      };
    }
    forrige.set(noegle, {
      input: lagret.vurderingsgrundlag,
      hash: lagret.hash,
      version: lagret.version,
      niveau: resultat.niveau,
      parametre: new Map(parametre.map((p) => [p.id, p.niveau])),
    });
    poster.push({
      id: a.indplaceringId,
      afdeling: a.afdelingId,
      maalgruppe: a.maalgruppe,
      status: a.status,
      niveau: resultat.niveau,
      gyldigFra: a.gyldigFra,
      naesteVurdering: a.naesteVurdering,
      overgang: a.overgang,
      regelsaet: { version: lagret.version, hash: lagret.hash, kladde: lagret.kladde },
      noegle: egne ? a.noegle : undefined,
      parametre,
      aendring,
      haendelser: (haendelser.get(a.indplaceringId) ?? []).map((h) => (egne ? h : { ...h, noegle: undefined })),
    });
  }
  const gaeldende = (await gaeldendeAfgoerelser(ctx.db, { socialtilsyn: t.socialtilsyn })).filter(
    (a) => a.tilbudId === t.id,
  );
  return {
    tilbud: t,
    afgoerelser: poster,
    revurderinger: gaeldende.map((a) => ({
      afgoerelse: a.indplaceringId,
      afdeling: a.afdelingId,
      maalgruppe: a.maalgruppe,
      niveau: a.niveau,
      naesteVurdering: a.naesteVurdering,
      status: revurderingsStatus(a.naesteVurdering, dato, 90),
    })),
    dato,
  };
}
