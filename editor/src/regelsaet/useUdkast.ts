// The draft being edited: loads the published version and the server's draft, keeps the text,
// and saves, discards and publishes through the API. A save that meets someone else's newer
// draft (412) becomes a conflict the author resolves.
import { applyEdits, type JSONPath, modify, parse } from "jsonc-parser";
import { useCallback, useEffect, useState } from "react";
import type { Problem, Regelsaet } from "../../../engine/index.js";
import type { Api, VersionInfo } from "../faelles/api.js";
import { ApiFejl } from "../faelles/api-klient.js";
import { vedLogUd } from "../faelles/log-ud.js";

export const formater = (r: unknown) => `${JSON.stringify(r, null, 2)}\n`;

export interface Konflikt {
  /** The draft on the server now, and its ETag. */
  serverTekst: string;
  serverEtag: string | null;
}

export interface Udkast {
  status: "indlaeser" | "klar" | "fejl";
  indlaesningsFejl?: unknown;
  publiceret?: { regelsaet: Regelsaet; info: VersionInfo };
  /** The server's draft ETag; null when the server has no draft. */
  kladdeEtag: string | null;
  harServerKladde: boolean;
  tekst: string;
  /** The text as last loaded or saved; differs from `tekst` while there are unsaved changes. */
  gemtTekst: string;
  konflikt: Konflikt | null;
  serverFejl: Problem[];
  serverAdvarsler: Problem[];
  arbejder: string | null;
  besked: { tekst: string; slags: "ok" | "fejl" } | null;
  /**
   * The value the form last wrote, with the text it wrote it into. While `tekst` is still that
   * text, the form shows this value instead of waiting for the (deferred) analysis of the text, so
   * a ticked box never shows its old state for a render.
   */
  formVaerdi?: { tekst: string; vaerdi: unknown };
}

const udenKvittering = (b: Udkast["besked"]) => (b?.slags === "ok" ? null : b);

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: "\n" } };

function tilProblemer(detaljer: { path: string; pointer?: string; message: string }[]): Problem[] {
  return detaljer.map((d) => ({ path: d.path, pointer: d.pointer ?? pointerFraSti(d.path), message: d.message }));
}

