// Builds the editor into editor/dist when it is missing or older than any source it is built
// from. `npm start` runs it first (prestart) and the browser tests call it, so the server never
// serves a stale or missing editor.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROD = fileURLToPath(new URL("../../", import.meta.url));
const DIST_INDEX = join(ROD, "editor", "dist", "index.html");
const KILDER = ["editor/src", "editor/index.html", "editor/vite.config.ts", "editor/vite", "engine", "rulesets"];

function nyesteMtime(sti: string): number {
  const s = statSync(sti);
  if (!s.isDirectory()) return s.mtimeMs;
  let nyeste = s.mtimeMs;
  for (const navn of readdirSync(sti)) nyeste = Math.max(nyeste, nyesteMtime(join(sti, navn)));
  return nyeste;
}

export function editorErForaeldet(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const kilde = Math.max(
    ...KILDER.map((k) => join(ROD, k))
      .filter(existsSync)
      .map(nyesteMtime),
  );
  return statSync(DIST_INDEX).mtimeMs < kilde;
}

export function byggEditorHvisForaeldet({ stille = false } = {}): boolean {
  if (!editorErForaeldet()) return false;
  execFileSync(join(ROD, "node_modules", ".bin", "vite"), ["build", "--config", "editor/vite.config.ts"], {
    cwd: ROD,
    // A test runner sets NODE_ENV=test, and Vite would then bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", stille ? "ignore" : "inherit", "inherit"],
  });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!byggEditorHvisForaeldet()) console.log("Editoren er bygget og ajour (editor/dist).");
}
