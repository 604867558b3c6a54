// @ts-check
// Builds what `npm start` runs into dist/: the server (api/, the engine it imports and the
// operations commands; tsc with tsconfig.server.json) into dist/server, and the editor (Vite)
// into dist/editor. Each part is built only when it is missing or older than a source it is
// built from, so `npm start` can call this every time.
//
// Plain JavaScript on purpose: it runs where only the production dependencies are installed
// (`npm ci --omit=dev` after a build with dev dependencies). There an up-to-date dist/ needs
// nothing more; a stale one needs tsc and Vite, and this says so instead of failing obscurely.
//
//   node scripts/byg.mjs                    build the stale parts and say what was built
//   node scripts/byg.mjs --stille           only print when something fails (npm start)
//   node scripts/byg.mjs --kun editor|server  one part
//   node scripts/byg.mjs --tving            build even when up to date
//   node scripts/byg.mjs --detaljer         show tsc's and Vite's own output
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export const ROD = fileURLToPath(new URL("..", import.meta.url));

/** @typedef {"server" | "editor"} Del */

/** Where each part is built to, and the sources (paths in the repository) it is built from. */
export const DELE = {
  server: {
    ud: "dist/server",
    kilder: [
      "api",
      "engine",
      "scripts/noegle.ts",
      "scripts/backup.ts",
      "scripts/restore.ts",
      "scripts/pglite-kommando.ts",
      "tsconfig.base.json",
      "tsconfig.server.json",
      "package.json",
      "scripts/byg.mjs",
    ],
  },
  editor: {
    ud: "dist/editor",
    kilder: [
      "editor/src",
      "editor/index.html",
      "editor/vite.config.ts",
      "editor/vite",
      "engine",
      "rulesets",
      "package.json",
      "scripts/byg.mjs",
    ],
  },
};

/** Written last by a successful build; its time says how fresh the part is. */
const STEMPEL = ".bygget";

/** @param {string} sti */
function nyesteMtime(sti) {
  const s = statSync(sti);
  if (!s.isDirectory()) return s.mtimeMs;
  let nyeste = s.mtimeMs;
  for (const navn of readdirSync(sti)) nyeste = Math.max(nyeste, nyesteMtime(join(sti, navn)));
  return nyeste;
}

/** @param {Del} del */
export function erForaeldet(del) {
  const stempel = join(ROD, DELE[del].ud, STEMPEL);
  if (!existsSync(stempel)) return true;
  const kilde = Math.max(
    ...DELE[del].kilder
      .map((k) => join(ROD, k))
      .filter((k) => existsSync(k))
      .map(nyesteMtime),
  );
  return statSync(stempel).mtimeMs < kilde;
}

class BygFejl extends Error {}

/**
 * Runs one build tool with node, its output captured (shown only on failure or with `detaljer`).
 * @param {string} vaerktoej path of the tool's script under node_modules
 * @param {string[]} args
 * @param {boolean} detaljer
 */
function koer(vaerktoej, args, detaljer) {
  const fil = join(ROD, "node_modules", vaerktoej);
  if (!existsSync(fil))
    throw new BygFejl(
      `Byg: ${vaerktoej} mangler. dist/ er ikke bygget eller er forældet, og udviklingsafhængighederne ` +
        "er ikke installeret: kør `npm ci` (uden --omit=dev) og `npm run build`, og beskær derefter.",
    );
  const r = spawnSync(process.execPath, [fil, ...args], {
    cwd: ROD,
    // A test runner sets NODE_ENV=test, and Vite would then bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: detaljer ? "inherit" : "pipe",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    if (!detaljer) process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    throw new BygFejl(`Byg: ${vaerktoej} ${args.join(" ")} fejlede (kode ${r.status ?? r.signal}).`);
  }
  return `${r.stdout ?? ""}`;
}

/** @type {Record<Del, (detaljer: boolean) => string>} */
const BYG = {
  server(detaljer) {
    // Built beside and swapped in whole, so a running server or command never finds it half-made.
    const ud = join(ROD, DELE.server.ud);
    const ny = `${ud}.ny-${process.pid}`;
    rmSync(ny, { recursive: true, force: true });
    try {
      koer("typescript/bin/tsc", ["-p", "tsconfig.server.json", "--outDir", ny], detaljer);
      // The migrations are read from beside migrate.js at run time.
      cpSync(join(ROD, "api/db/migrations"), join(ny, "api/db/migrations"), { recursive: true });
      rmSync(ud, { recursive: true, force: true });
      renameSync(ny, ud);
    } finally {
      rmSync(ny, { recursive: true, force: true });
    }
    return "";
  },
  editor(detaljer) {
    const tekst = koer("vite/bin/vite.js", ["build", "--config", "editor/vite.config.ts"], detaljer);
    // The bundle plugin's one-line figure for the first view, worth seeing on every build.
    return /I alt før Monaco: .*/.exec(tekst)?.[0] ?? "";
  },
};

/**
 * Builds the stale parts (or those asked for); returns the parts it built.
 * @param {{ stille?: boolean, kun?: Del, tving?: boolean, detaljer?: boolean }} [valg]
 * @returns {Del[]}
 */
export function bygHvisForaeldet(valg = {}) {
  /** @type {Del[]} */
  const dele = valg.kun ? [valg.kun] : ["server", "editor"];
  const bygges = dele.filter((d) => valg.tving || erForaeldet(d));
  for (const del of bygges) {
    const start = Date.now();
    const figur = BYG[del](valg.detaljer ?? false);
    mkdirSync(join(ROD, DELE[del].ud), { recursive: true });
    writeFileSync(join(ROD, DELE[del].ud, STEMPEL), `${new Date().toISOString()}\n`);
    if (!valg.stille) {
      const tid = ((Date.now() - start) / 1000).toFixed(1);
      console.log(`Bygget: ${del} → ${DELE[del].ud} (${tid} s)${figur ? `; ${figur}` : ""}`);
    }
  }
  if (!valg.stille && bygges.length === 0) console.log(`Ajour: ${dele.map((d) => DELE[d].ud).join(", ")}`);
  return bygges;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      stille: { type: "boolean", default: false },
      tving: { type: "boolean", default: false },
      detaljer: { type: "boolean", default: false },
      kun: { type: "string" },
    },
  });
  if (values.kun !== undefined && values.kun !== "server" && values.kun !== "editor") {
    console.error(`Byg: --kun skal være server eller editor, ikke "${values.kun}".`);
    process.exit(2);
  }
  try {
    bygHvisForaeldet({ stille: values.stille, tving: values.tving, detaljer: values.detaljer, kun: values.kun });
  } catch (e) {
    console.error(e instanceof BygFejl ? e.message : e);
    process.exit(1);
  }
}
