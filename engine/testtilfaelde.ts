// A regelsæt's own test suite: golden cases (input → expected level and parameter levels) that
// must pass before a draft is published.
import { forbered } from "./indplacering/forberedt.js";
import { indplacer } from "./indplacering/jre.js";
import { EngineError } from "./problem.js";
import type { Indplacering } from "./resultat.js";
import type { Regelsaet, Testtilfaelde } from "./schema/regelsaet.js";
import { niveauOrd } from "./taerskel-etiketter.js";

export interface TesttilfaeldeResultat {
  navn: string;
  bestaaet: boolean;
  forventet: Testtilfaelde["forventet"];
  faktisk?: { niveau: Indplacering["niveau"]; parametre: Record<string, string> };
  /** Danish sentences naming each difference, or why the case could not run. */
  afvigelser: string[];
}

export async function koerTesttilfaelde(
  r: Regelsaet,
  tilfaelde: Testtilfaelde[] = r.testtilfaelde ?? [],
): Promise<TesttilfaeldeResultat[]> {
  const f = forbered(r);
  const ud: TesttilfaeldeResultat[] = [];
  for (const t of tilfaelde) {
    let res: Indplacering;
    try {
      res = await indplacer(f, t.vurderingsgrundlag);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      const detaljer = e.detaljer.map((d) => `${d.path}: ${d.message}`).join("; ");
      ud.push({
        navn: t.navn,
        bestaaet: false,
        forventet: t.forventet,
        afvigelser: [`${e.message} ${detaljer}`.trim()],
      });
      continue;
    }
    const parametre = Object.fromEntries(res.parametre.map((p) => [p.id, p.niveau]));
    const afvigelser: string[] = [];
    // In the analyst's words: "Fagmiljø: forventet højt, fik moderat."
    if (res.niveau !== t.forventet.niveau)
      afvigelser.push(`Samlet niveau: forventet ${niveauOrd(t.forventet.niveau)}, fik ${niveauOrd(res.niveau)}.`);
    for (const [id, forventet] of Object.entries(t.forventet.parametre ?? {})) {
      const faktisk = parametre[id] ?? "slaaet-fra";
      const navn = r.parametre.find((p) => p.id === id)?.navn ?? id;
      if (faktisk !== forventet)
        afvigelser.push(`${navn}: forventet ${niveauOrd(forventet)}, fik ${niveauOrd(faktisk)}.`);
    }
    ud.push({
      navn: t.navn,
      bestaaet: afvigelser.length === 0,
      forventet: t.forventet,
      faktisk: { niveau: res.niveau, parametre },
      afvigelser,
    });
  }
  return ud;
}
