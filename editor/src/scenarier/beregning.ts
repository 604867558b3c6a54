// The one place where the scenario view evaluates providers: comparison, the sensitivity sweep
// and the borderline flags, all on the engine's compiled evaluator. It runs inside the worker.
import {
  type Aendringer,
  anvendAendringer,
  enkeltvisVirkning,
  graensetilfaelde as motorensGraenser,
  type Regelsaet,
  type Sammenligning,
  type Scenarie,
  sammenlignScenarier,
  sweep,
} from "../../../engine/index.js";
import type { Enkeltvis, Foelsomhed, Graensetilfaelde } from "./protokol.js";

export interface Styring {
  signal: { aborted: boolean; reason?: unknown };
  onProgress: (faerdige: number, ialt: number) => void;
}

// The engine's default evaluator for comparisons is the compiled one (issue 5), which the
// differential tests hold to the json-rules-engine results.
export function sammenlign(r: Regelsaet, scenarier: Scenarie[], lev: unknown[], s: Styring): Promise<Sammenligning> {
  return sammenlignScenarier(r, scenarier, lev, { signal: s.signal, onProgress: s.onProgress });
}

/** Sweeps one threshold over the given values: providers per level at each value. */
export async function foelsomhed(
  r: Regelsaet,
  aendringer: Aendringer | undefined,
  taerskel: string,
  vaerdier: number[],
  lev: unknown[],
  s: Styring,
): Promise<Foelsomhed> {
  const res = sweep(anvendAendringer(r, aendringer), taerskel, vaerdier, lev, { signal: s.signal });
  return {
    taerskel,
    vaerdier: res.punkter.map((p) => p.vaerdi),
    fordelinger: res.punkter.map((p) => p.fordeling),
    nuvaerende: res.nuvaerende,
  };
}

/** Each change of each scenario (after the first) alone against the starting regelsæt. */
export async function enkeltvis(r: Regelsaet, scenarier: Scenarie[], lev: unknown[], s: Styring): Promise<Enkeltvis> {
  const ud: Enkeltvis = [];
  for (const sc of scenarier) {
    if (!sc.aendringer || Object.keys(sc.aendringer).length === 0) continue;
    const v = await enkeltvisVirkning(r, sc.aendringer, lev, { signal: s.signal });
    ud.push({ scenarie: sc.navn, ...v });
  }
  return ud;
}

/** For each provider, the thresholds whose change by one step (up or down) moves its level. */
export async function graensetilfaelde(
  r: Regelsaet,
  aendringer: Aendringer | undefined,
  lev: unknown[],
  s: Styring,
): Promise<Graensetilfaelde[]> {
  const g = motorensGraenser(anvendAendringer(r, aendringer), lev, { signal: s.signal });
  return g.leverandoerer
    .filter((l) => l.graensetilfaelde.length > 0)
    .map((l) => ({
      leverandoer: l.leverandoer,
      niveau: l.niveau,
      taerskler: l.graensetilfaelde.map((x) => ({
        taerskel: x.variant ? `${x.taerskel}@${x.variant}` : x.taerskel,
        retning: x.retning,
        vaerdi: x.til,
        niveau: x.niveau,
      })),
    }));
}
