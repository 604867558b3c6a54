// Picks, with the engine, a threshold change for the browser test: one that keeps every golden
// case passing (so the draft can be published) and moves at least one example provider (so the
// test panel and the scenario comparison visibly change). Computed, not hard-coded, so the test
// follows the pilot regelsæt and the example data as they evolve.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { anvendAendringer, type Regelsaet, type Vurderingsgrundlag } from "../../engine/index.js";
import { indplacer } from "../../engine/indplacering/jre.js";
import { koerTesttilfaelde } from "../../engine/testtilfaelde.js";
import { ROD } from "./bygning.js";

export interface TaerskelValg {
  navn: string;
  gammel: number;
  ny: number;
  enhed: string;
  leverandoer: { id: string; navn: string; fra: string; til: string };
}

const laes = <T>(fil: string): T => JSON.parse(readFileSync(join(ROD, "rulesets", fil), "utf8")) as T;

export function pilot(maalgruppe: string): Regelsaet {
  const r = laes<Regelsaet>(`${maalgruppe}.json`);
  return { ...r, testtilfaelde: r.testtilfaelde ?? laes(`testtilfaelde/${maalgruppe}.json`) };
}

export function eksempler(maalgruppe: string): Vurderingsgrundlag[] {
  return laes<Vurderingsgrundlag[]>("eksempeldata.json").filter((v) => v.maalgruppe === maalgruppe);
}

export async function findTaerskelAendring(maalgruppe: string): Promise<TaerskelValg> {
  const r = pilot(maalgruppe);
  const data = eksempler(maalgruppe);
  const foer = new Map<string, string>();
  for (const v of data) foer.set(v.leverandoer.id, (await indplacer(r, v)).niveau);
  const foretrukne = [
    "uddannelse.moderat.minAndel",
    "aktivPraksis.moderat.minBorgere",
    "praksiserfaring.moderat.minAndel",
  ];
  const navne = [...foretrukne, ...Object.keys(r.taerskler).filter((n) => !foretrukne.includes(n))];
  for (const navn of navne) {
    const t = r.taerskler[navn];
    if (!t || typeof t.vaerdi !== "number" || navn.startsWith("indplacering.")) continue;
    const trin = t.enhed === "andel" ? 0.05 : 1;
    for (const k of [1, -1, 2, -2, 3, -3, 4, -4]) {
      const ny = Math.round((t.vaerdi + k * trin) * 100) / 100;
      if (ny < 0 || (t.enhed === "andel" && ny > 1)) continue;
      const r2 = anvendAendringer(r, { taerskler: { [navn]: ny } });
      if (!(await koerTesttilfaelde(r2)).every((x) => x.bestaaet)) continue;
      for (const v of data) {
        const til = (await indplacer(r2, v)).niveau;
        const fra = foer.get(v.leverandoer.id) ?? "";
        if (til !== fra) {
          return {
            navn,
            gammel: t.vaerdi,
            ny,
            enhed: t.enhed,
            leverandoer: { id: v.leverandoer.id, navn: v.leverandoer.navn ?? v.leverandoer.id, fra, til },
          };
        }
      }
    }
  }
  throw new Error(
    `E2E: ingen tærskelændring i ${maalgruppe} flytter en eksempelleverandør og lader testtilfældene bestå`,
  );
}
