// The real API server as a child process (`tsx api/main.ts`, as `npm start` runs it) on a free
// port with a temporary DATA_DIR, so the embedded database starts empty: the pilot regelsæt are
// published as version 1 and the admin key is printed once.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROD } from "./bygning.js";

export interface Server {
  url: string;
  adminNoegle: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), "e2e-data-"));
  const barn: ChildProcess = spawn(join(ROD, "node_modules", ".bin", "tsx"), ["api/main.ts"], {
    cwd: ROD,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let ud = "";
  const klar = new Promise<{ port: string; noegle: string }>((resolve, reject) => {
    const tidsgraense = setTimeout(() => reject(new Error(`E2E: serveren startede ikke:\n${ud}`)), 180_000);
    const laes = (del: Buffer) => {
      ud += del.toString();
      const noegle = /^Admin-nøgle: (\S+)$/m.exec(ud)?.[1];
      const port = /Lytter på http:\/\/localhost:(\d+)/.exec(ud)?.[1];
      if (noegle && port) {
        clearTimeout(tidsgraense);
        resolve({ port, noegle });
      }
    };
    barn.stdout?.on("data", laes);
    barn.stderr?.on("data", laes);
    barn.on("exit", (kode) => {
      clearTimeout(tidsgraense);
      reject(new Error(`E2E: serveren stoppede (kode ${kode}):\n${ud}`));
    });
  });
  const { port, noegle } = await klar;
  return {
    url: `http://127.0.0.1:${port}`,
    adminNoegle: noegle,
    async stop() {
      if (barn.exitCode === null) {
        const stoppet = new Promise((r) => barn.once("exit", r));
        barn.kill("SIGTERM");
        await Promise.race([stoppet, new Promise((r) => setTimeout(r, 10_000))]);
        if (barn.exitCode === null) barn.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a key with the admin key, through the API like the key screen does. */
export async function opretNoegle(s: Server, navn: string, rolle: string): Promise<string> {
  const res = await fetch(`${s.url}/api/v1/noegler`, {
    method: "POST",
    headers: { Authorization: `Bearer ${s.adminNoegle}`, "Content-Type": "application/json" },
    body: JSON.stringify({ navn, rolle }),
  });
  if (!res.ok) throw new Error(`E2E: kunne ikke oprette nøglen ${navn}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { noegle: string }).noegle;
}
