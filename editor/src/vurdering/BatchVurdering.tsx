// Several providers at once: a JSON list of vurderingsgrundlag or a CSV file, sent to the server
// (POST /indplacering/batch). Shows progress, can be cancelled, and the results can be saved.

import { useId, useRef, useState } from "react";
import type { Detalje } from "../../../engine/index.js";
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { feltNavn, iGrundlaget, stiNavn } from "../faelles/felt-navne.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { laesFil } from "../faelles/laes-fil.js";
import { INDPLACERINGSNIVEAUER, niveauNavn } from "../faelles/niveau.js";
import { Fejlboks, Fremdrift } from "../faelles/Status.js";

/** One item of the server's answer: an indplacering, or why the item at `index` was refused. */
interface Raekke {
  niveau?: string;
  leverandoer?: { id: string; navn?: string; afdeling?: string };
  manglendeOplysninger?: string[];
  regelsaet?: { version?: number };
  index?: number;
  fejl?: unknown;
  kode?: string;
  detaljer?: Detalje[];
}

/** A refused item's details name places in the whole upload (`vurderingsgrundlag[3].borgere.let`). */
function leverandoerNavn(vg: unknown): string | undefined {
  const l = typeof vg === "object" && vg !== null ? (vg as { leverandoer?: unknown }).leverandoer : undefined;
  if (typeof l !== "object" || l === null) return undefined;
  const { navn, id } = l as { navn?: unknown; id?: unknown };
  return typeof navn === "string" && navn ? navn : typeof id === "string" && id ? id : undefined;
}

/** At most this many reasons per row; more are counted ("og 4 flere"), the saved JSON has them all. */
const VIS_DETALJER = 3;

function Detaljer({ detaljer }: { detaljer: readonly Detalje[] }) {
  // Three fit; of more, two are shown and the rest counted, so "og N flere" is never "og 1 flere".
  const vis = detaljer.length <= VIS_DETALJER ? detaljer : detaljer.slice(0, VIS_DETALJER - 1);
  return (
    <ul className="raekke-detaljer">
      {vis.map((d) => {
        const sti = iGrundlaget(d.path);
        return (
          <li key={`${d.path}:${d.message}`}>
            <span title={sti || undefined}>{stiNavn(sti)}</span>: {d.message}
          </li>
        );
      })}
      {vis.length < detaljer.length && <li className="diskret">og {detaljer.length - vis.length} flere</li>}
    </ul>
  );
}

/** "4 let · 6 moderat · 1 med fejl", lowest level first as in the scenario tables. */
function optaelling(resultater: readonly Raekke[]): string {
  const antal = new Map<string, number>();
  let fejl = 0;
  for (const r of resultater) {
    if (r.niveau) antal.set(r.niveau, (antal.get(r.niveau) ?? 0) + 1);
    else fejl++;
  }
  const andre = [...antal.keys()].filter((n) => !(INDPLACERINGSNIVEAUER as readonly string[]).includes(n));
  const dele = [...INDPLACERINGSNIVEAUER, ...andre]
    .filter((n) => antal.has(n))
    .map((n) => `${antal.get(n)} ${niveauNavn(n).toLowerCase()}`);
  if (fejl > 0) dele.push(`${fejl} med fejl`);
  return dele.join(" · ");
}

export function BatchVurdering() {
  const { api } = useAuth();
  const id = useId();
  const [fremdrift, setFremdrift] = useState<{ tekst: string; a: number; b: number } | null>(null);
  const [fejl, setFejl] = useState<unknown>();
  const [resultater, setResultater] = useState<Raekke[] | null>(null);
  // The uploaded providers' names, so a refused row (whose answer has none) is named as in the file.
  const [navne, setNavne] = useState<(string | undefined)[]>([]);
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
      setNavne(Array.isArray(indhold) ? indhold.map(leverandoerNavn) : []);
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
          <p role="status" className="batch-optaelling">
            <span data-testid="batch-optaelling">
              {resultater.length} leverandører: {optaelling(resultater)}
            </span>
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
                    {r.leverandoer ? (
                      <>
                        {r.leverandoer.navn ?? r.leverandoer.id}
                        {r.leverandoer.afdeling ? `, ${r.leverandoer.afdeling}` : ""}
                      </>
                    ) : (
                      <>
                        {navne[r.index ?? i] ?? `Række ${(r.index ?? i) + 1}`}
                        {navne[r.index ?? i] && <div className="diskret">række {(r.index ?? i) + 1}</div>}
                      </>
                    )}
                  </th>
                  {r.niveau ? (
                    <>
                      <td>
                        <NiveauMaerke niveau={r.niveau} />
                      </td>
                      <td>{(r.manglendeOplysninger ?? []).map(feltNavn).join(", ") || "–"}</td>
                    </>
                  ) : (
                    // A refused row has no level and nothing missing: its reasons take both cells.
                    <td colSpan={2}>
                      <span className="fejl">{fejlTekst(r.fejl ?? "Fejl")}</span>
                      {r.detaljer && r.detaljer.length > 0 && <Detaljer detaljer={r.detaljer} />}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
