// When someone else saved the draft first: both versions side by side, and the author chooses.
import { lazy, Suspense } from "react";
import { Dialog } from "../faelles/Dialog.js";
import { Indlaeser } from "../faelles/Status.js";
import type { Konflikt } from "./useUdkast.js";

const DiffVisning = lazy(() => import("../monaco/DiffVisning.js"));

export function KonfliktDialog({
  konflikt,
  minTekst,
  vaelg,
  annuller,
}: {
  konflikt: Konflikt | null;
  minTekst: string;
  vaelg: (v: "min" | "deres") => void;
  annuller: () => void;
}) {
  return (
    <Dialog aaben={konflikt !== null} titel="En anden har gemt kladden" luk={annuller} bred>
      <p>
        Kladden på serveren er ændret, siden du hentede den. Til venstre den gemte kladde, til højre din version. Vælg
        hvilken der skal gælde; den anden går tabt.
      </p>
      {konflikt && (
        <Suspense fallback={<Indlaeser tekst="Indlæser sammenligningen …" />}>
          <DiffVisning
            venstre={konflikt.serverTekst}
            hoejre={minTekst}
            venstreNavn="Gemt på serveren"
            hoejreNavn="Din version"
            ariaLabel="Forskelle mellem den gemte kladde og din version"
          />
        </Suspense>
      )}
      <div className="knapper dialog-knapper">
        <button type="button" className="primaer" onClick={() => vaelg("min")}>
          Behold min version (overskriv)
        </button>
        <button type="button" onClick={() => vaelg("deres")}>
          Brug den gemte version
        </button>
        <button type="button" onClick={annuller}>
          Annullér
        </button>
      </div>
    </Dialog>
  );
}
