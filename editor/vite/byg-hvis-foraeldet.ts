// The editor build for the browser tests: builds dist/editor when it is missing or older than
// any source it is built from. The build itself, and when it is stale, is scripts/byg.mjs (plain
// JavaScript, so `npm start` can run it where only production dependencies are installed).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROD = fileURLToPath(new URL("../../", import.meta.url));

export function byggEditorHvisForaeldet({ stille = false } = {}): void {
  execFileSync(
    process.execPath,
    [join(ROD, "scripts", "byg.mjs"), "--kun", "editor", ...(stille ? ["--stille"] : [])],
    {
      cwd: ROD,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}
