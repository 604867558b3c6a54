// Sensitivity: sweep one threshold over a range and chart how many providers land on each level
// at each value; and the borderline providers whose level one step on a threshold would change.
import { useId, useMemo, useRef, useState } from "react";
import {
  type Regelsaet,
  type Scenarie,
  taerskelEtiket,
  taerskelGraenseBrud,
  taerskelVaerdiTekst,
} from "../../../engine/index.js";
import { fejlTekst } from "../faelles/api-klient.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { Fejlboks, Fremdrift } from "../faelles/Status.js";
import { TaerskelVaelger } from "../faelles/TaerskelVaelger.js";
import { TalFelt } from "../faelles/TalFelt.js";
import { koer } from "./evaluering.js";
import { FordelingsVisning } from "./FordelingsVisning.js";
import type { Foelsomhed, Graensetilfaelde } from "./protokol.js";

interface Props {
  grund: Regelsaet;
  scenarier: Scenarie[];
  leverandoerer: unknown[];
}

const STANDARD_TRIN: Record<string, number> = { andel: 0.05, borgere: 1, aar: 1, antal: 1, parametre: 1, point: 0.125 };
const MAKS_VAERDIER = 101;

function vaerdierFra(fra: number, til: number, trin: number): number[] {
  if (!(trin > 0) || til < fra) return [];
  const ud: number[] = [];
  for (let i = 0; i < MAKS_VAERDIER; i++) {
    const v = Math.round((fra + i * trin) * 1e6) / 1e6;
    if (v > til + 1e-9) break;
    ud.push(v);
  }
  return ud;
}

function useKoersel<T>() {
  const [tilstand, setTilstand] = useState<{ data?: T; fejl?: unknown; fremdrift?: [number, number] }>({});
  const ac = useRef<AbortController | null>(null);
  const start = (fn: (signal: AbortSignal, fremdrift: (a: number, b: number) => void) => Promise<T>) => {
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setTilstand({ fremdrift: [0, 0] });
    fn(c.signal, (a, b) => setTilstand((t) => ({ ...t, fremdrift: [a, b] }))).then(
      (data) => !c.signal.aborted && setTilstand({ data }),
      (fejl) => !c.signal.aborted && setTilstand({ fejl }),
    );
  };
  const afbryd = () => {
    ac.current?.abort();
    setTilstand({});
  };
  return { ...tilstand, start, afbryd };
}

