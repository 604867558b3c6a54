// The real server process: first start prints the admin key once, the key command works beside
// a running server (over HTTP) and without one (with DATA_DIR's lock), a second server on the
// same DATA_DIR is refused, and SIGTERM shuts down cleanly.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROD } from "../../api/app.js";

const koer = promisify(execFile);
const startede: ChildProcess[] = [];

interface Startet {
  proces: ChildProcess;
  port: number;
  ud: () => string;
}

function startServer(dataDir: string): Promise<Startet> {
  const proces = spawn(process.execPath, ["--import", "tsx", "api/main.ts"], {
    cwd: ROD,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", DATABASE_URL: "" },
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
  return new Promise((resolve, reject) => {
    const tjek = setInterval(() => {
      const m = /Lytter på http:\/\/localhost:(\d+)/.exec(ud);
      if (m) {
        clearInterval(tjek);
        resolve({ proces, port: Number(m[1]), ud: () => ud });
      }
    }, 50);
    proces.on("exit", (kode) => {
      clearInterval(tjek);
      reject(Object.assign(new Error(`server stoppede (${kode}): ${ud}`), { kode, ud }));
    });
  });
}

const noegle = (dataDir: string, ...args: string[]) =>
  koer(process.execPath, ["--import", "tsx", "scripts/noegle.ts", ...args], {
    cwd: ROD,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });

afterAll(() => {
  for (const p of startede) if (p.exitCode === null) p.kill("SIGKILL");
});

describe("serverprocessen og nøglekommandoen", () => {
  it("kører hele forløbet på den indlejrede database", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "api-e2e-"));
    const s = await startServer(dataDir);
    const adminLinjer = s
      .ud()
      .split("\n")
      .filter((l) => l.startsWith("Admin-nøgle: "));
    expect(adminLinjer).toHaveLength(1);
    const admin = adminLinjer[0]?.slice("Admin-nøgle: ".length) ?? "";
    expect(admin).toMatch(/^smk_[A-Za-z0-9_-]{43}$/);
    expect(s.ud()).toContain("npm run noegle -- opret --rolle tilsyn --navn");
    const url = `http://127.0.0.1:${s.port}/api/v1`;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const maalgrupper = await (
      await fetch(`${url}/maalgrupper`, { headers: { Authorization: `Bearer ${admin}` } })
    ).json();
    expect(maalgrupper.maalgrupper.map((m: { maalgruppe: string }) => m.maalgruppe)).toEqual([
      "autisme",
      "erhvervet-hjerneskade",
      "synsnedsaettelse",
    ]);

    // Beside the running server the command goes through its API.
    const oprettet = await noegle(dataDir, "opret", "--rolle", "tilsyn", "--navn", "sagssystem");
    const tilsyn = /Nøgle: (smk_\S+)/.exec(oprettet.stdout)?.[1] ?? "";
    expect(tilsyn).not.toBe("");
    const svar = await fetch(`${url}/maalgrupper`, { headers: { Authorization: `Bearer ${tilsyn}` } });
    expect(svar.status).toBe(200);
    const liste = await noegle(dataDir, "liste");
    expect(liste.stdout).toMatch(/sagssystem\s+tilsyn/);
    await expect(noegle(dataDir, "opret", "--rolle", "konge", "--navn", "x")).rejects.toMatchObject({
      stderr: expect.stringContaining("rolle"),
    });

    // A second server on the same DATA_DIR is refused.
    await expect(startServer(dataDir)).rejects.toMatchObject({
      kode: 1,
      ud: expect.stringContaining("bruges allerede"),
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);

    // SIGTERM while a large batch is in flight: the batch is answered, then the process exits 0
    // and removes its control files.
    const eksempler = JSON.parse(readFileSync(join(ROD, "rulesets", "eksempeldata.json"), "utf8")) as unknown[];
    const stor = Array.from({ length: 8 }, () => eksempler).flat();
    const iGang = fetch(`${url}/indplacering/batch`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tilsyn}`, "Content-Type": "application/json" },
      body: JSON.stringify({ vurderingsgrundlag: stor }),
    });
    await new Promise((r) => setTimeout(r, 300));
    const slut = new Promise<number | null>((r) => s.proces.on("exit", (kode) => r(kode)));
    s.proces.kill("SIGTERM");
    const batch = await iGang;
    expect(batch.status).toBe(200);
    expect((await batch.json()).antal).toEqual({ ialt: stor.length, indplaceret: stor.length, fejl: 0 });
    expect(await slut).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    for (const fil of ["laas", "server.json", "lokal-admin-noegle"]) expect(existsSync(join(dataDir, fil))).toBe(false);

    // Without a server the command opens the database itself.
    await noegle(dataDir, "tilbagekald", "--navn", "sagssystem");
    const efter = await noegle(dataDir, "liste");
    expect(efter.stdout).toMatch(/sagssystem\s+tilsyn\s+oprettet \S+\s+tilbagekaldt/);
    expect(efter.stdout).toMatch(/lokal-cli\s+admin\s+oprettet \S+\s+tilbagekaldt/);

    // The next start keeps the data and prints no new admin key.
    const igen = await startServer(dataDir);
    expect(igen.ud()).not.toContain("Admin-nøgle");
    const r = await fetch(`http://127.0.0.1:${igen.port}/api/v1/maalgrupper`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(r.status).toBe(200);
    expect(
      (
        await fetch(`http://127.0.0.1:${igen.port}/api/v1/maalgrupper`, {
          headers: { Authorization: `Bearer ${tilsyn}` },
        })
      ).status,
    ).toBe(401);
    const stoppet = new Promise<number | null>((res) => igen.proces.on("exit", (kode) => res(kode)));
    igen.proces.kill("SIGTERM");
    expect(await stoppet).toBe(0);
  });
});
