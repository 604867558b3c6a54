// Memory of one streamed batch: 100,000 generated providers (autisme, about 20 staff each),
// written to a temporary file as JSON and as CSV, each sent as a stream to
// POST /api/v1/indplacering/batch on a fresh server process (bench/http-server.ts: embedded
// PGlite in a temporary DATA_DIR, a tilsyn key); the answer is read as a stream. Prints duration,
// items/s and the server's peak RSS (VmHWM from /proc/<pid>/status) after start and after the batch.
// The fresh DATA_DIR means the server makes its database first; openPglite runs that initdb in a
// short-lived child process (about 750 MB for a few seconds), which VmHWM does not include.
// Usage: npm run bench:batch [-- --antal 100000]
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { csvKolonner } from "../api/csv.js";
import type { Vurderingsgrundlag } from "../engine/index.js";
import { genererLeverandoerer } from "../scripts/eksempel-generator.js";

const ROD = fileURLToPath(new URL("..", import.meta.url));
const i = process.argv.indexOf("--antal");
const ANTAL = i > 0 ? Number(process.argv[i + 1]) : 100_000;

function vmhwm(pid: number, felt = "VmHWM"): number {
  const m = new RegExp(`${felt}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function skrivFil(sti: string, dele: Iterable<string>): Promise<void> {
  const ud = createWriteStream(sti);
  for (const d of dele) if (!ud.write(d)) await once(ud, "drain");
  ud.end();
  await once(ud, "finish");
}

function* jsonDele(liste: readonly Vurderingsgrundlag[]): Generator<string> {
  yield '{"vurderingsgrundlag":[';
  for (const [n, vg] of liste.entries()) yield (n === 0 ? "" : ",") + JSON.stringify(vg);
  yield "]}";
}

const citer = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function* csvDele(liste: readonly Vurderingsgrundlag[]): Generator<string> {
  const kolonner = csvKolonner().filter((k) => !k.navn.startsWith("tilsynsvurdering."));
  yield `${kolonner.map((k) => k.navn).join(",")}\n`;
  for (const vg of liste) {
    const celler = kolonner.map((k) => {
      let v: unknown = vg;
      for (const del of k.navn.split(".")) v = (v as Record<string, unknown> | undefined)?.[del];
      if (v === undefined || v === null) return "";
      if (k.type === "json") return citer(JSON.stringify(v));
      if (k.type === "liste" && Array.isArray(v)) return citer(v.join("|"));
      return citer(String(v));
    });
    yield `${celler.join(",")}\n`;
  }
}

async function startServer(mappe: string): Promise<{ barn: ChildProcess; port: number; noegle: string }> {
  const barn = spawn(process.execPath, ["--import", "tsx", join(ROD, "bench/http-server.ts")], {
    env: { ...process.env, DATA_DIR: mappe, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const linjer = createInterface({ input: barn.stdout as NodeJS.ReadableStream });
  const [linje] = (await once(linjer, "line")) as [string];
  const { port, noegle } = JSON.parse(linje) as { port: number; noegle: string };
  return { barn, port, noegle };
}

async function koer(navn: string, fil: string, type: string): Promise<void> {
  const mappe = mkdtempSync(join(tmpdir(), "bench-batch-"));
  const { barn, port, noegle } = await startServer(mappe);
  const pid = barn.pid ?? 0;
  try {
    const foer = vmhwm(pid);
    const foerRss = vmhwm(pid, "VmRSS");
    const start = performance.now();
    const { status, bytes, hale } = await new Promise<{ status: number; bytes: number; hale: string }>((ok, fejl) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/v1/indplacering/batch",
          headers: {
            Authorization: `Bearer ${noegle}`,
            "Content-Type": type,
            "Content-Length": statSync(fil).size,
          },
        },
        (res) => {
          let n = 0;
          let hale = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            n += c.length;
            hale = (hale + c).slice(-2000);
          });
          res.on("end", () => ok({ status: res.statusCode ?? 0, bytes: n, hale }));
          res.on("error", fejl);
        },
      );
      req.on("error", fejl);
      createReadStream(fil).pipe(req);
    });
    const sek = (performance.now() - start) / 1000;
    const antal = /"antal":(\{[^}]*\})/.exec(hale)?.[1] ?? "?";
    const afbrudt = hale.includes('"afbrudt"') ? " AFBRUDT" : "";
    console.log(
      `| ${navn} | ${(statSync(fil).size / 1024 ** 2).toFixed(0)} MB | ${status}${afbrudt} | ${sek.toFixed(1)} s | ${Math.round(ANTAL / sek)} | ${(bytes / 1024 ** 2).toFixed(0)} MB | ${foerRss.toFixed(0)} / ${foer.toFixed(0)} MB | ${vmhwm(pid).toFixed(0)} MB | ${antal} |`,
    );
  } finally {
    barn.kill("SIGTERM");
    await once(barn, "exit");
    rmSync(mappe, { recursive: true, force: true });
  }
}

const mappe = mkdtempSync(join(tmpdir(), "bench-batch-filer-"));
try {
  const liste = genererLeverandoerer(ANTAL, { seed: 20240901, maalgruppe: "autisme", medarbejdere: 20 });
  const jsonFil = join(mappe, "batch.json");
  const csvFil = join(mappe, "batch.csv");
  await skrivFil(jsonFil, jsonDele(liste));
  await skrivFil(csvFil, csvDele(liste));
  console.log(`${ANTAL} leverandører (autisme, 20 medarbejdere hver), node ${process.version}\n`);
  console.log(
    "| krop | størrelse | status | varighed | leverandører/s | svar | server-RSS efter start (nu / top) | server-RSS top (VmHWM) | antal |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  await koer("JSON", jsonFil, "application/json");
  await koer("CSV", csvFil, "text/csv");
} finally {
  rmSync(mappe, { recursive: true, force: true });
}
