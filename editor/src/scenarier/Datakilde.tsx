// Which providers a comparison runs over: the example data set for the målgruppe, or a JSON file
// the author uploads (a list of vurderingsgrundlag, or `{ "vurderingsgrundlag": [ … ] }`).
import { useId, useRef, useState } from "react";
import { fejlTekst } from "../faelles/api-klient.js";
import { laesFil } from "../faelles/laes-fil.js";
import { Fejlboks, Fremdrift } from "../faelles/Status.js";

export interface Data {
  navn: string;
  leverandoerer: unknown[];
}

export function Datakilde({
  maalgruppe,
  data,
  eksempel,
  vaelg,
}: {
  maalgruppe: string;
  data: Data | null;
  eksempel: Data | null;
  vaelg: (d: Data) => void;
}) {
  const id = useId();
  const [fremdrift, setFremdrift] = useState<[number, number] | null>(null);
  const [fejl, setFejl] = useState<unknown>();
  const ac = useRef<AbortController | null>(null);

  const upload = async (fil: File) => {
    const c = new AbortController();
    ac.current = c;
    setFejl(undefined);
    setFremdrift([0, fil.size]);
    try {
      const tekst = await laesFil(fil, { signal: c.signal, onProgress: (a, b) => setFremdrift([a, b]) });
      const json: unknown = JSON.parse(tekst);
      const liste = Array.isArray(json) ? json : (json as { vurderingsgrundlag?: unknown }).vurderingsgrundlag;
      if (!Array.isArray(liste)) throw new Error("Filen skal indeholde en liste af vurderingsgrundlag.");
      const egne = liste.filter((x) => (x as { maalgruppe?: unknown })?.maalgruppe === maalgruppe);
      if (egne.length === 0) throw new Error(`Filen har ingen vurderingsgrundlag for målgruppen '${maalgruppe}'.`);
      vaelg({ navn: `${fil.name} (${egne.length} af ${liste.length})`, leverandoerer: egne });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError"))
        setFejl(e instanceof SyntaxError ? new Error("Filen er ikke gyldig JSON.") : e);
    } finally {
      setFremdrift(null);
    }
  };

  return (
    <fieldset className="gruppe">
      <legend>Leverandører</legend>
      {data && data.leverandoerer.length === 0 ? (
        // Only the example data can be empty (an upload without the målgruppe is refused): a new
        // målgruppe has no example providers.
        <p className="advarsel" data-testid="datakilde-tom">
          Eksempeldata har ingen leverandører i målgruppen '{maalgruppe}'. Upload en JSON-fil med vurderingsgrundlag for
          målgruppen for at sammenligne scenarier.
        </p>
      ) : (
        <p>
          {data ? (
            <>
              Sammenligner over <strong data-testid="datakilde">{data.navn}</strong>: {data.leverandoerer.length}{" "}
              {data.leverandoerer.length === 1 ? "leverandør" : "leverandører"}.
            </>
          ) : (
            "Indlæser eksempeldata …"
          )}
        </p>
      )}
      <div className="felt-raekke">
        {eksempel && data !== eksempel && (
          <button type="button" onClick={() => vaelg(eksempel)}>
            Brug eksempeldata
          </button>
        )}
        <label htmlFor={`${id}-fil`}>Upload JSON-fil</label>
        <input
          id={`${id}-fil`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
            e.target.value = "";
          }}
        />
      </div>
      {fremdrift && (
        <Fremdrift
          faerdige={fremdrift[0]}
          ialt={fremdrift[1]}
          tekst="Læser filen …"
          afbryd={() => ac.current?.abort()}
        />
      )}
      {fejl !== undefined && <Fejlboks>{fejlTekst(fejl)}</Fejlboks>}
    </fieldset>
  );
}
