// The draft's golden cases (`testtilfaelde`), re-run on every change: each with pass or fail and
// what differed. Publishing is refused by the server while one fails.
import { useEffect, useState } from "react";
import type { Regelsaet } from "../../../engine/index.js";
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

export function Testtilfaelde({ resultater }: { resultater: TesttilfaeldeResultat[] | null }) {
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
        {resultater.map((r) => (
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
          </li>
        ))}
      </ul>
    </div>
  );
}
