// Starts the real server (`node --import tsx api/main.ts`) on a free port with a temporary
// DATA_DIR (or DATABASE_URL), for the crash and backup tests.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { ROD } from "../../api/app.js";

export interface Proces {
  proces: ChildProcess;
  url: string;
  ud: () => string;
  /** The first admin key, when this start printed one. */
  admin?: string;
  slut: Promise<number | null>;
}

export const startede: ChildProcess[] = [];

export function startProces(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Proces> {
  const proces = spawn(process.execPath, ["--import", "tsx", "api/main.ts"], {
    cwd: ROD,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  startede.push(proces);
  let ud = "";
  proces.stdout?.on("data", (d) => {
    ud += String(d);
  });
  proces.stderr?.on("data", (d) => {
    ud += String(d);
  });
  const slut = new Promise<number | null>((r) => proces.on("exit", (kode) => r(kode)));
  return new Promise((resolve, reject) => {
    const tjek = setInterval(() => {
      const m = /Lytter på http:\/\/localhost:(\d+)/.exec(ud);
      if (m) {
        clearInterval(tjek);
        const admin = /Admin-nøgle: (smk_\S+)/.exec(ud)?.[1];
        resolve({ proces, url: `http://127.0.0.1:${m[1]}/api/v1`, ud: () => ud, admin, slut });
      }
    }, 25);
    proces.on("exit", (kode) => {
      clearInterval(tjek);
      reject(new Error(`server stoppede (${kode}): ${ud}`));
    });
  });
}

export function draebAlle() {
  for (const p of startede) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
}

/** A fresh schema on TEST_DATABASE_URL and a DATABASE_URL that uses it, for a spawned server. */
export async function nytSkema(url: string): Promise<{ databaseUrl: string; schema: string; ryd(): Promise<void> }> {
  const schema = `h_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    databaseUrl: u.toString(),
    schema,
    async ryd() {
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`DROP SCHEMA ${schema} CASCADE`);
      await d.end();
    },
  };
}
