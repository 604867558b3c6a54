// Access: `Authorization: Bearer <key>`, roles laeser < tilsyn < forfatter < admin. Failed
// authentications are rate limited per client address; a valid key is never held back by them.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { Database } from "../db/database.js";
import { HttpError } from "../http-error.js";
import { findNoegle, harRolle, type Noegle, type Rolle } from "../store/noegler.js";

export interface AdgangValg {
  /** Failed authentications allowed per address within the window. */
  graense: number;
  vindueMs: number;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]{1,200})[ ]*$/i;

function medUdfordring(fejl: HttpError): HttpError {
  fejl.headers["WWW-Authenticate"] = 'Bearer realm="specialiseringsmodel"';
  return fejl;
}

/** The 401 for a key that is unknown or revoked (also when a revocation is found at the INSERT). */
export function ugyldigNoegle(): HttpError {
  return medUdfordring(new HttpError(401, "UGYLDIG_NOEGLE", "API-nøglen er ukendt eller tilbagekaldt."));
}

export function lavAdgang(db: Database, valg: AdgangValg) {
  const fejlGraense = rateLimit({
    windowMs: valg.vindueMs,
    limit: valg.graense,
    standardHeaders: false,
    legacyHeaders: false,
    validate: { xForwardedForHeader: false },
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const sekunder = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(
        new HttpError(
          429,
          "FOR_MANGE_FORSOEG",
          "For mange forsøg med en ugyldig eller manglende nøgle. Prøv igen senere.",
          [],
          { "Retry-After": String(sekunder) },
        ),
      );
    },
  });

  /** The key in the Authorization header, or the 401 (counted, or 429 once past the limit). */
  const find = async (
    req: Request,
    res: Response,
    next: NextFunction,
    bekraeftesVedGem = false,
  ): Promise<Noegle | undefined> => {
    const header = req.get("authorization");
    const m = header === undefined ? null : BEARER.exec(header);
    const noegle = m?.[1] ? await findNoegle(db, m[1], bekraeftesVedGem) : undefined;
    if (noegle) return noegle;
    const fejl =
      header === undefined
        ? medUdfordring(new HttpError(401, "NOEGLE_MANGLER", "Send en API-nøgle: Authorization: Bearer <nøgle>."))
        : ugyldigNoegle();
    // The body is never read for an unknown caller: close the connection instead of draining it.
    if (!req.complete) res.set("Connection", "close");
    // Counts the failure; answers 429 itself once the limit is passed.
    await fejlGraense(req, res, (e?: unknown) => next(e ?? fejl));
    return undefined;
  };

  return {
    /**
     * Runs before any body parser: every request but the public ones (`offentlig`) must carry a
     * valid key, so a caller without one gets 401 (counted toward the limit) before a byte of
     * its body is read, whatever the body holds and however slowly it comes.
     * `bekraeftesVedGem`: requests whose route stores only through an INSERT that re-checks the
     * key (api/store/noegler.ts, `findNoegle`).
     */
    autentificer(
      offentlig: (req: Request) => boolean,
      bekraeftesVedGem: (req: Request) => boolean = () => false,
    ): RequestHandler {
      return async (req, res, next) => {
        if (req.method === "OPTIONS" || offentlig(req)) {
          next();
          return;
        }
        const noegle = await find(req, res, next, bekraeftesVedGem(req));
        if (!noegle) return;
        res.locals.noegle = noegle;
        next();
      };
    },

    /** Middleware that lets a request through when its key has at least `rolle`. */
    kraev(rolle: Rolle): RequestHandler {
      return async (req, res, next) => {
        const noegle = (res.locals.noegle as Noegle | undefined) ?? (await find(req, res, next));
        if (!noegle) return;
        res.locals.noegle = noegle;
        if (!harRolle(noegle, rolle)) {
          next(
            new HttpError(
              403,
              "MANGLER_ROLLE",
              `Kræver rollen '${rolle}'; nøglen '${noegle.navn}' har '${noegle.rolle}'.`,
            ),
          );
          return;
        }
        next();
      };
    },
  };
}

/** The key an authenticated request was made with. */
export function noegleFor(res: Response): Noegle {
  const n = res.locals.noegle as Noegle | undefined;
  if (!n) throw new Error("API: route used without an access check");
  return n;
}

export function kraevRolle(res: Response, rolle: Rolle, hvad: string): void {
  const n = noegleFor(res);
  if (!harRolle(n, rolle)) {
    throw new HttpError(403, "MANGLER_ROLLE", `${hvad} kræver rollen '${rolle}'; nøglen '${n.navn}' har '${n.rolle}'.`);
  }
}
