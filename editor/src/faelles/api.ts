// Typed calls to the routes of issue 3. The shapes here are what the editor reads; the server's
// answers are normalised at this edge so the views never guess.
import type { Indplacering, Regelsaet } from "../../../engine/index.js";
import type { ApiKald } from "./api-klient.js";
import { erRolle, type Rolle } from "./roller.js";

export interface Bruger {
  navn: string;
  rolle: Rolle;
}

export interface MaalgruppeOversigt {
  maalgruppe: string;
  titel: string;
  version: number | null;
  publiceret?: string;
  forfatter?: string;
  note?: string;
  kladde: boolean;
  kladdeOpdateret?: string;
}

export interface VersionInfo {
  version: number;
  hash: string;
  forfatter?: string;
  tidspunkt?: string;
  note?: string;
}

export interface MedEtag<T> {
  data: T;
  etag: string | null;
}

export interface GemSvar {
  etag: string | null;
  advarsler: { path: string; pointer?: string; message: string }[];
}

export interface NoegleInfo {
  navn: string;
  rolle: Rolle;
  oprettet?: string;
  tilbagekaldt?: boolean;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null ? (v as Obj) : {});
const tekst = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const tal = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const liste = (v: unknown, noegle: string): unknown[] => (Array.isArray(v) ? v : ((obj(v)[noegle] as unknown[]) ?? []));

function tilMaalgruppe(v: unknown): MaalgruppeOversigt {
  const o = obj(v);
  const pub = obj(o.publiceret ?? o.seneste);
  const kladde = o.kladde;
  return {
    maalgruppe: tekst(o.maalgruppe) ?? tekst(o.id) ?? "?",
    titel: tekst(o.titel) ?? tekst(o.maalgruppe) ?? "?",
    version: tal(o.version) ?? tal(pub.version) ?? null,
    publiceret: tekst(o.publiceret) ?? tekst(pub.tidspunkt) ?? tekst(o.tidspunkt) ?? tekst(o.opdateret),
    forfatter: tekst(o.forfatter) ?? tekst(pub.forfatter),
    note: tekst(o.note) ?? tekst(pub.note),
    kladde: typeof kladde === "boolean" ? kladde : kladde !== null && kladde !== undefined,
    kladdeOpdateret: tekst(o.kladdeOpdateret) ?? tekst(obj(kladde).opdateret) ?? tekst(obj(kladde).tidspunkt),
  };
}

function tilVersion(v: unknown): VersionInfo {
  const o = obj(v);
  return {
    version: tal(o.version) ?? 0,
    hash: tekst(o.hash) ?? "",
    forfatter: tekst(o.forfatter),
    tidspunkt: tekst(o.tidspunkt) ?? tekst(o.publiceret) ?? tekst(o.oprettet),
    note: tekst(o.note),
  };
}

/** The regelsæt itself, whether the server sends it bare or wrapped with metadata. */
function tilRegelsaet(v: unknown): Regelsaet {
  const o = obj(v);
  return (o.regelsaet && typeof o.regelsaet === "object" ? o.regelsaet : v) as Regelsaet;
}

