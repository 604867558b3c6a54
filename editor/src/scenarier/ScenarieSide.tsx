// Scenarier: start from the published version or the draft, define scenarios (or load the
// stakeholders' example scenarios), and compare them over the example data set or an uploaded one.
import { useEffect, useMemo, useRef, useState } from "react";
import { type Regelsaet, type Sammenligning, type Scenarie, validateRegelsaet } from "../../../engine/index.js";
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { eksempeldata, eksempelScenarier } from "../faelles/eksempler.js";
import { MaalgruppeHoved } from "../faelles/MaalgruppeHoved.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Fremdrift, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { kanOprettes } from "../regelsaet/NyMaalgruppe.js";
import { aktueltUdkast } from "../regelsaet/useUdkast.js";
import { type Data, Datakilde } from "./Datakilde.js";
import { BeregningsFejl, koer } from "./evaluering.js";
import { FoelsomhedPanel } from "./FoelsomhedPanel.js";
import { GemteScenarier, ScenarieHandlinger, useGemteScenarier } from "./GemteScenarier.js";
import { aendringerMellem, antalAendringer } from "./kladde-aendringer.js";
import type { Enkeltvis } from "./protokol.js";
import { Resultater } from "./Resultater.js";
import { ScenarieKort } from "./ScenarieKort.js";

type Grundlag = "publiceret" | "kladde";

// Scenarios survive moving between the målgruppe's views.
const gemteScenarier = new Map<string, Scenarie[]>();
const UDGANGSPUNKT: Scenarie = { navn: "Udgangspunkt", aendringer: {} };

function unikNavn(navn: string, brugt: Scenarie[]): string {
  let n = navn;
  for (let i = 2; brugt.some((s) => s.navn === n); i++) n = `${navn} (${i})`;
  return n;
}

