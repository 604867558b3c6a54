// Refuses JSON bodies nested deeper than any real document, before validation recurses into them
// (a 5 MB body can nest half a million levels; ajv would run out of stack).
import type { RequestHandler } from "express";
import { HttpError } from "../http-error.js";

export function forDyb(vaerdi: unknown, max: number): boolean {
  const stak: [unknown, number][] = [[vaerdi, 0]];
  while (stak.length > 0) {
    const top = stak.pop();
    if (!top) break;
    const [v, d] = top;
    if (typeof v !== "object" || v === null) continue;
    if (d >= max) return true;
    for (const barn of Object.values(v)) if (typeof barn === "object" && barn !== null) stak.push([barn, d + 1]);
  }
  return false;
}

export function begraensDybde(max: number): RequestHandler {
  return (req, _res, next) => {
    if (typeof req.body === "object" && req.body !== null && forDyb(req.body, max)) {
      next(new HttpError(422, "FOR_DYB", `JSON-kroppen er indlejret dybere end ${max} niveauer.`));
      return;
    }
    next();
  };
}
