// Builds the editor before the browser tests when editor/dist is missing or older than any
// source it is built from, so `npm test` always tests what is in the tree.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROD = fileURLToPath(new URL("../../", import.meta.url));
const DIST_INDEX = join(ROD, "editor", "dist", "index.html");
const KILDER = ["editor/src", "editor/index.html", "editor/vite.config.ts", "editor/vite", "engine", "rulesets"];

function nyesteMtime(sti: string): number {
  const s = statSync(sti);
  if (!s.isDirectory()) return s.mtimeMs;
  let nyeste = s.mtimeMs;
  for (const navn of readdirSync(sti)) nyeste = Math.max(nyeste, nyesteMtime(join(sti, navn)));
  return nyeste;
}

export function byggEditorHvisForaeldet(): void {
  const kilde = Math.max(
    ...KILDER.map((k) => join(ROD, k))
      .filter(existsSync)
      .map(nyesteMtime),
  );
  if (existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= kilde) return;
  execFileSync(
    join(ROD, "node_modules", ".bin", "vite"),
    ["build", "--config", "editor/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: ROD,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}
