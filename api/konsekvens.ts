// Real decisions under a draft and across socialtilsyn (issue 13).
// Konsekvensanalyse: the draft run over the decision in force of every tilbud (and afdeling) in
// the målgruppe — its stored input — beside the published version, as the scenario comparison
// shows it (engine sammenlignRegelsaet, the compiled evaluator). Konsistens: for each decision's
// own input and version, how often each socialtilsyn's tilsynsvurdering departs from the rule
// level per parameter, and in which direction.
import {
  erGyldigtVurderingsgrundlag,
  type ForberedtRegelsaet,
  kompiler,
  RANG,
  type Sammenligning,
  sammenlignRegelsaet,
  type Vurderingsgrundlag,
} from "../engine/index.js";
import type { Database } from "./db/database.js";
import type { RegelsaetCache } from "./motor.js";
import { SOCIALTILSYN } from "./organisation.js";
import { hentVurderingsgrundlag, type LagretInput } from "./store/indplaceringer.js";
import { type Afgoerelse, gaeldendeAfgoerelser } from "./store/tilbud.js";

/** Most moved providers listed in an answer; the counts always cover all of them. */
export const MAX_FLYTTEDE = 500;

async function gaeldendeInput(db: Database, maalgruppe: string, socialtilsyn: string | null) {
  const afgoerelser = await gaeldendeAfgoerelser(db, { maalgruppe, socialtilsyn });
  const input = new Map(
    (
      await hentVurderingsgrundlag(
        db,
        afgoerelser.map((a) => a.indplaceringId),
      )
    ).map((i) => [i.id, i]),
  );
  return { afgoerelser, input };
}

export interface KonsekvensResume {
  afgoerelser: number;
  udeladte: number;
  fra: { version: number; hash: string } | null;
  fordeling: Record<string, Sammenligning["scenarier"][number]["fordeling"]>;
  flyttede: number;
  op: number;
  ned: number;
  /** Per parameter: how many moved providers have it at a higher or lower level under the draft. */
  parametre: Record<string, { op: number; ned: number }>;
}

export async function konsekvensanalyse(
  db: Database,
  cache: RegelsaetCache,
  kladde: { forberedt: ForberedtRegelsaet; hash: string },
  socialtilsyn: string | null = null,
): Promise<{ resume: KonsekvensResume; sammenligning: Sammenligning; flyttedeIalt: number; ms: number }> {
  const start = performance.now();
  const maalgruppe = kladde.forberedt.regelsaet.maalgruppe;
  const { afgoerelser, input } = await gaeldendeInput(db, maalgruppe, socialtilsyn);
  const leverandoerer: Vurderingsgrundlag[] = [];
  let udeladte = 0;
  for (const a of afgoerelser) {
    const i = input.get(a.indplaceringId)?.vurderingsgrundlag;
    // A stored input the schema no longer takes cannot be re-run; it is counted, not hidden.
    if (erGyldigtVurderingsgrundlag(i) && i.maalgruppe === maalgruppe) leverandoerer.push(i);
    else udeladte++;
  }
  const publiceret = await cache.version(db, maalgruppe);
  const liste = [
    ...(publiceret ? [{ navn: `Version ${publiceret.version}`, regelsaet: publiceret.forberedt }] : []),
    { navn: "Kladde", regelsaet: kladde.forberedt },
  ];
  const sammenligning = await sammenlignRegelsaet(liste, leverandoerer);
  // No prototype: a parameter may be called e.g. 'constructor'.
  const parametre: KonsekvensResume["parametre"] = Object.create(null);
  let op = 0;
  let ned = 0;
  for (const f of sammenligning.flyttede) {
    for (const aarsag of f.aarsager) {
      if (RANG[aarsag.til] > RANG[aarsag.fra]) op++;
      else ned++;
      for (const p of aarsag.parametre) {
        const post = parametre[p.id] ?? { op: 0, ned: 0 };
        parametre[p.id] = post;
        const fra = rangEllerUdenfor(p.fra);
        const til = rangEllerUdenfor(p.til);
        if (til > fra) post.op++;
        else post.ned++;
      }
    }
  }
  const resume: KonsekvensResume = {
    afgoerelser: leverandoerer.length,
    udeladte,
    fra: publiceret ? { version: publiceret.version as number, hash: publiceret.hash } : null,
    fordeling: Object.fromEntries(sammenligning.scenarier.map((s) => [s.navn, s.fordeling])),
    flyttede: sammenligning.flyttede.length,
    op,
    ned,
    parametre,
  };
  const flyttedeIalt = sammenligning.flyttede.length;
  return {
    resume,
    sammenligning: { ...sammenligning, flyttede: sammenligning.flyttede.slice(0, MAX_FLYTTEDE) },
    flyttedeIalt,
    ms: Math.round(performance.now() - start),
  };
}

