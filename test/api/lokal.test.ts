// DATA_DIR's lock: a refusal names the process that holds the folder (server, key command, backup,
// restore), and a lock left by a process that has ended is taken over.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { filer, LaasOptaget, tagLaas } from "../../api/lokal.js";

const boern: ChildProcess[] = [];

/** Another process that takes DATA_DIR's lock as `hvem` and holds it until it is killed. */
function holdLaas(dataDir: string, hvem: string): Promise<ChildProcess> {
  const kode = `const { tagLaas } = await import(process.argv[1]);
await tagLaas(process.argv[2], process.argv[3]);
console.log("holder");
setInterval(() => {}, 60_000);`;
  const barn = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", kode, join(ROD, "api/lokal.ts"), dataDir, hvem],
    { cwd: ROD, stdio: ["ignore", "pipe", "inherit"] },
  );
  boern.push(barn);
  return new Promise((resolve, reject) => {
    barn.stdout?.on("data", (d) => {
      if (String(d).includes("holder")) resolve(barn);
    });
    barn.on("exit", (kode) => reject(new Error(`låseholderen stoppede (${kode})`)));
  });
}

const slut = (barn: ChildProcess) =>
  new Promise((r) => (barn.exitCode !== null || barn.signalCode !== null ? r(null) : barn.on("exit", r)));

afterEach(async () => {
  for (const b of boern.splice(0)) {
    if (b.exitCode === null && b.signalCode === null) b.kill("SIGKILL");
    await slut(b);
  }
});

describe("DATA_DIR's lås", () => {
  it.each([
    ["server", "en server"],
    ["noegle", "nøglekommandoen"],
    ["backup", "en sikkerhedskopiering"],
    ["restore", "en gendannelse"],
  ] as const)("en lås holdt af %s nævner %s", async (hvem, navn) => {
    const dataDir = await mkdtemp(join(tmpdir(), "laas-"));
    const barn = await holdLaas(dataDir, hvem);
    const fejl = await tagLaas(dataDir, "server").catch((e: unknown) => e);
    expect(fejl).toBeInstanceOf(LaasOptaget);
    expect((fejl as LaasOptaget).indehaver).toMatchObject({ hvem, pid: barn.pid });
    expect((fejl as LaasOptaget).message).toBe(`DATA_DIR bruges allerede af ${navn} (pid ${barn.pid}).`);
    // The holder's lock is untouched by the refusal.
    expect(JSON.parse(await readFile(filer(dataDir).laas, "utf8"))).toMatchObject({ hvem, pid: barn.pid });

    // Once the holder has ended, its lock is stale and is taken over.
    barn.kill("SIGKILL");
    await slut(barn);
    const frigiv = await tagLaas(dataDir, "noegle");
    expect(JSON.parse(await readFile(filer(dataDir).laas, "utf8"))).toMatchObject({ hvem: "noegle", pid: process.pid });
    await frigiv();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("nøglekommandoen venter ikke på en sikkerhedskopiering, men siger det med det samme", {
    timeout: 30_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "laas-"));
    const barn = await holdLaas(dataDir, "backup");
    const start = Date.now();
    const fejl = (await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/noegle.ts", "liste"], {
      cwd: ROD,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    }).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(fejl.code).not.toBe(0);
    expect(fejl.stderr).toContain(
      `DATA_DIR bruges allerede af en sikkerhedskopiering (pid ${barn.pid}). Prøv igen, når den er færdig.`,
    );
    // It did not sit out the 10 s it gives a server that is starting.
    expect(Date.now() - start).toBeLessThan(8_000);
    // The backup's lock is untouched.
    expect(JSON.parse(await readFile(filer(dataDir).laas, "utf8"))).toMatchObject({ hvem: "backup", pid: barn.pid });
    await rm(dataDir, { recursive: true, force: true });
  });

  it("en lås fra en ukendt slags proces respekteres og nævnes som en anden proces", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "laas-"));
    const barn = spawn(process.execPath, ["-e", "setInterval(() => {}, 60_000)"], { stdio: "ignore" });
    boern.push(barn);
    const pid = barn.pid ?? 0;
    const fremmed = { pid, hvem: "fremtidig-kommando", vaert: hostname(), startet: new Date().toISOString() };
    await writeFile(filer(dataDir).laas, JSON.stringify(fremmed));
    await expect(tagLaas(dataDir, "backup")).rejects.toThrow(
      `DATA_DIR bruges allerede af en anden proces (pid ${pid}).`,
    );
    expect(JSON.parse(await readFile(filer(dataDir).laas, "utf8"))).toEqual(fremmed);
    await rm(dataDir, { recursive: true, force: true });
  });
});
