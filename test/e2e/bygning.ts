// The repository root, and the editor build the browser tests need (built when stale).
import { fileURLToPath } from "node:url";

export { byggEditorHvisForaeldet } from "../../editor/vite/byg-hvis-foraeldet.js";

export const ROD = fileURLToPath(new URL("../../", import.meta.url));
