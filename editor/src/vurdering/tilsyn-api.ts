// The tilsyn calls this feature adds to the API client: the batch's dry run, the CSV columns and
// a stored decision by its id. Kept beside the feature (on the shared ApiKald) so the shared
// client in faelles/ only grows where other views need it too.
import { useMemo } from "react";
import type { Indplacering } from "../../../engine/index.js";
import { type ApiKald, lavApiKald } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import type { CsvKolonne } from "./csv-eksport.js";

export interface Detalje {
  path: string;
  message: string;
}

/** One item of a batch answer: a decision (with `id` unless a dry run), or why item `index` was refused. */
export interface BatchRaekke {
  id?: string;
  niveau?: string;
  leverandoer?: { id: string; navn?: string; afdeling?: string };
  manglendeOplysninger?: string[];
  regelsaet?: { maalgruppe?: string; version?: number; kladde?: boolean; hash?: string };
  index?: number;
  fejl?: unknown;
  kode?: string;
  detaljer?: Detalje[];
}

export interface GemtAfgoerelse {
  id: string;
  oprettet: string;
  noegle?: string;
  regelsaet: { maalgruppe: string; version: number | null; hash: string; kladde: boolean };
  vurderingsgrundlag: unknown;
  indplacering: Indplacering;
}

export type BatchIndhold = unknown[] | { csv: string };

function batchAnmodning(indhold: BatchIndhold, signal?: AbortSignal) {
  return Array.isArray(indhold)
    ? { method: "POST" as const, body: { vurderingsgrundlag: indhold }, signal }
    : { method: "POST" as const, raa: { indhold: indhold.csv, type: "text/csv" }, signal };
}

const resultater = (data: unknown): BatchRaekke[] => {
  const r = (data as { resultater?: unknown } | null)?.resultater;
  return Array.isArray(r) ? (r as BatchRaekke[]) : [];
};

export function lavTilsynApi(kald: ApiKald) {
  return {
    /** A dry run: evaluated like the real run, nothing stored (POST …/batch?proev=true). */
    async proeveBatch(indhold: BatchIndhold, signal?: AbortSignal): Promise<BatchRaekke[]> {
      const { data } = await kald<unknown>("/indplacering/batch?proev=true", batchAnmodning(indhold, signal));
      return resultater(data);
    },
    /** The real run: every valid item is evaluated and stored with its own id. */
    async batch(indhold: BatchIndhold, signal?: AbortSignal): Promise<BatchRaekke[]> {
      const { data } = await kald<unknown>("/indplacering/batch", batchAnmodning(indhold, signal));
      return resultater(data);
    },
    async csvKolonner(): Promise<CsvKolonne[]> {
      const { data } = await kald<{ kolonner?: CsvKolonne[] }>("/indplacering/batch/kolonner");
      return data.kolonner ?? [];
    },
    async afgoerelse(id: string, signal?: AbortSignal): Promise<GemtAfgoerelse> {
      const { data } = await kald<GemtAfgoerelse>(`/indplacering/${encodeURIComponent(id)}`, { signal });
      return data;
    },
  };
}

export type TilsynApi = ReturnType<typeof lavTilsynApi>;

export function useTilsynApi(): TilsynApi {
  const { session, logUd } = useAuth();
  const noegle = session?.noegle ?? "";
  return useMemo(() => lavTilsynApi(lavApiKald(noegle, logUd)), [noegle, logUd]);
}