export function FoelsomhedPanel({ grund, scenarier, leverandoerer }: Props) {
  const id = useId();
  const taerskler = useMemo(
    () =>
      Object.entries(grund.taerskler).flatMap(([navn, t]) =>
        typeof t.vaerdi === "number"
          ? [
              { navn, t, vaerdi: t.vaerdi },
              ...(t.varianter ?? []).map((v) => ({ navn: `${navn}@${v.navn}`, t, vaerdi: v.vaerdi as number })),
            ]
          : [],
      ),
    [grund],
  );
  const [valgt, setValgt] = useState(
    taerskler.find((x) => x.navn === "uddannelse.moderat.minAndel")?.navn ?? taerskler[0]?.navn ?? "",
  );
  const info = taerskler.find((x) => x.navn === valgt);
  const procent = info?.t.enhed === "andel";
  const [omraade, setOmraade] = useState<{ fra?: number; til?: number; trin?: number }>({});
  const fra = omraade.fra ?? info?.t.min ?? 0;
  const til = omraade.til ?? info?.t.max ?? (procent ? 1 : Math.max(10, (info?.vaerdi ?? 5) * 2));
  const trin = omraade.trin ?? STANDARD_TRIN[info?.t.enhed ?? ""] ?? 1;
  const vaerdier = vaerdierFra(fra, til, trin);
  const [scenarieIndex, setScenarieIndex] = useState(0);
  const scenarie = scenarier[Math.min(scenarieIndex, scenarier.length - 1)];

  const enhedFor = (navn: string) => grund.taerskler[navn.split("@")[0] ?? ""]?.enhed;
  const sweep = useKoersel<Foelsomhed>();
  const graense = useKoersel<Graensetilfaelde[]>();

  // Values in their unit; the value that applies now (under the scenario) is marked.
  const etiketter = useMemo(() => {
    const d = sweep.data;
    if (!d) return [];
    const enhed = grund.taerskler[d.taerskel.split("@")[0] ?? ""]?.enhed;
    return d.vaerdier.map(
      (v) => `${taerskelVaerdiTekst(v, enhed)}${Math.abs(v - d.nuvaerende) < 1e-9 ? " (nuværende)" : ""}`,
    );
  }, [sweep.data, grund]);
  const sweepEtiket = sweep.data ? taerskelEtiket(grund, sweep.data.taerskel).tekst : "";
  const nuPaaTrin = sweep.data?.vaerdier.some((v) => Math.abs(v - (sweep.data?.nuvaerende ?? Number.NaN)) < 1e-9);

  return (
    <section aria-labelledby={`${id}-titel`} className="kort">
      <h2 id={`${id}-titel`}>Følsomhed</h2>
      <p className="diskret">
        Vælg en tærskel og et interval. Hver værdi beregnes over datasættet med ændringerne fra det valgte scenarie.
      </p>
      <div className="felt-raekke">
        <label htmlFor={`${id}-s`}>Scenarie</label>
        <select id={`${id}-s`} value={scenarieIndex} onChange={(e) => setScenarieIndex(Number(e.target.value))}>
          {scenarier.map((s, i) => (
            <option key={s.navn} value={i}>
              {s.navn}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-t`}>Tærskel</label>
        <TaerskelVaelger
          id={`${id}-t`}
          regelsaet={grund}
          kunTal
          fuldeNavne
          vaerdi={valgt}
          onValg={(navn) => {
            setValgt(navn);
            setOmraade({});
          }}
        />
      </div>
      <div className="felt-raekke">
        <TalFelt
          label="Fra"
          vaerdi={fra}
          procent={procent}
          tjek={info ? (v) => taerskelGraenseBrud(info.t, v) : undefined}
          onAendring={(v) => setOmraade((o) => ({ ...o, fra: v }))}
        />
        <TalFelt
          label="Til"
          vaerdi={til}
          procent={procent}
          tjek={info ? (v) => taerskelGraenseBrud(info.t, v) : undefined}
          onAendring={(v) => setOmraade((o) => ({ ...o, til: v }))}
        />
        <TalFelt
          label="Trin"
          vaerdi={trin}
          procent={procent}
          onAendring={(v) => setOmraade((o) => ({ ...o, trin: v }))}
        />
        <span className="diskret">{vaerdier.length} værdier</span>
        <button
          type="button"
          className="primaer"
          disabled={vaerdier.length === 0 || !scenarie}
          onClick={() =>
            sweep.start((signal, onProgress) =>
              koer(
                {
                  type: "foelsomhed",
                  regelsaet: grund,
                  aendringer: scenarie?.aendringer,
                  taerskel: valgt,
                  vaerdier,
                  leverandoerer,
                },
                { signal, onProgress },
              ),
            )
          }
        >
          Beregn følsomhed
        </button>
      </div>
      {sweep.fremdrift && (
        <Fremdrift faerdige={sweep.fremdrift[0]} ialt={sweep.fremdrift[1]} tekst="Beregner …" afbryd={sweep.afbryd} />
      )}
      {sweep.fejl !== undefined && <Fejlboks>{fejlTekst(sweep.fejl)}</Fejlboks>}
      {sweep.data && (
        <p className="diskret" data-testid="sweep-nuvaerende">
          {sweepEtiket}: nuværende værdi {taerskelVaerdiTekst(sweep.data.nuvaerende, enhedFor(sweep.data.taerskel))}
          {nuPaaTrin ? " (markeret i tabellen)" : " (ligger ikke på et af trinene)"}.
        </p>
      )}
      {sweep.data && (
        <FordelingsVisning
          type="line"
          etiketter={etiketter}
          fordelinger={sweep.data.fordelinger}
          ariaLabel={`Kurvediagram: leverandører pr. niveau for hver værdi af ${sweepEtiket}. Tallene står i tabellen.`}
          xTitel={sweepEtiket}
          kolonne="Værdi"
          layout="kolonner-2"
          rulle="tabel-rulle"
          testid="foelsomhed"
        />
      )}
      <h3>Grænsetilfælde</h3>
      <p className="diskret">
        Leverandører, der skifter niveau, hvis en tærskel flyttes ét trin (én borger, ét procentpoint, ét år) i det
        valgte scenarie.
      </p>
      <button
        type="button"
        disabled={!scenarie}
        onClick={() =>
          graense.start((signal, onProgress) =>
            koer(
              { type: "graensetilfaelde", regelsaet: grund, aendringer: scenarie?.aendringer, leverandoerer },
              { signal, onProgress },
            ),
          )
        }
      >
        Find grænsetilfælde
      </button>
      {graense.fremdrift && (
        <Fremdrift
          faerdige={graense.fremdrift[0]}
          ialt={graense.fremdrift[1]}
          tekst="Beregner …"
          afbryd={graense.afbryd}
        />
      )}
      {graense.fejl !== undefined && <Fejlboks>{fejlTekst(graense.fejl)}</Fejlboks>}
      {graense.data &&
        (graense.data.length === 0 ? (
          <p>Ingen leverandører ligger ét trin fra en grænse.</p>
        ) : (
          <div className="rulle-x rulle-y">
            <table className="tabel kompakt" data-testid="graensetilfaelde">
              <thead>
                <tr>
                  <th scope="col">Leverandør</th>
                  <th scope="col">Nu</th>
                  <th scope="col">Tærskel, der flytter den ét trin</th>
                </tr>
              </thead>
              <tbody>
                {graense.data.map((g) => (
                  <tr key={`${g.leverandoer.id}|${g.leverandoer.afdeling ?? ""}`}>
                    <th scope="row">{g.leverandoer.navn ?? g.leverandoer.id}</th>
                    <td>
                      <NiveauMaerke niveau={g.niveau} />
                    </td>
                    <td>
                      <ul className="aarsager">
                        {g.taerskler.map((t) => (
                          <li key={`${t.taerskel}${t.retning}`}>
                            <span title={t.taerskel}>{taerskelEtiket(grund, t.taerskel).tekst}</span>{" "}
                            {t.retning === "op" ? "op" : "ned"} til{" "}
                            {taerskelVaerdiTekst(t.vaerdi, enhedFor(t.taerskel))}: <NiveauMaerke niveau={t.niveau} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
