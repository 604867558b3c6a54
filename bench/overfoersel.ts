// Bytes on the wire for the page, as a browser with an empty cache fetches it from the built
// server (`npm start`'s dist/): the first view (sign-in page), then after signing in and opening
// a regelsæt in the JSON editor (Monaco and its workers). Chromium's own count of encoded bytes
// (headers included) per response, beside the decoded body sizes, so the compression shows.
//
//   npm run bench:overfoersel            (needs Debian's Chromium, like the browser tests)
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROD = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Taelling {
  overfoert: number;
  afkodet: number;
  svar: number;
}

async function startServer(dataDir: string): Promise<{ proces: ChildProcess; url: string; noegle: string }> {
  const proces = spawn(process.execPath, ["dist/server/api/main.js"], {
    cwd: ROD,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let ud = "";
  return new Promise((resolve, reject) => {
    const laes = (d: Buffer) => {
      ud += String(d);
      const port = /Lytter på http:\/\/localhost:(\d+)/.exec(ud)?.[1];
      const noegle = /^Admin-nøgle: (\S+)$/m.exec(ud)?.[1];
      if (port && noegle) resolve({ proces, url: `http://127.0.0.1:${port}`, noegle });
    };
    proces.stdout?.on("data", laes);
    proces.stderr?.on("data", laes);
    proces.on("exit", (kode) => reject(new Error(`Overførsel: serveren stoppede (${kode}):\n${ud}`)));
  });
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function main() {
  execFileSync(process.execPath, ["scripts/byg.mjs", "--stille"], { cwd: ROD, stdio: "inherit" });
  const dataDir = mkdtempSync(join(tmpdir(), "overfoersel-"));
  const profil = mkdtempSync(join(tmpdir(), "overfoersel-chromium-"));
  const server = await startServer(dataDir);
  const context = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const afkodet = new Map<string, number>();
    const t: Taelling = { overfoert: 0, afkodet: 0, svar: 0 };
    cdp.on("Network.dataReceived", (e) => afkodet.set(e.requestId, (afkodet.get(e.requestId) ?? 0) + e.dataLength));
    cdp.on("Network.loadingFinished", (e) => {
      t.overfoert += e.encodedDataLength;
      t.afkodet += afkodet.get(e.requestId) ?? 0;
      t.svar += 1;
    });
    const linje = (navn: string) =>
      console.log(
        `${navn.padEnd(44)} ${kB(t.overfoert).padStart(10)} overført, ${kB(t.afkodet).padStart(10)} udpakket, ${t.svar} svar`,
      );

    await page.goto(server.url, { waitUntil: "networkidle" });
    linje("Første visning (log ind)");
    await page.getByLabel("API-nøgle").fill(server.noegle);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("heading", { name: "Målgrupper" }).waitFor();
    await page.waitForLoadState("networkidle");
    linje("+ logget ind (målgrupper)");
    // A fresh load of the editor's page, signed in (the key is kept in the tab), nothing cached.
    Object.assign(t, { overfoert: 0, afkodet: 0, svar: 0 });
    await page.goto(`${server.url}/regelsaet/autisme`, { waitUntil: "networkidle" });
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    linje("/regelsaet/autisme med JSON-editoren (Monaco)");
  } finally {
    await context.close();
    server.proces.kill("SIGTERM");
    await new Promise((r) => server.proces.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profil, { recursive: true, force: true });
  }
}

await main();
