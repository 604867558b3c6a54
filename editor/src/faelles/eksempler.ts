// The shipped example data set and example scenarios, bundled as lazily loaded chunks so the
// editor can compare and test without a round trip.
import type { Scenarie, Vurderingsgrundlag } from "../../../engine/index.js";

export async function eksempeldata(maalgruppe?: string): Promise<Vurderingsgrundlag[]> {
  const m = await import("../../../rulesets/eksempeldata.json");
  const alle = m.default as unknown as Vurderingsgrundlag[];
  return maalgruppe ? alle.filter((x) => x.maalgruppe === maalgruppe) : alle;
}

export async function eksempelScenarier(): Promise<Scenarie[]> {
  const m = await import("../../../rulesets/eksempel-scenarier.json");
  return (m.default as unknown as { scenarier: Scenarie[] }).scenarier;
}

export function leverandoerNavn(v: Vurderingsgrundlag): string {
  const l = v.leverandoer;
  return `${l.navn ?? l.id}${l.afdeling ? `, ${l.afdeling}` : ""}`;
}
