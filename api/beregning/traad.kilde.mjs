// Starts the evaluation thread from the TypeScript sources (tests, `tsx`): tsx's loader first, as
// the starting thread has it, then the thread itself. The built server (dist/) starts the
// compiled traad.js directly and never loads this file.
import { register } from "tsx/esm/api";

register();
await import("./traad.ts");
