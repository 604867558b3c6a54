// The draft's golden cases (`testtilfaelde`), re-run on every change: each with pass or fail and
// what differed. Publishing is refused by the server while one fails. An intended policy change
// is accepted without JSON: "Opdatér forventning til faktisk resultat" with a required note,
// written into the case (`forventet`, `note`) so that the history shows it.
import type { JSONPath } from "jsonc-parser";
import { useEffect, useId, useState } from "react";
import { niveauOrd, type Regelsaet } from "../../../engine/index.js";
import { koerTesttilfaelde, type TesttilfaeldeResultat } from "../../../engine/testtilfaelde.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";

export function useTesttilfaelde(regelsaet: Regelsaet | undefined): TesttilfaeldeResultat[] | null {
  const [res, setRes] = useState<TesttilfaeldeResultat[] | null>(null);
  useEffect(() => {
    if (!regelsaet) return;
    let aktiv = true;
    const t = setTimeout(() => {
      koerTesttilfaelde(regelsaet).then(
        (r) => aktiv && setRes(r),
        () => aktiv && setRes(null),
      );
    }, 150);
    return () => {
      aktiv = false;
      clearTimeout(t);
    };
  }, [regelsaet]);
  return res;
}

interface Props {
  resultater: TesttilfaeldeResultat[] | null;
  regelsaet?: Regelsaet;
  aendre?: (sti: JSONPath, vaerdi: unknown) => void;
  kunLaes?: boolean;
}

/** The expectation that matches the actual result: the level, and the same parameters as before. */
function nyForventning(r: TesttilfaeldeResultat): TesttilfaeldeResultat["forventet"] | undefined {
  if (!r.faktisk) return undefined;
  const ny: TesttilfaeldeResultat["forventet"] = { niveau: r.faktisk.niveau };
  if (r.forventet.parametre) {
    ny.parametre = Object.fromEntries(
      Object.keys(r.forventet.parametre).map((id) => [id, r.faktisk?.parametre[id] ?? "ingen"]),
    ) as NonNullable<typeof ny.parametre>;
  }
  return ny;
}

function OpdaterForventning({
  r,
  indeks,
  aendre,
  navn,
}: {
  r: TesttilfaeldeResultat;
  indeks: number;
  aendre: NonNullable<Props["aendre"]>;
  navn: (id: string) => string;
}) {
  const id = useId();
  const [aaben, setAaben] = useState(false);
  const [note, setNote] = useState("");
  const [vis, setVis] = useState(false);
  const ny = nyForventning(r);
  if (!ny) return null;
  if (!aaben)
    return (
      <button type="button" className="testtilfaelde-opdater" onClick={() => setAaben(true)}>
        Opdatér forventning til faktisk resultat …
      </button>
    );
  const mangler = note.trim() === "";
  return (
    <form
      className="testtilfaelde-opdater"
      onSubmit={(e) => {
        e.preventDefault();
        setVis(true);
        if (mangler) return;
        aendre(["testtilfaelde", indeks, "forventet"], ny);
        aendre(["testtilfaelde", indeks, "note"], note.trim());
        setAaben(false);
        setNote("");
      }}
    >
      <p>
        Ny forventning: samlet <NiveauMaerke niveau={ny.niveau} />
        {r.forventet.niveau !== ny.niveau && <> (før {niveauOrd(r.forventet.niveau)})</>}
        {Object.entries(ny.parametre ?? {})
          .filter(([pid, n]) => r.forventet.parametre?.[pid] !== n)
          .map(([pid, n]) => (
            <span key={pid}>
              {"; "}
              {navn(pid)}: {niveauOrd(r.forventet.parametre?.[pid] ?? "")} → {niveauOrd(n)}
            </span>
          ))}
      </p>
      <label htmlFor={`${id}-note`}>Hvorfor ændres forventningen? (påkrævet)</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={note}
        aria-invalid={vis && mangler ? true : undefined}
        aria-describedby={vis && mangler ? `${id}-fejl` : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {vis && mangler && (
        <p id={`${id}-fejl`} role="alert" className="felt-fejl">
          Skriv en note, så historikken viser, hvorfor forventningen blev ændret.
        </p>
      )}
      <div className="knapper">
        <button type="submit" className="primaer">
          Opdatér forventningen
        </button>
        <button type="button" onClick={() => setAaben(false)}>
          Annullér
        </button>
      </div>
    </form>
  );
}

export function Testtilfaelde({ resultater, regelsaet, aendre, kunLaes }: Props) {
  if (!resultater) return <p>Testtilfældene køres, når regelsættet er gyldigt.</p>;
  if (resultater.length === 0)
    return (
      <p>
        Regelsættet har ingen testtilfælde. Tilføj dem under <code>testtilfaelde</code> i JSON-teksten: et
        vurderingsgrundlag og det forventede niveau.
      </p>
    );
  const fejlede = resultater.filter((r) => !r.bestaaet).length;
  return (
    <div>
      <p role="status" className={fejlede > 0 ? "fejl" : "ok"}>
        {fejlede === 0
          ? `Alle ${resultater.length} testtilfælde består.`
          : `${fejlede} af ${resultater.length} testtilfælde fejler. Kladden kan ikke publiceres, før de består.`}
      </p>
      <ul className="testtilfaelde">
        {resultater.map((r, i) => (
          <li key={r.navn} className={r.bestaaet ? "bestaaet" : "fejlet"}>
            <span
              className={`ikon ${r.bestaaet ? "ok" : "nej"}`}
              role="img"
              aria-label={r.bestaaet ? "består" : "fejler"}
            >
              {r.bestaaet ? "✓" : "✗"}
            </span>{" "}
            <strong>{r.navn}</strong>
            <div className="diskret">
              Forventet <NiveauMaerke niveau={r.forventet.niveau} />
              {r.faktisk && (
                <>
                  {" "}
                  · faktisk <NiveauMaerke niveau={r.faktisk.niveau} />
                </>
              )}
            </div>
            {r.afvigelser.length > 0 && (
              <ul>
                {r.afvigelser.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
            {regelsaet?.testtilfaelde?.[i]?.note && <p className="diskret">Note: {regelsaet.testtilfaelde[i]?.note}</p>}
            {!r.bestaaet && aendre && !kunLaes && regelsaet?.testtilfaelde?.[i]?.navn === r.navn && (
              <OpdaterForventning
                r={r}
                indeks={i}
                aendre={aendre}
                navn={(pid) => regelsaet.parametre.find((x) => x.id === pid)?.navn ?? pid}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
