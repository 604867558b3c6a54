// The embedded database belongs to one process at a time. While the server runs it holds
// DATA_DIR/laas and writes DATA_DIR/server.json (pid, port) and DATA_DIR/lokal-admin-noegle (an
// admin key readable only by the owner); the key command then talks to the server over HTTP. When
// no server runs, the key command takes the lock itself and opens the database directly, and so do
// `npm run backup` and `npm run restore`, each under its own name so a refusal names the right one.
import { open, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

export const filer = (dataDir: string) => ({
  laas: join(dataDir, "laas"),
  server: join(dataDir, "server.json"),
  noegle: join(dataDir, "lokal-admin-noegle"),
  pglite: join(dataDir, "pglite"),
});

/** Who holds the lock, as the user is told: "DATA_DIR bruges allerede af …". */
const INDEHAVERE = {
  server: "en server",
  noegle: "nøglekommandoen",
  backup: "en sikkerhedskopiering",
  restore: "en gendannelse",
} as const;

export interface LaasIndhold {
  pid: number;
  hvem: keyof typeof INDEHAVERE;
  vaert: string;
  startet: string;
}

export class LaasOptaget extends Error {
  constructor(readonly indehaver: LaasIndhold) {
    // The lock file may come from another version of the program: an unknown holder is still a holder.
    const hvem = Object.hasOwn(INDEHAVERE, indehaver.hvem) ? INDEHAVERE[indehaver.hvem] : "en anden proces";
    super(`DATA_DIR bruges allerede af ${hvem} (pid ${indehaver.pid}).`);
  }
}

export function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function laesLaas(fil: string): Promise<LaasIndhold | undefined> {
  try {
    const l = JSON.parse(await readFile(fil, "utf8")) as LaasIndhold;
    return typeof l.pid === "number" ? l : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes DATA_DIR's lock (an exclusively created file). A lock left by a process that no longer
 * runs on this host is removed. Throws LaasOptaget when a live process holds it.
 */
export async function tagLaas(dataDir: string, hvem: LaasIndhold["hvem"]): Promise<() => Promise<void>> {
  const { laas } = filer(dataDir);
  const mit: LaasIndhold = { pid: process.pid, hvem, vaert: hostname(), startet: new Date().toISOString() };
  for (let forsoeg = 0; forsoeg < 5; forsoeg++) {
    try {
      const fh = await open(laas, "wx", 0o600);
      await fh.writeFile(JSON.stringify(mit));
      await fh.close();
      return async () => {
        const nu = await laesLaas(laas);
        if (nu?.pid === process.pid) await rm(laas, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const andet = await laesLaas(laas);
    if (andet && andet.pid !== process.pid && (andet.vaert !== mit.vaert || lever(andet.pid))) {
      throw new LaasOptaget(andet);
    }
    // Stale (or half-written) lock: remove it and try again.
    await rm(laas, { force: true });
    await new Promise((r) => setTimeout(r, 20 * (forsoeg + 1)));
  }
  throw new Error(`Kan ikke tage låsen ${laas}.`);
}

export interface ServerInfo {
  pid: number;
  port: number;
  vaert: string;
}

export async function skrivServerInfo(dataDir: string, info: ServerInfo, lokalNoegle?: string): Promise<void> {
  const f = filer(dataDir);
  if (lokalNoegle !== undefined) {
    await rm(f.noegle, { force: true });
    await writeFile(f.noegle, `${lokalNoegle}\n`, { mode: 0o600, flag: "wx" });
  }
  await writeFile(f.server, `${JSON.stringify(info)}\n`, { mode: 0o644 });
}

export async function laesServerInfo(dataDir: string): Promise<(ServerInfo & { noegle?: string }) | undefined> {
  const f = filer(dataDir);
  try {
    const info = JSON.parse(await readFile(f.server, "utf8")) as ServerInfo;
    const noegle = (await readFile(f.noegle, "utf8").catch(() => "")).trim();
    return noegle ? { ...info, noegle } : info;
  } catch {
    return undefined;
  }
}

export async function fjernServerInfo(dataDir: string): Promise<void> {
  const f = filer(dataDir);
  await rm(f.server, { force: true });
  await rm(f.noegle, { force: true });
}
