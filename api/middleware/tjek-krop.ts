// Checks every parsed body before a route sees it: nested no deeper than any real document
// (a 5 MB body can nest half a million levels; validation would run out of stack), and only
// well-formed Unicode (a lone surrogate, legal as a JSON escape, has no UTF-8 form and no RFC 8785
// canonical form, so it could be neither stored faithfully nor hashed), and only finite numbers
// (JSON.parse reads `1e309` as Infinity, which has no JSON form: it would be evaluated as Infinity,
// stored as null and could not be hashed).
import type { RequestHandler } from "express";
import { pointerFor, type Sti, visSti } from "../../engine/index.js";
import { erVelformet } from "../../engine/kanonisk.js";
import { HttpError } from "../http-error.js";

export type Fund =
  | { slags: "dybde" }
  | { slags: "unicode"; sti: Sti }
  | { slags: "tal"; sti: Sti }
  | { slags: "felter"; sti: Sti; antal: number };

/**
 * Most fields in one object. No document has more than a few hundred (supplerende and
 * tilsynsvurdering take 100); 400,000 unknown keys would cost ajv seconds of CPU to report.
 */
export const MAX_FELTER = 10_000;

/** The first problem in a parsed JSON value, walking it without recursion. */
export function tjekJson(vaerdi: unknown, maxDybde: number): Fund | undefined {
  const stak: [unknown, Sti][] = [[vaerdi, []]];
  while (stak.length > 0) {
    const top = stak.pop();
    if (!top) break;
    const [v, sti] = top;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return { slags: "tal", sti };
      continue;
    }
    if (typeof v === "string") {
      if (!erVelformet(v)) return { slags: "unicode", sti };
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (sti.length >= maxDybde) return { slags: "dybde" };
    if (!Array.isArray(v)) {
      const antal = Object.keys(v).length;
      if (antal > MAX_FELTER) return { slags: "felter", sti, antal };
    }
    for (const [k, barn] of Object.entries(v)) {
      const nySti = [...sti, Array.isArray(v) ? Number(k) : k];
      if (!erVelformet(k)) return { slags: "unicode", sti: nySti };
      if (typeof barn === "object" || typeof barn === "string" || typeof barn === "number") stak.push([barn, nySti]);
    }
  }
  return undefined;
}

/** The 422 for a number JSON cannot hold, at `rod` + the place it was found. */
export function ikkeEndeligtTal(sti: Sti): HttpError {
  return new HttpError(422, "IKKE_ENDELIGT_TAL", "Kroppen indeholder et tal, der er for stort (uendeligt).", [
    {
      path: visSti(sti),
      pointer: pointerFor(sti),
      message: "Tallet er uden for det, JSON-tal kan være (højst ±1,8e308).",
    },
  ]);
}

export function forMangeFelter(sti: Sti, antal: number): HttpError {
  return new HttpError(422, "FOR_MANGE_FELTER", `Et objekt i kroppen har ${antal} felter; højst ${MAX_FELTER}.`, [
    { path: visSti(sti), pointer: pointerFor(sti), message: `Har ${antal} felter; højst ${MAX_FELTER}.` },
  ]);
}

export function tjekKrop(maxDybde: number): RequestHandler {
  return (req, _res, next) => {
    const fund = req.body === undefined ? undefined : tjekJson(req.body, maxDybde);
    if (fund?.slags === "tal") {
      next(ikkeEndeligtTal(fund.sti));
    } else if (fund?.slags === "felter") {
      next(forMangeFelter(fund.sti, fund.antal));
    } else if (fund?.slags === "dybde") {
      next(new HttpError(422, "FOR_DYB", `JSON-kroppen er indlejret dybere end ${maxDybde} niveauer.`));
    } else if (fund?.slags === "unicode") {
      next(
        new HttpError(
          422,
          "UGYLDIG_UNICODE",
          "Kroppen indeholder en tekst med et enligt surrogattegn (ugyldig Unicode).",
          [
            {
              path: visSti(fund.sti),
              pointer: pointerFor(fund.sti),
              message: "Ugyldig Unicode (enligt surrogattegn).",
            },
          ],
        ),
      );
    } else next();
  };
}