export interface KonsistensRaekke {
  socialtilsyn: string;
  afgoerelser: number;
  /** Parameter levels set by the tilsyn (tilsynsvurdering) in all, and how many differ from the rule. */
  vurderet: number;
  afvigelser: number;
  parametre: Record<string, { vurderet: number; enig: number; op: number; ned: number }>;
}

/**
 * For every decision in force made with a published version: its rule level per parameter
 * (the same input without the tilsynsvurdering, with the same version) beside the tilsyn's own.
 */
export async function konsistens(
  db: Database,
  cache: RegelsaetCache,
  maalgruppe: string,
  socialtilsyn: string | null,
): Promise<{ parametre: string[]; socialtilsyn: KonsistensRaekke[]; udeladte: number }> {
  const { afgoerelser, input } = await gaeldendeInput(db, maalgruppe, socialtilsyn);
  const raekker = new Map<string, KonsistensRaekke>();
  for (const t of socialtilsyn === null ? SOCIALTILSYN : [socialtilsyn]) {
    raekker.set(t, { socialtilsyn: t, afgoerelser: 0, vurderet: 0, afvigelser: 0, parametre: Object.create(null) });
  }
  const parameterIds = new Set<string>();
  let udeladte = 0;
  const versioner = new Map<number, ForberedtRegelsaet | undefined>();
  const medVersion = async (i: LagretInput) => {
    if (i.version === null) return undefined;
    if (!versioner.has(i.version))
      versioner.set(i.version, (await cache.version(db, maalgruppe, i.version))?.forberedt);
    return versioner.get(i.version);
  };
  for (const a of afgoerelser as Afgoerelse[]) {
    const lagret = input.get(a.indplaceringId);
    const f = lagret && (await medVersion(lagret));
    const vg = lagret?.vurderingsgrundlag;
    const raekke = raekker.get(a.socialtilsyn);
    if (!f || !raekke || !erGyldigtVurderingsgrundlag(vg)) {
      udeladte++;
      continue;
    }
    const { tilsynsvurdering, ...udenVurdering } = vg;
    const regel = kompiler(f).udfald(udenVurdering as Vurderingsgrundlag).parametre;
    raekke.afgoerelser++;
    for (const [id, regelNiveau] of regel) {
      parameterIds.add(id);
      const post = raekke.parametre[id] ?? { vurderet: 0, enig: 0, op: 0, ned: 0 };
      raekke.parametre[id] = post;
      const egen = tilsynsvurdering?.[id];
      if (egen === undefined || !(egen in RANG) || !(regelNiveau in RANG)) continue;
      post.vurderet++;
      raekke.vurderet++;
      const forskel = rangEllerUdenfor(egen) - rangEllerUdenfor(regelNiveau);
      if (forskel === 0) post.enig++;
      else {
        raekke.afvigelser++;
        if (forskel > 0) post.op++;
        else post.ned++;
      }
    }
  }
  return { parametre: [...parameterIds], socialtilsyn: [...raekker.values()], udeladte };
}

/** A level's rank; a parameter that is switched off or not relevant ranks below every level. */
function rangEllerUdenfor(n: string): number {
  return Object.hasOwn(RANG, n) ? RANG[n as keyof typeof RANG] : -1;
}
