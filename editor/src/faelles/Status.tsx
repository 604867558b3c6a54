// Small shared pieces for loading, errors and long work that can be cancelled.
import type { ReactNode } from "react";

export function Indlaeser({ tekst = "Indlæser …" }: { tekst?: string }) {
  return (
    <p className="indlaeser" role="status">
      {tekst}
    </p>
  );
}

export function Fejlboks({ children }: { children: ReactNode }) {
  return (
    <div className="fejlboks" role="alert">
      {children}
    </div>
  );
}

export function Fremdrift({
  faerdige,
  ialt,
  tekst,
  afbryd,
}: {
  faerdige: number;
  ialt: number;
  tekst: string;
  afbryd?: () => void;
}) {
  const pct = ialt > 0 ? Math.round((faerdige / ialt) * 100) : 0;
  return (
    <div className="fremdrift" role="status" aria-live="polite">
      <label>
        {tekst} {ialt > 0 ? `${pct} %` : ""}
        <progress max={ialt || undefined} value={ialt > 0 ? faerdige : undefined} />
      </label>
      {afbryd && (
        <button type="button" onClick={afbryd}>
          Afbryd
        </button>
      )}
    </div>
  );
}
