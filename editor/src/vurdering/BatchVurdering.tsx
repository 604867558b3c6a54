// Several providers at once: a JSON list of vurderingsgrundlag or a CSV file, sent to the server
// (POST /indplacering/batch). Shows progress, can be cancelled, and the results can be saved.
import { useId, useRef, useState } from "react";
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { feltNavn } from "../faelles/felt-navne.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { laesFil } from "../faelles/laes-fil.js";
import { Fejlboks, Fremdrift } from "../faelles/Status.js";

interface Raekke {
  niveau?: string;
  leverandoer?: { id: string; navn?: string; afdeling?: string };
  manglendeOplysninger?: string[];
  regelsaet?: { version?: number };
  fejl?: unknown;
}

export function BatchVurdering() {
  const { api } = useAuth();
  const id = useId();
  const [fremdrift, setFremdrift] = useState<{ tekst: string; a: number; b: number } | null>(null);
  const [fejl, setFejl] = useState<unknown>();
  const [resultater, setResultater] = useState<Raekke[] | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const ac = useRef<AbortController | null>(null);

  const koer = async (fil: File) => {
    const c = new AbortController();
    ac.current = c;
    setFejl(undefined);
    setResultater(null);
    try {
      setFremdrift({ tekst: "Læser filen …", a: 0, b: fil.size });
      const tekst = await laesFil(fil, {
        signal: c.signal,
        onProgress: (a, b) => setFremdrift({ tekst: "Læser filen …", a, b }),
      });
      setFremdrift({ tekst: "Serveren indplacerer …", a: 0, b: 0 });
      const erCsv = fil.name.toLowerCase().endsWith(".csv") || fil.type === "text/csv";
      let indhold: unknown[] | { csv: string };
      if (erCsv) indhold = { csv: tekst };
      else {
        const json: unknown = JSON.parse(tekst);
        const liste = Array.isArray(json) ? json : (json as { vurderingsgrundlag?: unknown }).vurderingsgrundlag;
        if (!Array.isArray(liste)) throw new Error("JSON-filen skal indeholde en liste af vurderingsgrundlag.");
        indhold = liste;
      }
      const res = (await api.batch(indhold, c.signal)) as Raekke[];
      setResultater(res);
      if (url) URL.revokeObjectURL(url);
      setUrl(URL.createObjectURL(new Blob([JSON.stringify(res, null, 2)], { type: "application/json" })));
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError"))
        setFejl(e instanceof SyntaxError ? new Error("Filen er ikke gyldig JSON.") : e);
    } finally {
      setFremdrift(null);
    }
  };

  const fordeling = new Map<string, number>();
  for (const r of resultater ?? []) if (r.niveau) fordeling.set(r.niveau, (fordeling.get(r.niveau) ?? 0) + 1);

  return (
    <div>
      <p>
        Upload en JSON-fil med en liste af vurderingsgrundlag, eller en CSV-fil med én række pr. leverandør (kolonnerne
        er beskrevet i API-dokumentationen under <a href="/api/v1/docs">/api/v1/docs</a>). Hver afgørelse gemmes med den
        version af regelsættet, den er truffet efter.
      </p>
      <div className="felt-raekke">
        <label htmlFor={`${id}-fil`}>Fil (JSON eller CSV)</label>
        <input
          id={`${id}-fil`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void koer(f);
            e.target.value = "";
          }}
        />
      </div>
      {fremdrift && (
        <Fremdrift
          faerdige={fremdrift.a}
          ialt={fremdrift.b}
          tekst={fremdrift.tekst}
          afbryd={() => ac.current?.abort()}
        />
      )}
      {fejl !== undefined && <Fejlboks>{fejlTekst(fejl)}</Fejlboks>}
      {resultater && (
        <>
          <p role="status">
            {resultater.length} leverandører:{" "}
            {[...fordeling].map(([n, k]) => (
              <span key={n}>
                <NiveauMaerke niveau={n} /> {k}{" "}
              </span>
            ))}
            {url && (
              <a href={url} download="indplaceringer.json">
                Gem resultaterne (JSON)
              </a>
            )}
          </p>
          <table className="tabel kompakt">
            <thead>
              <tr>
                <th scope="col">Leverandør</th>
                <th scope="col">Niveau</th>
                <th scope="col">Manglende oplysninger</th>
              </tr>
            </thead>
            <tbody>
              {resultater.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: results come in the order of the upload
                <tr key={i}>
                  <th scope="row">
                    {r.leverandoer?.navn ?? r.leverandoer?.id ?? `Række ${i + 1}`}
                    {r.leverandoer?.afdeling ? `, ${r.leverandoer.afdeling}` : ""}
                  </th>
                  <td>
                    {r.niveau ? (
                      <NiveauMaerke niveau={r.niveau} />
                    ) : (
                      <span className="fejl">{fejlTekst(r.fejl ?? "Fejl")}</span>
                    )}
                  </td>
                  <td>{(r.manglendeOplysninger ?? []).map(feltNavn).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
