// Reading a request safely: path parameters, query numbers and the JSON body, each refused with
// a 4xx and a Danish message when it is not what the route takes.
import type { Request } from "express";
import { MAALGRUPPE_ID } from "../engine/index.js";
import { HttpError } from "./http-error.js";

export function maalgruppeParam(req: Request): string {
  const m = req.params.maalgruppe;
  if (typeof m !== "string" || !MAALGRUPPE_ID.test(m)) {
    throw new HttpError(404, "IKKE_FUNDET", "Ukendt målgruppe.", [
      { path: "maalgruppe", message: "Et målgruppe-id er små bogstaver, tal og bindestreg, fx 'autisme'." },
    ]);
  }
  return m;
}

/** A positive whole number (version numbers): text in a query string (400), a number in a JSON body (422). */
export function versionsnummer(v: unknown, path: string, kilde: "query" | "krop" = "query"): number | undefined {
  if (v === undefined) return undefined;
  const n = kilde === "query" && typeof v === "string" && /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 999_999_999) {
    const status = kilde === "query" ? 400 : 422;
    throw new HttpError(
      status,
      status === 400 ? "UGYLDIG_FORESPOERGSEL" : "UGYLDIGT_INDHOLD",
      "Ugyldigt versionsnummer.",
      [{ path, message: "Skal være et helt tal på mindst 1." }],
    );
  }
  return n;
}

/** `true`/`false` from a query string (absent = false). */
export function sandhedParam(v: unknown, path: string): boolean {
  if (v === undefined || v === "false" || v === "0") return false;
  if (v === "true" || v === "1" || v === "") return true;
  throw new HttpError(400, "UGYLDIG_FORESPOERGSEL", "Ugyldig parameter.", [
    { path, message: "Skal være true eller false." },
  ]);
}

/** The parsed JSON body; 415 for another media type, 400 when there is none. */
export function jsonKrop(req: Request): unknown {
  if (req.body === undefined) {
    const harKrop = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (harKrop && !req.is(["application/json", "application/*+json"])) {
      throw new HttpError(415, "FORKERT_MEDIETYPE", "Kroppen skal være JSON (Content-Type: application/json).");
    }
    throw new HttpError(400, "KROP_MANGLER", "Forespørgslen mangler en JSON-krop.");
  }
  return req.body;
}

export function erObjekt(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function objektKrop(req: Request): Record<string, unknown> {
  const krop = jsonKrop(req);
  if (!erObjekt(krop)) {
    throw new HttpError(422, "UGYLDIGT_INDHOLD", "Kroppen skal være et JSON-objekt.", [
      { path: "(roden)", message: "Skal være et objekt." },
    ]);
  }
  return krop;
}

/** Refuses fields a body does not take, so that a typo is not silently ignored. */
export function kunFelter(krop: Record<string, unknown>, tilladte: readonly string[]): void {
  const ukendte = Object.keys(krop).filter((k) => !tilladte.includes(k));
  if (ukendte.length > 0) {
    throw new HttpError(
      422,
      "UGYLDIGT_INDHOLD",
      "Kroppen har ukendte felter.",
      ukendte.map((k) => ({
        path: k,
        message: `Feltet '${k}' er ukendt her. Tilladte felter: ${tilladte.join(", ")}.`,
      })),
    );
  }
}
