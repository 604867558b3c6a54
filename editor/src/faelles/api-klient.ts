// The HTTP client for /api/v1: sends the key as a bearer token, turns error bodies
// (`{ fejl, detaljer }`) into ApiFejl, and returns the ETag beside the body where there is one.
import type { Detalje } from "../../../engine/index.js";

export class ApiFejl extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detaljer: Detalje[] = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiFejl";
  }
}

export interface Svar<T> {
  data: T;
  etag: string | null;
  status: number;
  headers: Headers;
}

export interface Anmodning {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  /** Sent as is (e.g. a CSV upload) instead of JSON. */
  raa?: { indhold: BodyInit; type: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const STATUS_TEKST: Record<number, string> = {
  400: "Forespørgslen var ugyldig.",
  401: "Nøglen er ukendt eller tilbagekaldt.",
  403: "Din rolle giver ikke adgang til dette.",
  404: "Findes ikke.",
  409: "Konflikt med en anden ændring.",
  412: "En anden har gemt i mellemtiden.",
  413: "Indholdet er for stort.",
  422: "Indholdet er ugyldigt.",
  428: "Ændringen mangler en versionsangivelse (If-Match).",
  429: "For mange forsøg. Vent lidt, og prøv igen.",
};

export type ApiKald = <T>(sti: string, a?: Anmodning) => Promise<Svar<T>>;

/** A client bound to one key; `vedUautoriseret` is called when the server answers 401. */
export function lavApiKald(noegle: string, vedUautoriseret?: () => void): ApiKald {
  return async <T>(sti: string, a: Anmodning = {}): Promise<Svar<T>> => {
    const headers: Record<string, string> = { Accept: "application/json", ...a.headers };
    if (noegle) headers.Authorization = `Bearer ${noegle}`;
    let body: BodyInit | undefined;
    if (a.raa) {
      headers["Content-Type"] = a.raa.type;
      body = a.raa.indhold;
    } else if (a.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(a.body);
    }
    let res: Response;
    try {
      res = await fetch(`/api/v1${sti}`, { method: a.method ?? "GET", headers, body, signal: a.signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") throw e;
      throw new ApiFejl(0, "Serveren kunne ikke nås. Tjek forbindelsen, og prøv igen.");
    }
    const tekst = await res.text();
    let data: unknown;
    if (tekst !== "") {
      try {
        data = JSON.parse(tekst);
      } catch {
        data = tekst;
      }
    }
    if (!res.ok) {
      if (res.status === 401) vedUautoriseret?.();
      const b = (typeof data === "object" && data !== null ? data : {}) as { fejl?: unknown; detaljer?: unknown };
      const besked = typeof b.fejl === "string" ? b.fejl : (STATUS_TEKST[res.status] ?? `Fejl ${res.status}.`);
      const detaljer = Array.isArray(b.detaljer) ? (b.detaljer as Detalje[]) : [];
      throw new ApiFejl(res.status, besked, detaljer, data);
    }
    return { data: data as T, etag: res.headers.get("ETag"), status: res.status, headers: res.headers };
  };
}

export function fejlTekst(e: unknown): string {
  if (e instanceof ApiFejl) return e.message;
  if (e instanceof DOMException && e.name === "AbortError") return "Afbrudt.";
  if (e instanceof Error) return e.message;
  return String(e);
}
