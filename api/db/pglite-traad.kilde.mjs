// Starts the embedded database's thread from the TypeScript sources (tests, `tsx`): tsx's loader
// first, as the starting thread has it, then the thread itself. The built server (dist/) starts
// the compiled pglite-traad.js directly and never loads this file.
import { register } from "tsx/esm/api";

register();
await import("./pglite-traad.ts");
