// What batch work (scenario comparison, sweeps) needs from an evaluation: the provider's level
// and each active parameter's level. json-rules-engine is the authority; a faster evaluator
// must give the same answers (see the differential tests).
import { type ForberedtRegelsaet, indplacer } from "./indplacer.js";
import type { Indplaceringsniveau } from "./politik.js";
import type { ParameterNiveauEllerIkkeRelevant } from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";

export interface Udfald {
  niveau: Indplaceringsniveau;
  parametre: Map<string, ParameterNiveauEllerIkkeRelevant>;
}

export type Evaluator = (f: ForberedtRegelsaet) => (input: Vurderingsgrundlag) => Udfald | Promise<Udfald>;

export const jreEvaluator: Evaluator = (f) => async (input) => {
  const r = await indplacer(f, input);
  return { niveau: r.niveau, parametre: new Map(r.parametre.map((p) => [p.id, p.niveau])) };
};
