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
  corsOrigins: string[];
  trustProxy: boolean | number | string;
  logLevel: string;
  /** Seconds to let requests in flight finish on SIGTERM. */
  lukketid: number;
}

function heltal(navn: string, v: string | undefined, standard: number, min: number, max: number): number {
  if (v === undefined || v === "") return standard;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${navn} skal være et helt tal fra ${min} til ${max}.`);
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
  };
}
