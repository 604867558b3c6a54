// Accessible tabs: arrow keys move between tabs, the panel is labelled by its tab.
import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

export interface Fane {
  id: string;
  titel: ReactNode;
  indhold: () => ReactNode;
}

export function Faner({
  faner,
  aktiv,
  vaelg,
  label,
}: {
  faner: Fane[];
  aktiv: string;
  vaelg: (id: string) => void;
  label: string;
}) {
  const prefix = useId();
  const knapper = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(
    0,
    faner.findIndex((f) => f.id === aktiv),
  );
  const tast = (e: KeyboardEvent) => {
    const flyt = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (flyt === 0) return;
    e.preventDefault();
    const ny = (index + flyt + faner.length) % faner.length;
    const f = faner[ny];
    if (f) {
      vaelg(f.id);
      knapper.current[ny]?.focus();
    }
  };
  return (
    <div className="faner">
      <div role="tablist" aria-label={label} className="faneliste" onKeyDown={tast}>
        {faner.map((f, i) => (
          <button
            key={f.id}
            ref={(el) => {
              knapper.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${prefix}-fane-${f.id}`}
            aria-selected={i === index}
            aria-controls={`${prefix}-panel-${f.id}`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => vaelg(f.id)}
          >
            {f.titel}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted, so a panel keeps its state (a chosen provider, pasted text). */}
      {faner.map((f, i) => (
        <div
          key={f.id}
          role="tabpanel"
          id={`${prefix}-panel-${f.id}`}
          aria-labelledby={`${prefix}-fane-${f.id}`}
          className="fanepanel"
          hidden={i !== index}
        >
          {f.indhold()}
        </div>
      ))}
    </div>
  );
}