export function lavApi(kald: ApiKald) {
  const m = encodeURIComponent;
  return {
    /** A JSON answer as the server sends it (the tilbud views read their routes' shapes themselves). */
    async json<T>(sti: string, signal?: AbortSignal): Promise<T> {
      return (await kald<T>(sti, { signal })).data;
    },
    /** Who the key belongs to; also how sign-in checks a key. */
    async mig(): Promise<Bruger> {
      const { data } = await kald<unknown>("/mig");
      const o = obj(data);
      if (!erRolle(o.rolle)) throw new Error("Serveren oplyste ikke nøglens rolle.");
      return { navn: tekst(o.navn) ?? "", rolle: o.rolle };
    },
    async maalgrupper(signal?: AbortSignal): Promise<MaalgruppeOversigt[]> {
      const { data } = await kald<unknown>("/maalgrupper", { signal });
      return liste(data, "maalgrupper").map(tilMaalgruppe);
    },
    async regelsaet(maalgruppe: string, version?: number): Promise<MedEtag<Regelsaet> & { info: VersionInfo }> {
      const q = version === undefined ? "" : `?version=${version}`;
      const { data, etag, headers } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}${q}`);
      const info = tilVersion(data);
      info.version = Number(headers.get("Regelsaet-Version") ?? info.version);
      info.hash = headers.get("Regelsaet-Hash") ?? info.hash;
      return { data: tilRegelsaet(data), etag, info };
    },
    async versioner(maalgruppe: string): Promise<VersionInfo[]> {
      const { data } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}/versioner`);
      return liste(data, "versioner")
        .map(tilVersion)
        .sort((a, b) => b.version - a.version);
    },
    /** The draft, or null when there is none. */
    async kladde(maalgruppe: string): Promise<MedEtag<Regelsaet> | null> {
      try {
        const { data, etag } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}/kladde`);
        return { data: tilRegelsaet(data), etag };
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }
    },
    async gemKladde(maalgruppe: string, regelsaet: unknown, etag: string | null): Promise<GemSvar> {
      const headers: Record<string, string> = etag ? { "If-Match": etag } : {};
      const { data, etag: ny } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}/kladde`, {
        method: "PUT",
        body: regelsaet,
        headers,
      });
      const advarsler = liste(obj(data).advarsler, "advarsler") as GemSvar["advarsler"];
      return { etag: ny, advarsler };
    },
    async sletKladde(maalgruppe: string, etag: string | null): Promise<void> {
      await kald(`/regelsaet/${m(maalgruppe)}/kladde`, { method: "DELETE", headers: etag ? { "If-Match": etag } : {} });
    },
    async publicer(maalgruppe: string, note: string): Promise<VersionInfo> {
      const { data } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}/publicer`, { method: "POST", body: { note } });
      return tilVersion(data);
    },
    async diff(maalgruppe: string, fra: number, til: number): Promise<unknown> {
      const { data } = await kald<unknown>(`/regelsaet/${m(maalgruppe)}/diff?fra=${fra}&til=${til}`);
      return data;
    },
    async indplacer(vurderingsgrundlag: unknown): Promise<Indplacering & { id?: string }> {
      const { data } = await kald<Indplacering & { id?: string }>("/indplacering", {
        method: "POST",
        body: { vurderingsgrundlag },
      });
      return data;
    },
    async batch(indhold: unknown[] | { csv: string }, signal?: AbortSignal): Promise<unknown[]> {
      const { data } = await kald<unknown>(
        "/indplacering/batch",
        Array.isArray(indhold)
          ? { method: "POST", body: { vurderingsgrundlag: indhold }, signal }
          : { method: "POST", raa: { indhold: indhold.csv, type: "text/csv" }, signal },
      );
      return liste(data, "resultater");
    },
    async noegler(): Promise<NoegleInfo[]> {
      const { data } = await kald<unknown>("/noegler");
      return liste(data, "noegler").map((v) => {
        const o = obj(v);
        return {
          navn: tekst(o.navn) ?? "?",
          rolle: erRolle(o.rolle) ? o.rolle : "laeser",
          oprettet: tekst(o.oprettet),
          tilbagekaldt: o.tilbagekaldt === true || typeof o.tilbagekaldt === "string",
        };
      });
    },
    async opretNoegle(navn: string, rolle: Rolle): Promise<string> {
      const { data } = await kald<unknown>("/noegler", { method: "POST", body: { navn, rolle } });
      const o = obj(data);
      return tekst(o.noegle) ?? tekst(o.hemmelighed) ?? tekst(o.key) ?? "";
    },
    async sletNoegle(navn: string): Promise<void> {
      await kald(`/noegler/${m(navn)}`, { method: "DELETE" });
    },
  };
}

export type Api = ReturnType<typeof lavApi>;
