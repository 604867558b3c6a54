// Builds the browser editor into dist/editor, which the API server serves at `/`. Everything —
// Monaco, its workers, chart.js, the engine — is bundled and served from our own origin.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { bundleStoerrelse } from "./vite/bundle-stoerrelse.js";

const editorDir = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: editorDir,
  base: "/",
  plugins: [react(), bundleStoerrelse(300)],
  worker: { format: "es" },
  build: {
    outDir: "../dist/editor",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    // Small assets are emitted as files, never inlined as data: URIs, to keep the CSP simple.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
    proxy: { "/api": process.env.API_URL ?? "http://localhost:3000" },
  },
});
