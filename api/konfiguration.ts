// Settings from the environment, checked once at start-up.
import { resolve } from "node:path";

export interface Konfiguration {
  port: number;
  /** Address to listen on; undefined = all interfaces. */
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  bodyLimit: string;
  maxBatch: number;
  /** Most providers in one streamed batch indplacering. */
  maxBatchStream: number;
  /** Largest batch indplacering body in bytes (read as a stream, never held whole). */
  batchBodyLimit: number;
  corsOrigins: string[];
  trustProxy: boolean | number | string;
  logLevel: string;
  /** Seconds to let requests in flight finish on SIGTERM. */
  lukketid: number;
  /** Seconds a client has to send all request headers (server.headersTimeout). */
  headersTimeout: number;
  /** Seconds a client has to send a whole request, body included (server.requestTimeout). */
  requestTimeout: number;
  /** Seconds an idle keep-alive connection is kept open (server.keepAliveTimeout). */
  keepAliveTimeout: number;
  /** INDPLACERING_TRAAD (traadValg): checked here, read where each app chooses its evaluator. */
  indplaceringTraad: boolean | undefined;
}

function heltal(navn: string, v: string | undefined, standard: number, min: number, max: number): number {
  if (v === undefined || v === "") return standard;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${navn} skal være et helt tal fra ${min} til ${max}.`);
  return n;
}

const ENHED: Record<string, number> = { "": 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size like `500mb`, `2gb` or `1048576` in bytes. */
export function bytes(navn: string, v: string | undefined, standard: number): number {
  if (v === undefined || v === "") return standard;
  const m = /^(\d{1,12})\s*(b|kb|mb|gb)?$/i.exec(v.trim());
  const n = m ? Number(m[1]) * (ENHED[(m[2] ?? "").toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${navn} skal være en størrelse som 500mb eller 2gb.`);
  return n;
}

export function laesKonfiguration(env: NodeJS.ProcessEnv = process.env): Konfiguration {
  const trust = env.TRUST_PROXY;
  return {
    port: heltal("PORT", env.PORT, 3000, 0, 65535),
    host: env.HOST || undefined,
    dataDir: resolve(env.DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    bodyLimit: env.BODY_LIMIT || "5mb",
    maxBatch: heltal("MAX_BATCH", env.MAX_BATCH, 10_000, 1, 1_000_000),
    maxBatchStream: heltal("MAX_BATCH_STREAM", env.MAX_BATCH_STREAM, 100_000, 1, 10_000_000),
    batchBodyLimit: bytes("BATCH_BODY_LIMIT", env.BATCH_BODY_LIMIT, 500 * 1024 * 1024),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter((o) => o !== ""),
    trustProxy:
      trust === undefined || trust === ""
        ? false
        : /^\d+$/.test(trust)
          ? Number(trust)
          : trust === "true"
            ? true
            : trust,
    logLevel: env.LOG_LEVEL || "info",
    lukketid: heltal("LUKKETID", env.LUKKETID, 10, 0, 3600),
    headersTimeout: heltal("HEADERS_TIMEOUT", env.HEADERS_TIMEOUT, 15, 1, 600),
    requestTimeout: heltal("REQUEST_TIMEOUT", env.REQUEST_TIMEOUT, 120, 1, 86_400),
    keepAliveTimeout: heltal("KEEPALIVE_TIMEOUT", env.KEEPALIVE_TIMEOUT, 5, 1, 600),
    indplaceringTraad: traadValg(env.INDPLACERING_TRAAD),
  };
}

/**
 * INDPLACERING_TRAAD: `1` the evaluation thread, `0` the HTTP thread, unset or empty the choice by
 * cores (api/beregning/klient.ts, beregnerFor). Anything else is refused at start-up.
 */
export function traadValg(v: string | undefined): boolean | undefined {
  if (v === undefined || v === "") return undefined;
  if (v === "1" || v === "0") return v === "1";
  throw new Error("INDPLACERING_TRAAD skal være 1 (evalueringstråden), 0 (HTTP-tråden) eller tom (efter kerner).");
}

/**
 * Node's own limits on a slow client: headers within `headersTimeout`, the whole request within
 * `requestTimeout` (a caller without a key is answered 401 at once and its connection closed, so
 * these bound only slow callers with a key), idle keep-alive connections closed after
 * `keepAliveTimeout`. headersTimeout must not exceed requestTimeout (Node's rule).
 */
export function saetTidsgraenser(
  server: { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number },
  k: Pick<Konfiguration, "headersTimeout" | "requestTimeout" | "keepAliveTimeout">,
): void {
  server.requestTimeout = k.requestTimeout * 1000;
  server.headersTimeout = Math.min(k.headersTimeout, k.requestTimeout) * 1000;
  server.keepAliveTimeout = k.keepAliveTimeout * 1000;
}
