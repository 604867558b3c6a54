// Where a criterion comes from, beside it: "Kilde: 002, Boks 4 — 'citat'" from its `kilde`, or
// "Antagelse: begrundelse" when the team chose it where the seed documents are silent.
import type { Kilde as KildeData } from "../../../engine/index.js";

interface Props {
  kilde?: KildeData;
  antagelse?: boolean;
  begrundelse?: string;
  /** The document titles of the regelsæt's `kilder`, by number. */
  dokumenter?: Record<string, { titel: string } | undefined>;
}

export function KildeLinje({ kilde, antagelse, begrundelse, dokumenter }: Props) {
  if (!kilde && !antagelse) return null;
  return (
    <p className="kilde-linje diskret">
      {kilde && (
        <span title={dokumenter?.[kilde.dokument]?.titel}>
          <strong>Kilde:</strong> {kilde.dokument}, {kilde.afsnit}
          {kilde.citat && <> — «{kilde.citat}»</>}
        </span>
      )}
      {antagelse && (
        <span>
          {kilde && " · "}
          <strong>Antagelse:</strong> {begrundelse ?? "kilderne giver ikke et tal; værdien er teamets valg."}
        </span>
      )}
    </p>
  );
}
