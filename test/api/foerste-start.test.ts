// The first start as an operator sees it, from the built server (`npm start` runs
// dist/server/api/main.js): the last thing printed is the admin key in its frame, after the
// address, and answered requests at the default log level do not print below it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROD } from "../../api/app.js";

let proces: ChildProcess | undefined;
let dataDir = "";

afterAll(async () => {
  if (proces?.exitCode === null) proces.kill("SIGKILL");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it("slutter med den indrammede admin-nøgle, også efter forespørgsler", { timeout: 180_000 }, async () => {
  // `npm start` builds a stale dist/ first, printing nothing unless the build fails.
  const byg = execFileSync(process.execPath, ["scripts/byg.mjs", "--kun", "server", "--stille"], {
    cwd: ROD,
    encoding: "utf8",
  });
  expect(byg).toBe("");
  dataDir = await mkdtemp(join(tmpdir(), "foerste-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
  delete env.LOG_LEVEL;
  delete env.NODE_ENV;
  const p = spawn(process.execPath, ["dist/server/api/main.js"], { cwd: ROD, env, stdio: ["ignore", "pipe", "pipe"] });
  proces = p;
  let ud = "";
  p.stdout?.on("data", (d) => {
    ud += String(d);
  });
  p.stderr?.on("data", (d) => {
    ud += String(d);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const tjek = setInterval(() => {
      const m = /Lytter på http:\/\/localhost:(\d+)/.exec(ud);
      if (m && /^Admin-nøgle: /m.test(ud)) {
        clearInterval(tjek);
        resolve(Number(m[1]));
      }
    }, 50);
    p.on("exit", (kode) => {
      clearInterval(tjek);
      reject(new Error(`serveren stoppede (${kode}): ${ud}`));
    });
  });
  const noegle = /^Admin-nøgle: (smk_\S+)$/m.exec(ud)?.[1] ?? "";
  const url = `http://127.0.0.1:${port}`;
  expect((await fetch(`${url}/`)).status).toBe(200);
  expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
  expect((await fetch(`${url}/api/v1/maalgrupper`, { headers: { Authorization: `Bearer ${noegle}` } })).status).toBe(
    200,
  );
  await new Promise((r) => setTimeout(r, 300));

  const linjer = ud.trimEnd().split("\n");
  const slut = linjer.slice(-5);
  expect(slut[0], ud.slice(-2000)).toMatch(/^═{40,}$/);
  expect(slut[4]).toBe(slut[0]);
  expect(slut[1]).toMatch(/^Admin-nøgle: smk_[A-Za-z0-9_-]{43}$/);
  expect(slut[2]).toContain("den vises ikke igen");
  expect(slut[3]).toContain("npm run noegle -- opret");
  expect(linjer.at(-7)).toMatch(/^Lytter på http:\/\/localhost:\d+/);
  // The start's own log lines (migration, pilot regelsæt, listening) come before the key.
  expect(linjer.filter((l) => l.startsWith("{")).length).toBeGreaterThan(0);
});
