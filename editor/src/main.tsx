// Entry point: mounts the app. No inline scripts or styles in index.html (CSP).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { AuthProvider } from "./faelles/auth.js";
import "./stil.css";

const rod = document.getElementById("rod");
if (!rod) throw new Error("Editor: #rod is missing from index.html");
createRoot(rod).render(
  <StrictMode>
    <AuthProvider>
      <App />
    </AuthProvider>
  </StrictMode>,
);
