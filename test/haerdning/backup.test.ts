// Operations: `npm run backup` / `npm run restore` for the embedded database. Back up, change,
// restore, and the old state is back; both refuse while a server holds DATA_DIR; a broken backup
// file is refused before anything is touched; with DATABASE_URL they point to pg_dump; while they
// run, DATA_DIR's lock names them ("backup", "restore"), not the key command.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";
import { filer } from "../../api/lokal.js";
import { PG_DUMP_VEJLEDNING } from "../../scripts/backup.js";
import { genskab } from "../../scripts/restore.js";
import { testRegelsaet } from "../api/hjaelpere.js";
import { draebAlle, startProces } from "./proces.js";

const koer = promisify(execFile);
const kommando = (script: string, dataDir: string, ...args: string[]) =>
  koer(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROD,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });

/** Runs a command and notes the holders DATA_DIR's lock names while it runs: [hvem, pid is the command's]. */
async function medLaas(script: string, dataDir: string, ...args: string[]) {
  const indehavere = new Set<string>();
  const koersel = kommando(script, dataDir, ...args);
  const pid = koersel.child.pid;
  const kig = setInterval(() => {
    try {
      const l = JSON.parse(readFileSync(filer(dataDir).laas, "utf8")) as { hvem: string; pid: number };
      indehavere.add(`${l.hvem} ${l.pid === pid ? "selv" : "en anden"}`);
    } catch {
      // No lock (yet, or any more), or one half-written.
    }
  }, 5);
  try {
    return { svar: await koersel, laast: [...indehavere] };
  } finally {
    clearInterval(kig);
  }
}

const hent = (url: string, noegle: string, metode = "GET", krop?: unknown) =>
  fetch(url, {
    method: metode,
    headers: { Authorization: `Bearer ${noegle}`, "Content-Type": "application/json" },
    body: krop === undefined ? undefined : JSON.stringify(krop),
  });

async function publicer(url: string, noegle: string, m: string, titel: string) {
  const gem = await hent(
    `${url}/regelsaet/${m}/kladde`,
    noegle,
    "PUT",
    testRegelsaet(m, (r) => (r.titel = titel)),
  );
  expect([200, 201]).toContain(gem.status);
  const p = await hent(`${url}/regelsaet/${m}/publicer`, noegle, "POST", { note: titel });
  expect(p.status).toBe(201);
}

afterAll(draebAlle);

describe("backup og restore af den indlejrede database", () => {
  it("tager backup, ændrer, genskaber og ser den gamle tilstand", { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "haerd-backup-"));
    const fil = join(dataDir, "..", `${dataDir.split("/").pop()}.tar.gz`);
    let s = await startProces({ DATA_DIR: dataDir });
    const admin = s.admin ?? "";
    expect(admin).toMatch(/^smk_/);
    const health = await (await fetch(`${s.url}/health`)).json();
    expect(health).toMatchObject({ database: { slags: "pglite", ok: true } });
    await publicer(s.url, admin, "backup-m", "Før backup");

    // Refused beside a running server.
    await expect(kommando("backup", dataDir, fil)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("bruges allerede af en server"),
    });
    await expect(kommando("restore", dataDir, fil)).rejects.toMatchObject({ code: 1 });

    s.proces.kill("SIGTERM");
    expect(await s.slut).toBe(0);
    const { svar: b, laast: laastAfBackup } = await medLaas("backup", dataDir, fil);
    expect(b.stdout).toContain("skrevet til");
    expect(laastAfBackup).toEqual(["backup selv"]);
    expect(existsSync(fil)).toBe(true);

    // Change: a second version and a new key.
    s = await startProces({ DATA_DIR: dataDir });
    await publicer(s.url, admin, "backup-m", "Efter backup");
    const ny = await hent(`${s.url}/noegler`, admin, "POST", { navn: "efter-backup", rolle: "laeser" });
    expect(ny.status).toBe(201);
    s.proces.kill("SIGTERM");
    expect(await s.slut).toBe(0);

    const { svar: r, laast: laastAfRestore } = await medLaas("restore", dataDir, fil);
    expect(r.stdout).toContain("genskabt");
    expect(laastAfRestore).toEqual(["restore selv"]);
    expect((await readdir(dataDir)).some((f) => f.startsWith("pglite.foer-restore-"))).toBe(true);

    s = await startProces({ DATA_DIR: dataDir });
    expect(s.admin).toBeUndefined();
    const versioner = await (await hent(`${s.url}/regelsaet/backup-m/versioner`, admin)).json();
    expect(versioner.versioner.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [1, "Før backup"],
    ]);
    const noegler = await (await hent(`${s.url}/noegler`, admin)).json();
    expect(noegler.noegler.map((n: { navn: string }) => n.navn)).not.toContain("efter-backup");
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    s.proces.kill("SIGTERM");
    expect(await s.slut).toBe(0);

    // A file that is not a backup is refused before the database is touched.
    const skrald = join(dataDir, "skrald.tar.gz");
    await writeFile(skrald, "ikke en backup");
    await expect(genskab(dataDir, skrald)).rejects.toThrow();
    s = await startProces({ DATA_DIR: dataDir });
    expect((await (await hent(`${s.url}/regelsaet/backup-m/versioner`, admin)).json()).versioner).toHaveLength(1);
    s.proces.kill("SIGTERM");
    expect(await s.slut).toBe(0);
  });

  it("henviser til pg_dump, når DATABASE_URL er sat", async () => {
    const svar = koer(process.execPath, ["--import", "tsx", "scripts/backup.ts", "x"], {
      cwd: ROD,
      env: { ...process.env, DATABASE_URL: "postgres://ingen@127.0.0.1:1/x" },
    });
    await expect(svar).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("pg_dump --format=custom") });
    expect(PG_DUMP_VEJLEDNING).toContain("pg_restore");
  });
});