export default function ScenarieSide({ maalgruppe }: { maalgruppe: string }) {
  const { api, kan } = useAuth();
  const gemte = useGemteScenarier(maalgruppe);
  const kilder = useHent(async () => {
    const pub = await api.regelsaet(maalgruppe).catch(() => null);
    const udkast = aktueltUdkast(maalgruppe);
    let kladde: { regelsaet?: Regelsaet; ugyldig?: boolean; ikkeGemt?: boolean } | null = null;
    let harServerKladde: boolean;
    if (udkast !== undefined) {
      harServerKladde = udkast.harServerKladde;
      try {
        const v = validateRegelsaet(JSON.parse(udkast.tekst));
        kladde = v.regelsaet ? { regelsaet: v.regelsaet, ikkeGemt: udkast.ikkeGemt } : { ugyldig: true };
      } catch {
        kladde = { ugyldig: true };
      }
    } else {
      const k = await api.kladde(maalgruppe);
      harServerKladde = k !== null;
      if (k) kladde = { regelsaet: k.data };
    }
    // Neither published nor saved as a draft: the målgruppe does not exist (yet).
    return { pub, kladde, findesIkke: !pub && !harServerKladde };
  }, [api, maalgruppe]);
  const [grundlag, setGrundlag] = useState<Grundlag>("kladde");
  const [scenarier, setScenarierState] = useState<Scenarie[]>(() => gemteScenarier.get(maalgruppe) ?? [UDGANGSPUNKT]);
  const setScenarier = (s: Scenarie[]) => {
    gemteScenarier.set(maalgruppe, s);
    setScenarierState(s);
  };
  const [eksempel, setEksempel] = useState<Data | null>(null);
  const [data, setData] = useState<Data | null>(null);
  const [resultat, setResultat] = useState<{
    s?: Sammenligning;
    enkeltvis?: Enkeltvis;
    fejl?: unknown;
    fremdrift?: [number, number];
  }>({});
  const ac = useRef<AbortController | null>(null);

  useEffect(() => {
    void eksempeldata(maalgruppe).then((d) => {
      const e = { navn: "eksempeldata", leverandoerer: d };
      setEksempel(e);
      setData((x) => x ?? e);
    });
  }, [maalgruppe]);

  const pub = kilder.data?.pub;
  const kladde = kilder.data?.kladde;
  const brugKladde = grundlag === "kladde" && kladde?.regelsaet !== undefined;
  const grund = brugKladde ? kladde?.regelsaet : pub?.data;
  const navne = useMemo(() => new Map((grund?.parametre ?? []).map((p) => [p.id, p.navn])), [grund]);

  useEffect(() => {
    if (!grund || !data) return;
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    const t = setTimeout(() => {
      setResultat((r) => ({ ...r, fremdrift: [0, 0] }));
      koer(
        { type: "sammenlign", regelsaet: grund, scenarier, leverandoerer: data.leverandoerer },
        { signal: c.signal, onProgress: (a, b) => setResultat((r) => ({ ...r, fremdrift: [a, b] })) },
      ).then(
        (s) => {
          if (c.signal.aborted) return;
          setResultat({ s });
          // Then each change alone, so a mixed scenario explains every move by its own change.
          koer(
            { type: "enkeltvis", regelsaet: grund, scenarier: scenarier.slice(1), leverandoerer: data.leverandoerer },
            {
              signal: c.signal,
            },
          ).then(
            (enkeltvis) => !c.signal.aborted && setResultat((r) => (r.s === s ? { ...r, enkeltvis } : r)),
            () => undefined,
          );
        },
        (fejl) => !c.signal.aborted && setResultat({ fejl }),
      );
    }, 300);
    return () => {
      clearTimeout(t);
      c.abort();
    };
  }, [grund, scenarier, data]);

  if (kilder.indlaeser && !kilder.data) return <Indlaeser />;
  if (kilder.fejl !== undefined) return <Fejlboks>{fejlTekst(kilder.fejl)}</Fejlboks>;

  const tilfoejKladdensAendringer = () => {
    if (!pub || !kladde?.regelsaet) return;
    const { aendringer } = aendringerMellem(pub.data, kladde.regelsaet);
    setScenarier([...scenarier, { navn: unikNavn("Kladdens ændringer", scenarier), aendringer }]);
  };
  const kladdeForskel = pub && kladde?.regelsaet ? aendringerMellem(pub.data, kladde.regelsaet) : null;

  if (!grund)
    return (
      <section className="side">
        <MaalgruppeHoved maalgruppe={maalgruppe} aktiv="scenarier" />
        <h1>Scenarier for {maalgruppe}</h1>
        <div className="besked advarsel" role="status" data-testid="scenarier-tom">
          {kilder.data?.findesIkke && kanOprettes(maalgruppe) ? (
            <p>
              Målgruppen '{maalgruppe}' findes ikke endnu, så der er intet regelsæt at lave scenarier ud fra.{" "}
              <Link til={`/regelsaet/${maalgruppe}`}>Gem en kladde under Regelsæt</Link> for at oprette den.
            </p>
          ) : kilder.data?.findesIkke ? (
            <p>
              Der findes ingen målgruppe med id'et '{maalgruppe}'. <Link til="/">Tilbage til målgrupperne</Link>
            </p>
          ) : (
            <p>
              Målgruppen har ingen publiceret version, og kladden har fejl, så der er intet regelsæt at lave scenarier
              ud fra. <Link til={`/regelsaet/${maalgruppe}`}>Ret fejlene under Regelsæt</Link>.
            </p>
          )}
        </div>
      </section>
    );

  return (
    <section className="side">
      <MaalgruppeHoved maalgruppe={maalgruppe} titel={grund?.titel} aktiv="scenarier" />
      <h1>Scenarier for {grund?.titel ?? maalgruppe}</h1>
      <div className="kolonner-sidebar">
        <div>
          <fieldset className="gruppe">
            <legend>Udgangspunkt</legend>
            <label className="afkryds">
              <input
                type="radio"
                name="grundlag"
                checked={!brugKladde}
                onChange={() => setGrundlag("publiceret")}
                disabled={!pub}
              />
              Publiceret version {pub?.info.version ?? ""}
            </label>
            <label className="afkryds">
              <input
                type="radio"
                name="grundlag"
                checked={brugKladde}
                onChange={() => setGrundlag("kladde")}
                disabled={!kladde?.regelsaet}
              />
              Kladden{kladde?.ikkeGemt ? " (med ikke-gemte ændringer)" : ""}
              {!kladde && <span className="diskret"> – ingen kladde</span>}
              {kladde?.ugyldig && <span className="fejl"> – har fejl</span>}
            </label>
            {kladdeForskel && !brugKladde && antalAendringer(kladdeForskel.aendringer) > 0 && (
              <button type="button" onClick={tilfoejKladdensAendringer}>
                Tilføj kladdens ændringer som scenarie
              </button>
            )}
          </fieldset>
          <Datakilde maalgruppe={maalgruppe} data={data} eksempel={eksempel} vaelg={setData} />
          <GemteScenarier
            maalgruppe={maalgruppe}
            g={gemte}
            forfatter={kan("forfatter")}
            indlaes={(s) => setScenarier([...scenarier.filter((x) => x.navn !== s.navn), s])}
          />
          <h2>Scenarier</h2>
          {grund &&
            scenarier.map((s, i) => (
              <ScenarieKort
                // biome-ignore lint/suspicious/noArrayIndexKey: names change while typing; the position is the identity
                key={i}
                nummer={i + 1}
                scenarie={s}
                grund={grund}
                aendre={(ny) => setScenarier(scenarier.map((x, j) => (j === i ? ny : x)))}
                fjern={scenarier.length > 1 ? () => setScenarier(scenarier.filter((_, j) => j !== i)) : undefined}
                handlinger={
                  kan("forfatter") && i > 0 ? (
                    <ScenarieHandlinger maalgruppe={maalgruppe} scenarie={s} g={gemte} />
                  ) : null
                }
              />
            ))}
          <div className="knapper">
            <button
              type="button"
              onClick={() =>
                setScenarier([...scenarier, { navn: unikNavn("Nyt scenarie", scenarier), aendringer: {} }])
              }
            >
              Tilføj scenarie
            </button>
            <button
              type="button"
              onClick={() =>
                void eksempelScenarier().then((e) => {
                  const nye = e.filter((x) => !scenarier.some((s) => s.navn === x.navn));
                  setScenarier([...scenarier, ...nye]);
                })
              }
            >
              Indlæs eksempelscenarier
            </button>
            <button type="button" onClick={() => setScenarier([UDGANGSPUNKT])}>
              Nulstil
            </button>
          </div>
        </div>
        <div>
          {resultat.fremdrift && (
            <Fremdrift
              faerdige={resultat.fremdrift[0]}
              ialt={resultat.fremdrift[1]}
              tekst="Sammenligner …"
              afbryd={() => {
                ac.current?.abort();
                setResultat({});
              }}
            />
          )}
          {resultat.fejl !== undefined && (
            <Fejlboks>
              {fejlTekst(resultat.fejl)}
              {resultat.fejl instanceof BeregningsFejl && (
                <ul>
                  {resultat.fejl.detaljer.slice(0, 10).map((d) => (
                    <li key={`${d.path}${d.message}`}>
                      {d.path}: {d.message}
                    </li>
                  ))}
                </ul>
              )}
            </Fejlboks>
          )}
          {resultat.s && <Resultater s={resultat.s} navne={navne} enkeltvis={resultat.enkeltvis} />}
          {grund && data && <FoelsomhedPanel grund={grund} scenarier={scenarier} leverandoerer={data.leverandoerer} />}
        </div>
      </div>
    </section>
  );
}
