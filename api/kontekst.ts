// What every route needs: the database, the logger, the prepared-regelsæt cache and settings.

import type { RequestHandler } from "express";
import type { Logger } from "pino";
import type { Beregner } from "./beregning/klient.js";
import type { Database } from "./db/database.js";
import type { RegelsaetCache } from "./motor.js";
import type { Rolle } from "./store/noegler.js";

export interface Kontekst {
  db: Database;
  log: Logger;
  cache: RegelsaetCache;
  /** Where a single decision is evaluated: the evaluation thread, or in process. */
  beregner: Beregner;
  /** Folder with the pilot regelsæt and the example data set. */
  rulesetsDir: string;
  /** Most providers in one batch or scenario comparison. */
  maxBatch: number;
  /** Most providers in one batch indplacering (streamed). */
  maxBatchStream: number;
  /** Largest batch indplacering body in bytes. */
  batchBodyLimit: number;
  /** Set when the server has been asked to stop; health then answers 503. */
  tilstand: { lukker: boolean };
  kraev: (rolle: Rolle) => RequestHandler;
}
