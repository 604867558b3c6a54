// Providers per level along a row of labels — the scenarios of a comparison, or the values of a
// sweep: a chart and, beside it, the same figures in a table (the chart's accessible twin).
import { type ReactNode, useMemo } from "react";
import type { Fordeling } from "../../../engine/index.js";
import { INDPLACERINGSNIVEAUER, niveauNavn } from "../faelles/niveau.js";
import { Diagram, NIVEAU_FARVE } from "./Diagram.js";

/** A table head of one heading (`children`) and then a column per level. */
export function NiveauHoved({ children }: { children: ReactNode }) {
  return (
    <thead>
      <tr>
        <th scope="col">{children}</th>
        {INDPLACERINGSNIVEAUER.map((n) => (
          <th key={n} scope="col" className="tal">
            {niveauNavn(n)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

interface Props {
  type: "bar" | "line";
  etiketter: string[];
  /** One per label, in the same order. */
  fordelinger: Fordeling[];
  ariaLabel: string;
  xTitel?: string;
  /** The table's first column heading. */
  kolonne: string;
  /** Classes of the chart-and-table layout and of the box around the table. */
  layout: string;
  rulle: string;
  testid: string;
}

export function FordelingsVisning({
  type,
  etiketter,
  fordelinger,
  ariaLabel,
  xTitel,
  kolonne,
  layout,
  rulle,
  testid,
}: Props) {
  const serier = useMemo(
    () =>
      INDPLACERINGSNIVEAUER.map((n) => ({
        navn: niveauNavn(n),
        farve: NIVEAU_FARVE[n] ?? "#888",
        data: fordelinger.map((f) => f[n]),
      })),
    [fordelinger],
  );
  return (
    <div className={layout}>
      <Diagram
        type={type}
        etiketter={etiketter}
        serier={serier}
        ariaLabel={ariaLabel}
        xTitel={xTitel}
        yTitel="Leverandører"
      />
      <div className={rulle}>
        <table className="tabel kompakt" data-testid={testid}>
          <NiveauHoved>{kolonne}</NiveauHoved>
          <tbody>
            {fordelinger.map((f, i) => (
              <tr key={etiketter[i]}>
                <th scope="row">{etiketter[i]}</th>
                {INDPLACERINGSNIVEAUER.map((n) => (
                  <td key={n} className="tal">
                    {f[n]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
