// Monaco, set up once: the editor core with its standard features, JSON language support, and
// the workers bundled as files on our own origin (no blob: or CDN workers, so a strict CSP holds).
// This module is only ever imported lazily.
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/features/register.all.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/language/json/json.worker.js?worker";
import { jsonDefaults } from "monaco-editor/languages/features/json/register.js";
import { regelsaetSchemaer } from "./schemaer.js";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return label === "json" ? new JsonWorker({ name: "json" }) : new EditorWorker({ name: label });
  },
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: "error",
  enableSchemaRequest: false,
  // The engine's validation reports schema errors in Danish with the same positions; Monaco's
  // own (English) schema messages would duplicate them. Completion and hover still use the schema.
  schemaValidation: "ignore",
  schemas: regelsaetSchemaer(),
});

export { monaco };
export type Monaco = typeof monaco;
