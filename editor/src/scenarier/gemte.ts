// Saved scenarios over the API (GET/POST/PUT/DELETE /regelsaet/:m/scenarier), their export as
// JSON and CSV, and "Gør scenariet til kladde": the scenario's changes applied to the målgruppe's
// draft (or to the published version when there is no draft) and saved with If-Match, so a
// draft someone else saved meanwhile is never overwritten.
import { type Aendringer, anvendAendringer, type Scenarie } from "../../../engine/index.js";
import type { Api } from "../faelles/api.js";
import { ApiFejl, type ApiKald } from "../faelles/api-klient.js";
import { aktueltUdkast, glemUdkast } from "../regelsaet/useUdkast.js";

export interface GemtScenarie extends Scenarie {
  id: number;
  forfatter: string;
  oprettet: string;
  opdateret: string;
}

export function lavScenarieApi(kald: ApiKald) {
  const sti = (m: string) => `/regelsaet/${encodeURIComponent(m)}/scenarier`;
  const krop = (s: Scenarie) => ({
    navn: s.navn,
    ...(s.beskrivelse ? { beskrivelse: s.beskrivelse } : {}),
    aendringer: s.aendringer ?? {},
  });
  return {
    async liste(m: string): Promise<GemtScenarie[]> {
      const { data } = await kald<{ scenarier: GemtScenarie[] }>(sti(m));
      return data.scenarier ?? [];
    },
    async gem(m: string, s: Scenarie): Promise<GemtScenarie> {
      return (await kald<GemtScenarie>(sti(m), { method: "POST", body: krop(s) })).data;
    },
    async erstat(m: string, id: number, s: Scenarie): Promise<GemtScenarie> {
      return (await kald<GemtScenarie>(`${sti(m)}/${id}`, { method: "PUT", body: krop(s) })).data;
    },
    async slet(m: string, id: number): Promise<void> {
      await kald(`${sti(m)}/${id}`, { method: "DELETE" });
    },
    async csv(m: string): Promise<string> {
      const { data } = await kald<unknown>(`${sti(m)}?format=csv`, { headers: { Accept: "text/csv" } });
      return typeof data === "string" ? data : JSON.stringify(data);
    },
  };
}

export type ScenarieApi = ReturnType<typeof lavScenarieApi>;

/** Offers a text as a file to download. */
export function hentFil(navn: string, indhold: string, type: string): void {
  const url = URL.createObjectURL(new Blob([indhold], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = navn;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Applies a scenario's changes to the målgruppe's draft and saves it (If-Match on the draft's
 * ETag; no draft yet: a new one from the published version). Refused while the regelsæt page
 * holds unsaved edits, which the save would otherwise hide.
 */
export async function goerTilKladde(api: Api, maalgruppe: string, aendringer: Aendringer | undefined): Promise<void> {
  if (aktueltUdkast(maalgruppe)?.ikkeGemt)
    throw new Error("Kladden har ændringer, der ikke er gemt. Gem eller kassér dem under Regelsæt først.");
  const kladde = await api.kladde(maalgruppe);
  const grund = kladde?.data ?? (await api.regelsaet(maalgruppe)).data;
  const ny = anvendAendringer(grund, aendringer);
  try {
    await api.gemKladde(maalgruppe, ny, kladde?.etag ?? null);
  } catch (e) {
    if (e instanceof ApiFejl && (e.status === 412 || e.status === 428))
      throw new Error(
        "Kladden blev gemt af en anden, mens du arbejdede. Prøv igen, så bygger scenariet på den nye kladde.",
      );
    throw e;
  }
  glemUdkast(maalgruppe);
}
