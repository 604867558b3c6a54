// The changes that turn one regelsæt into another, as scenario changes, where the scenario
// vocabulary can say them: thresholds (and variants), weights, parameters on/off and the policy.
// Changes to rule text cannot be a scenario; they are counted so the view can say so.
import type { Aendringer, Regelsaet } from "../../../engine/index.js";

const ens = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function aendringerMellem(fra: Regelsaet, til: Regelsaet): { aendringer: Aendringer; andre: number } {
  const a: Required<Pick<Aendringer, "taerskler" | "vaegte" | "aktive">> & Aendringer = {
    taerskler: {},
    vaegte: {},
    aktive: {},
  };
  let andre = 0;
  for (const [navn, t] of Object.entries(til.taerskler)) {
    const f = fra.taerskler[navn];
    if (!f) {
      andre++;
      continue;
    }
    if (!ens(f.vaerdi, t.vaerdi)) a.taerskler[navn] = t.vaerdi;
    for (const v of t.varianter ?? []) {
      const fv = f.varianter?.find((x) => x.navn === v.navn);
      if (!fv) andre++;
      else if (!ens(fv.vaerdi, v.vaerdi)) a.taerskler[`${navn}@${v.navn}`] = v.vaerdi;
    }
  }
  for (const p of til.parametre) {
    const f = fra.parametre.find((x) => x.id === p.id);
    if (!f) {
      andre++;
      continue;
    }
    if ((f.vaegt ?? 1) !== (p.vaegt ?? 1)) a.vaegte[p.id] = p.vaegt ?? 1;
    if ((f.aktiv ?? true) !== (p.aktiv ?? true)) a.aktive[p.id] = p.aktiv ?? true;
    if (!ens(f.niveauer, p.niveauer)) andre++;
  }
  if (!ens(fra.indplacering, til.indplacering)) a.indplacering = til.indplacering;
  const ud: Aendringer = {};
  if (Object.keys(a.taerskler).length) ud.taerskler = a.taerskler;
  if (Object.keys(a.vaegte).length) ud.vaegte = a.vaegte;
  if (Object.keys(a.aktive).length) ud.aktive = a.aktive;
  if (a.indplacering) ud.indplacering = a.indplacering;
  return { aendringer: ud, andre };
}

export function antalAendringer(a: Aendringer | undefined): number {
  if (!a) return 0;
  return (
    Object.keys(a.taerskler ?? {}).length +
    Object.keys(a.vaegte ?? {}).length +
    Object.keys(a.aktive ?? {}).length +
    Object.keys(a.indplacering ?? {}).length
  );
}
