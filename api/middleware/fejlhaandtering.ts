// The one place errors become responses: HttpError and EngineError with their status and
// details, body-parser's errors (malformed JSON, too large, wrong charset) as 4xx, and anything
// else logged with the request id and answered 500 without internals.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { EngineError } from "../../engine/index.js";
import { detaljerFra, HttpError } from "../http-error.js";

interface BodyParserFejl {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

const BODY_FEJL: Record<string, [number, string, string]> = {
  "entity.parse.failed": [400, "UGYLDIG_JSON", "Kroppen er ikke gyldig JSON."],
  "entity.too.large": [413, "FOR_STOR", "Kroppen er for stor."],
  "encoding.unsupported": [415, "UKENDT_TEGNSAET", "Tegnsættet understøttes ikke; brug UTF-8."],
  "charset.unsupported": [415, "UKENDT_TEGNSAET", "Tegnsættet understøttes ikke; brug UTF-8."],
  "request.aborted": [400, "AFBRUDT", "Forespørgslen blev afbrudt."],
  "request.size.invalid": [400, "UGYLDIG_LAENGDE", "Content-Length passer ikke med kroppen."],
  "parameters.too.many": [413, "FOR_STOR", "For mange parametre."],
};

export function tilHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof EngineError) {
    return new HttpError(422, err.code, err.message, detaljerFra(err.detaljer));
  }
  const b = err as BodyParserFejl | null;
  if (b && typeof b.type === "string") {
    const kendt = BODY_FEJL[b.type];
    if (kendt) return new HttpError(kendt[0], kendt[1], kendt[2]);
  }
  // Any other error that http-errors marks as the client's (4xx, safe to expose).
  // Express's router marks a path segment it cannot percent-decode with status 400 (a URIError).
  if (
    b &&
    typeof b.status === "number" &&
    b.status >= 400 &&
    b.status < 500 &&
    (b.expose === true || err instanceof URIError)
  ) {
    return new HttpError(b.status, "UGYLDIG_FORESPOERGSEL", "Forespørgslen kan ikke behandles.");
  }
  return undefined;
}

export const fejlhaandtering: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const h = tilHttpError(err);
  if (!h) {
    req.log?.error({ err }, "Uventet fejl");
    res.status(500).json({
      fejl: `Der skete en intern fejl. Oplys forespørgsels-id ${String(req.id)}.`,
      kode: "INTERN_FEJL",
      detaljer: [],
    });
    return;
  }
  if (h.status === 401 || h.status === 403) req.log?.info({ kode: h.code }, "Adgang nægtet");
  res.status(h.status).set(h.headers).json({ fejl: h.fejl, kode: h.code, detaljer: h.detaljer });
};

export const ukendtSti: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, "UKENDT_STI", `Ingen ressource på ${req.method} ${req.path}.`));
};
