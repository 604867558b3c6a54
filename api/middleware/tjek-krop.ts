// Checks every parsed body before a route sees it: nested no deeper than any real document
// (a 5 MB body can nest half a million levels; validation would run out of stack), and only
// well-formed Unicode (a lone surrogate, legal as a JSON escape, has no UTF-8 form and no RFC 8785
// canonical form, so it could be neither stored faithfully nor hashed).
import type { RequestHandler } from "express";
import { pointerFor, type Sti, visSti } from "../../engine/index.js";
import { HttpError } from "../http-error.js";

const ENLIG_SURROGAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type Fund = { slags: "dybde" } | { slags: "unicode"; sti: Sti };

/** The first problem in a parsed JSON value, walking it without recursion. */
export function tjekJson(vaerdi: unknown, maxDybde: number): Fund | undefined {
  const stak: [unknown, Sti][] = [[vaerdi, []]];
  while (stak.length > 0) {
    const top = stak.pop();
    if (!top) break;
    const [v, sti] = top;
    if (typeof v === "string") {
      if (ENLIG_SURROGAT.test(v)) return { slags: "unicode", sti };
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (sti.length >= maxDybde) return { slags: "dybde" };
    for (const [k, barn] of Object.entries(v)) {
      const nySti = [...sti, Array.isArray(v) ? Number(k) : k];
      if (ENLIG_SURROGAT.test(k)) return { slags: "unicode", sti: nySti };
      if (typeof barn === "object" || typeof barn === "string") stak.push([barn, nySti]);
    }
  }
  return undefined;
}

export function tjekKrop(maxDybde: number): RequestHandler {
  return (req, _res, next) => {
    const fund = req.body === undefined ? undefined : tjekJson(req.body, maxDybde);
    if (fund?.slags === "dybde") {
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
