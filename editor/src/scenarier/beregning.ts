// The one place where the scenario view evaluates providers: comparison, the sensitivity sweep
// and the borderline flags. It runs inside the worker. When the engine gains its fast synchronous
// evaluator and sweep, they are plugged in here and nowhere else.
import {
  type Aendringer,
  anvendAendringer,
  type Fordeling,
  type Regelsaet,
  type Sammenligning,
  type Scenarie,
  sammenlignScenarier,
} from "../../../engine/index.js";
import type { Foelsomhed, Graensetilfaelde } from "./protokol.js";

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
  const grund = anvendAendringer(r, aendringer);
  const scenarier = vaerdier.map((v) => ({ navn: String(v), aendringer: { taerskler: { [taerskel]: v } } }));
  const res = await sammenlign(grund, scenarier, lev, s);
  return { taerskel, vaerdier, fordelinger: res.scenarier.map((x): Fordeling => x.fordeling) };
}

const TRIN: Record<string, number> = { andel: 0.01, borgere: 1, aar: 1, antal: 1, parametre: 1, point: 0.125 };

/** For each provider, the thresholds (base values and variants) whose change by one step moves it. */
export async function graensetilfaelde(
  r: Regelsaet,
  aendringer: Aendringer | undefined,
  lev: unknown[],
  s: Styring,
): Promise<Graensetilfaelde[]> {
  const grund = anvendAendringer(r, aendringer);
  const scenarier: Scenarie[] = [{ navn: "grund" }];
  const info = new Map<string, { taerskel: string; retning: "op" | "ned"; vaerdi: number }>();
  for (const [navn, t] of Object.entries(grund.taerskler)) {
    if (typeof t.vaerdi !== "number") continue;
    const trin = TRIN[t.enhed] ?? 1;
    const maal = [
      { fuldt: navn, v: t.vaerdi },
      ...(t.varianter ?? []).map((x) => ({ fuldt: `${navn}@${x.navn}`, v: x.vaerdi })),
    ];
    for (const { fuldt, v } of maal) {
      if (typeof v !== "number") continue;
      for (const retning of ["op", "ned"] as const) {
        const ny = Math.round((retning === "op" ? v + trin : v - trin) * 1e6) / 1e6;
        if (ny < 0 || (t.enhed === "andel" && ny > 1)) continue;
        const sNavn = `${fuldt} ${retning}`;
        info.set(sNavn, { taerskel: fuldt, retning, vaerdi: ny });
        scenarier.push({ navn: sNavn, aendringer: { taerskler: { [fuldt]: ny } } });
      }
    }
  }
  const res = await sammenlign(grund, scenarier, lev, s);
  return res.flyttede.map((f) => ({
    leverandoer: f.leverandoer,
    taerskler: f.aarsager.flatMap((a) => {
      const i = info.get(a.scenarie);
      return i ? [{ ...i, niveau: a.til }] : [];
    }),
  }));
}