/** `parametre[2].niveauer.hoej` → `/parametre/2/niveauer/hoej`, for servers that send only a path. */
function pointerFraSti(sti: string): string {
  const dele: string[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of sti.matchAll(re)) dele.push(m[1] ?? m[2] ?? JSON.parse(`"${m[3] ?? ""}"`));
  if (dele[0] === "(roden)") return "";
  return dele.map((d) => `/${d.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

// Drafts survive moving between a målgruppe's views (the scenario view compares the draft with
// its unsaved changes); they are forgotten on sign-out.
const lager = new Map<string, Udkast>();
const lagerNoegle = (maalgruppe: string, redigerbar: boolean, version?: number) =>
  `${maalgruppe}|${redigerbar ? "r" : "l"}|${version ?? ""}`;

vedLogUd(() => lager.clear());

/**
 * The author's current draft for a målgruppe, if one is open: its text, unsaved changes
 * included, and whether the server holds a draft or a published version of the målgruppe.
 */
export function aktueltUdkast(
  maalgruppe: string,
): { tekst: string; harServerKladde: boolean; harPubliceret: boolean; ikkeGemt: boolean } | undefined {
  const u = lager.get(lagerNoegle(maalgruppe, true));
  return u?.status === "klar"
    ? {
        tekst: u.tekst,
        harServerKladde: u.harServerKladde,
        harPubliceret: u.publiceret !== undefined,
        ikkeGemt: u.tekst !== u.gemtTekst,
      }
    : undefined;
}

/** Forgets the open draft of a målgruppe, so the next view loads the server's (after a save elsewhere). */
export function glemUdkast(maalgruppe: string): void {
  for (const k of [...lager.keys()]) if (k.startsWith(`${maalgruppe}|`)) lager.delete(k);
}

export function useUdkast(api: Api, maalgruppe: string, redigerbar: boolean, version?: number) {
  const noegle = lagerNoegle(maalgruppe, redigerbar, version);
  const [u, setU] = useState<Udkast>(
    () =>
      lager.get(noegle) ?? {
        status: "indlaeser",
        kladdeEtag: null,
        harServerKladde: false,
        tekst: "",
        gemtTekst: "",
        konflikt: null,
        serverFejl: [],
        serverAdvarsler: [],
        arbejder: null,
        besked: null,
      },
  );
  useEffect(() => {
    lager.set(noegle, { ...u, arbejder: null, besked: null });
  }, [noegle, u]);

  const indlaes = useCallback(
    async (signal?: { aborted: boolean }) => {
      try {
        const pub = await api.regelsaet(maalgruppe, version).catch((e: unknown) => {
          if (e instanceof ApiFejl && e.status === 404 && version === undefined) return null;
          throw e;
        });
        const kladde = redigerbar && version === undefined ? await api.kladde(maalgruppe) : null;
        if (signal?.aborted) return;
        const tekst = formater(kladde?.data ?? pub?.data ?? {});
        setU((x) => ({
          ...x,
          status: "klar",
          publiceret: pub ? { regelsaet: pub.data, info: pub.info } : undefined,
          kladdeEtag: kladde?.etag ?? null,
          harServerKladde: kladde !== null,
          tekst,
          gemtTekst: tekst,
          konflikt: null,
          serverFejl: [],
        }));
      } catch (e) {
        if (!signal?.aborted) setU((x) => ({ ...x, status: "fejl", indlaesningsFejl: e }));
      }
    },
    [api, maalgruppe, redigerbar, version],
  );

  useEffect(() => {
    if (lager.get(noegle)?.status === "klar") return;
    const s = { aborted: false };
    void indlaes(s);
    return () => {
      s.aborted = true;
    };
  }, [indlaes, noegle]);

  // A confirmation ("Kladden er gemt.") goes away after a while or at the next edit; errors stay.
  useEffect(() => {
    const besked = u.besked;
    if (besked?.slags !== "ok") return;
    const t = setTimeout(() => setU((x) => (x.besked === besked ? { ...x, besked: null } : x)), 8000);
    return () => clearTimeout(t);
  }, [u.besked]);

  const setTekst = useCallback(
    (tekst: string) =>
      setU((x) => ({
        ...x,
        tekst,
        serverFejl: [],
        besked: udenKvittering(x.besked),
        formVaerdi: x.formVaerdi?.tekst === tekst ? x.formVaerdi : undefined,
      })),
    [],
  );

  /**
   * Changes one value in the text with a minimal edit, keeping the author's formatting, and hands
   * the form the parsed result in the same update (the edit is made on valid JSON, so it parses).
   */
  const aendre = useCallback((sti: JSONPath, vaerdi: unknown) => {
    setU((x) => {
      const tekst = applyEdits(x.tekst, modify(x.tekst, sti, vaerdi, FORMAT));
      return {
        ...x,
        tekst,
        serverFejl: [],
        besked: udenKvittering(x.besked),
        formVaerdi: { tekst, vaerdi: parse(tekst) },
      };
    });
  }, []);

  const arbejd = async (hvad: string, fn: () => Promise<void>) => {
    setU((x) => ({ ...x, arbejder: hvad, besked: null }));
    try {
      await fn();
    } catch (e) {
      const tekst = e instanceof Error ? e.message : String(e);
      setU((x) => ({
        ...x,
        besked: { tekst, slags: "fejl" },
        serverFejl: e instanceof ApiFejl && e.status === 422 ? tilProblemer(e.detaljer) : x.serverFejl,
      }));
    } finally {
      setU((x) => ({ ...x, arbejder: null }));
    }
  };

  const gemMed = async (tekst: string, etag: string | null) => {
    const svar = await api.gemKladde(maalgruppe, JSON.parse(tekst), etag);
    setU((x) => ({
      ...x,
      kladdeEtag: svar.etag,
      harServerKladde: true,
      gemtTekst: tekst,
      konflikt: null,
      serverFejl: [],
      serverAdvarsler: tilProblemer(svar.advarsler),
      besked: { tekst: "Kladden er gemt.", slags: "ok" },
    }));
  };

  const gem = () =>
    arbejd("Gemmer …", async () => {
      try {
        await gemMed(u.tekst, u.kladdeEtag);
      } catch (e) {
        if (!(e instanceof ApiFejl) || (e.status !== 412 && e.status !== 428)) throw e;
        const server = await api.kladde(maalgruppe);
        setU((x) => ({
          ...x,
          konflikt: { serverTekst: server ? formater(server.data) : "", serverEtag: server?.etag ?? null },
          besked: {
            tekst: "En anden har gemt kladden, siden du hentede den. Vælg hvilken version der skal gælde.",
            slags: "fejl",
          },
        }));
      }
    });

  /** Resolves a conflict: keep my text (overwrite theirs) or take theirs. */
  const loesKonflikt = (valg: "min" | "deres") =>
    arbejd("Gemmer …", async () => {
      const k = u.konflikt;
      if (!k) return;
      if (valg === "min") await gemMed(u.tekst, k.serverEtag);
      else
        setU((x) => ({
          ...x,
          tekst: k.serverTekst,
          gemtTekst: k.serverTekst,
          kladdeEtag: k.serverEtag,
          harServerKladde: k.serverEtag !== null,
          konflikt: null,
          besked: { tekst: "Du arbejder nu videre på den gemte kladde.", slags: "ok" },
        }));
    });

  const annullerKonflikt = () => setU((x) => ({ ...x, konflikt: null, besked: null }));

  const kasser = () =>
    arbejd("Kasserer …", async () => {
      if (u.harServerKladde) await api.sletKladde(maalgruppe, u.kladdeEtag);
      await indlaes();
      setU((x) => ({ ...x, besked: { tekst: "Kladden er kasseret.", slags: "ok" } }));
    });

  const publicer = (note: string) =>
    arbejd("Publicerer …", async () => {
      if (u.tekst !== u.gemtTekst || !u.harServerKladde) await gemMed(u.tekst, u.kladdeEtag);
      const v = await api.publicer(maalgruppe, note);
      await indlaes();
      const tekst = v.version ? `Version ${v.version} er publiceret.` : "Kladden er publiceret.";
      setU((x) => ({ ...x, besked: { tekst, slags: "ok" } }));
    });

  return { u, setTekst, aendre, gem, loesKonflikt, annullerKonflikt, kasser, publicer, genindlaes: indlaes };
}
