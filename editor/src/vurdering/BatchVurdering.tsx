// Several providers at once, for a socialtilsyn caseworker: a CSV template and a column guide,
// then upload → preview (a dry run on the server: every row read, validated and evaluated as the
// real run would, nothing stored) → confirm (stored, one decision per valid row) → results whose
// rows open the stored decision, exported as CSV or printed as a report to file.
//
// The preview asks the server (`?proev=true`) rather than validating in the browser: the same
// CSV reading, regelsæt lookup (unknown målgruppe, version), normalisation of words to codes and
// evaluation as the stored run, so the preview cannot promise what the real run then refuses.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { KODELISTER, type KodelisteNavn, type Kodelister, type Parameter } from "../../../engine/index.js";
import { ApiFejl, fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { eksempeldata } from "../faelles/eksempler.js";
import { feltNavn, iGrundlaget, stiNavn } from "../faelles/felt-navne.js";
import { datoTid } from "../faelles/format.js";
import { NiveauMaerke } from "../faelles/IndplaceringVisning.js";
import { ikkeIndplaceretAarsag, niveauMedAarsag } from "../faelles/ikke-indplaceret.js";
import { laesFil } from "../faelles/laes-fil.js";
import { INDPLACERINGSNIVEAUER, niveauNavn } from "../faelles/niveau.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Fremdrift } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import "./BatchVurdering.css";
import { type BatchFil, batchFil, type RaekkeInfo } from "./batch-fil.js";
import { type CsvKolonne, skabelonCsv, skabelonKolonner, somCsv } from "./csv-eksport.js";
import { type BatchRaekke, type Detalje, useTilsynApi } from "./tilsyn-api.js";

type Trin =
  | { slags: "valg" }
  | { slags: "proeve"; fil: BatchFil; raekker: BatchRaekke[] }
  | { slags: "gemt"; fil: BatchFil; raekker: BatchRaekke[]; tid: Date };

/**
 * The last run, kept while the page is open, so that going back from a decision opened from the
 * results finds them again (only the summary of each row is kept, not the full reasons). Kept per
 * key: after signing out, the next person at the screen does not see it.
 */
let husket: { noegle: string; trin: Trin } | undefined;

/** What the table needs of a decision; the full reasons are fetched by id when a row is opened. */
function kort(r: BatchRaekke): BatchRaekke {
  const { id, niveau, leverandoer, manglendeOplysninger, regelsaet, index, fejl, kode, detaljer } = r;
  return { id, niveau, leverandoer, manglendeOplysninger, regelsaet, index, fejl, kode, detaljer };
}

/** At most this many reasons per row; more are counted ("og 4 flere"). */
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
function optaelling(resultater: readonly BatchRaekke[]): string {
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

const raekkeNr = (r: BatchRaekke, i: number) => r.index ?? i;

/** The provider as the answer or, for a refused row, the file names it. */
function leverandoerTekst(r: BatchRaekke, info: RaekkeInfo | undefined): string {
  const l = r.leverandoer ?? info;
  if (!l?.id && !l?.navn) return "";
  return `${l.navn ?? l.id}${l.afdeling ? `, ${l.afdeling}` : ""}`;
}

function Niveau({ r }: { r: BatchRaekke }) {
  if (!r.niveau) return null;
  const aarsag = ikkeIndplaceretAarsag(r);
  return (
    <>
      <NiveauMaerke niveau={r.niveau} />
      {aarsag && <div className="aarsag">{aarsag}</div>}
    </>
  );
}

/** "17 oplysninger ikke oplyst", opening to the fields; the whole list would bury the table. */
function Mangler({ stier }: { stier: readonly string[] }) {
  if (stier.length === 0) return <>Ingen</>;
  if (stier.length === 1) return <>{feltNavn(stier[0] ?? "")} er ikke oplyst</>;
  return (
    <details className="mangler">
      <summary>{stier.length} oplysninger er ikke oplyst</summary>
      <span>{stier.map(feltNavn).join(", ")}</span>
    </details>
  );
}

const TYPE_TEKST: Record<CsvKolonne["type"], string> = {
  tekst: "tekst",
  heltal: "heltal",
  tal: "tal",
  sandhed: "ja/nej",
  liste: "liste, adskilt af |",
  json: "JSON",
};

function KolonneGuide({ kolonner }: { kolonner: CsvKolonne[] }) {
  return (
    <details className="kolonne-guide">
      <summary>Alle kolonner i CSV-filen ({kolonner.length})</summary>
      <div className="rulle-x">
        <table className="tabel kompakt">
          <thead>
            <tr>
              <th scope="col">Kolonne</th>
              <th scope="col">Hvad</th>
              <th scope="col">Værdi</th>
            </tr>
          </thead>
          <tbody>
            {kolonner.map((k) => (
              <tr key={k.navn}>
                <th scope="row" className="mono">
                  {k.navn}
                </th>
                <td>
                  {k.navn.startsWith("tilsynsvurdering.") ? "Tilsynets eget niveau for parameteren" : feltNavn(k.navn)}
                </td>
                <td>
                  {TYPE_TEKST[k.type]}
                  {k.vaerdier && <div className="mono diskret">{k.vaerdier.join(", ")}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The template for one målgruppe: its parameters' tilsynsvurdering columns and one example row. */
function Skabelon({ kolonner }: { kolonner: CsvKolonne[] }) {
  const { api } = useAuth();
  const id = useId();
  const maalgrupper = useHent(() => api.maalgrupper(), [api]);
  const [maalgruppe, setMaalgruppe] = useState("autisme");
  const regelsaet = useHent(async () => (await api.regelsaet(maalgruppe)).data, [api, maalgruppe]);
  const eksempel = useHent(async () => (await eksempeldata(maalgruppe)).slice(0, 1), [maalgruppe]);
  const titel = maalgrupper.data?.find((m) => m.maalgruppe === maalgruppe)?.titel ?? maalgruppe;
  // As one string, so the template is made again only when the parameters change, not per render.
  const parametre = (regelsaet.data?.parametre ?? [])
    .filter((p: Parameter) => p.aktiv !== false)
    .map((p) => p.id)
    .join(",");
  const url = useMemo(() => {
    if (kolonner.length === 0 || !eksempel.data) return null;
    const csv = skabelonCsv(skabelonKolonner(kolonner, parametre ? parametre.split(",") : []), eksempel.data);
    return URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  }, [kolonner, parametre, eksempel.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <div className="felt-raekke skabelon">
      <label htmlFor={`${id}-mg`}>Skabelon for målgruppen</label>
      <select id={`${id}-mg`} value={maalgruppe} onChange={(e) => setMaalgruppe(e.target.value)}>
        {(maalgrupper.data ?? [{ maalgruppe: "autisme", titel: "autisme" }]).map((m) => (
          <option key={m.maalgruppe} value={m.maalgruppe}>
            {m.titel}
          </option>
        ))}
      </select>
      {url ? (
        <a className="knap" href={url} download={`skabelon-${maalgruppe}.csv`}>
          Hent CSV-skabelon
        </a>
      ) : (
        <span className="diskret">Skabelonen gøres klar …</span>
      )}
      <Koder kodelister={regelsaet.data?.kodelister} titel={titel} />
    </div>
  );
}

const KODELISTE_TEKST: Record<KodelisteNavn, string> = {
  uddannelser: "Uddannelser (medarbejdere: uddannelser)",
  certificeringer: "Certificeringer (medarbejdere: certificeringer)",
  metoder: "Metoder (metoder.maalgruppespecifikke)",
  sektorer: "Sektorer (samarbejde.sektorer)",
};

/** The codes the målgruppe's lists take, so the file can be filled in without guessing words. */
function Koder({ kodelister, titel }: { kodelister: Kodelister | undefined; titel: string }) {
  const lister = KODELISTER.filter((k) => (kodelister?.[k]?.length ?? 0) > 0);
  if (!kodelister || lister.length === 0) return null;
  return (
    <details className="kolonne-guide">
      <summary>Koder i kodelisterne for {titel}</summary>
      {lister.map((k) => (
        <div key={k}>
          <h3 className="kodeliste-titel">{KODELISTE_TEKST[k]}</h3>
          <p className="kodeliste-koder">
            {kodelister[k]?.map((kode, i) => (
              <span key={kode.kode}>
                {i > 0 && ", "}
                <code>{kode.kode}</code> ({kode.navn})
              </span>
            ))}
          </p>
        </div>
      ))}
    </details>
  );
}

function resultatCsv(fil: BatchFil, raekker: readonly BatchRaekke[]): string {
  const hoved = [
    "Række",
    "Leverandør-id",
    "Leverandør",
    "Afdeling",
    "Målgruppe",
    "Regelsæt-version",
    "Niveau",
    "Niveau (kode)",
    "Fejl",
    "Ikke oplyst",
    "Afgørelsens id",
    "Afgørelsen (link)",
  ];
  const data = raekker.map((r, i) => {
    const n = raekkeNr(r, i);
    const info = fil.raekker[n];
    const l = r.leverandoer ?? info;
    const fejl = r.niveau
      ? ""
      : [
          fejlTekst(r.fejl ?? "Fejl"),
          ...(r.detaljer ?? []).map((d) => `${stiNavn(iGrundlaget(d.path))}: ${d.message}`),
        ].join(" ");
    return [
      String(info?.linje ?? n + 1),
      l?.id ?? "",
      l?.navn ?? "",
      l?.afdeling ?? "",
      r.regelsaet?.maalgruppe ?? info?.maalgruppe ?? "",
      r.regelsaet?.kladde ? "kladde" : r.regelsaet?.version !== undefined ? String(r.regelsaet.version) : "",
      r.niveau ? niveauMedAarsag(r) : "Ikke behandlet",
      r.niveau ?? "",
      fejl,
      (r.manglendeOplysninger ?? []).map(feltNavn).join(", "),
      r.id ?? "",
      r.id ? `${window.location.origin}/vurdering?afgoerelse=${encodeURIComponent(r.id)}` : "",
    ];
  });
  return somCsv(hoved, data);
}

function ResultatTabel({
  fil,
  raekker,
  gemt,
  titler,
}: {
  fil: BatchFil;
  raekker: BatchRaekke[];
  gemt: boolean;
  titler: ReadonlyMap<string, string>;
}) {
  const erCsv = !Array.isArray(fil.indhold);
  const titel = (m: string | undefined) => (m ? (titler.get(m) ?? m) : "");
  return (
    <div className="rulle-x">
      <table className="tabel kompakt batch-tabel" data-testid={gemt ? "batch-resultater" : "batch-proeve"}>
        <thead>
          <tr>
            <th scope="col">{erCsv ? "Linje" : "Nr."}</th>
            <th scope="col">Leverandør</th>
            <th scope="col">Målgruppe</th>
            <th scope="col">{gemt ? "Niveau" : "Niveau, hvis gemt"}</th>
            <th scope="col">{gemt ? "Ikke oplyst" : "Problemer, eller hvad der ikke er oplyst"}</th>
            {gemt && <th scope="col">Afgørelse</th>}
          </tr>
        </thead>
        <tbody>
          {raekker.map((r, i) => {
            const n = raekkeNr(r, i);
            const info = fil.raekker[n];
            const navn = leverandoerTekst(r, info);
            return (
              <tr key={n} className={r.niveau ? undefined : "med-fejl"}>
                <td>{info?.linje ?? n + 1}</td>
                <th scope="row">
                  {navn || `Række ${info?.linje ?? n + 1}`}
                  {(r.leverandoer?.id ?? info?.id) && navn !== (r.leverandoer?.id ?? info?.id) && (
                    <div className="diskret mono">{r.leverandoer?.id ?? info?.id}</div>
                  )}
                </th>
                <td>{titel(r.regelsaet?.maalgruppe ?? info?.maalgruppe)}</td>
                {r.niveau ? (
                  <>
                    <td>
                      <Niveau r={r} />
                    </td>
                    <td>
                      <Mangler stier={r.manglendeOplysninger ?? []} />
                    </td>
                  </>
                ) : (
                  // A refused row has no level: its reasons take both cells.
                  <td colSpan={2}>
                    <span className="fejl">
                      {gemt ? "Ikke gemt: " : "Kan ikke indplaceres: "}
                      {fejlTekst(r.fejl ?? "Fejl")}
                    </span>
                    {r.detaljer && r.detaljer.length > 0 && <Detaljer detaljer={r.detaljer} />}
                  </td>
                )}
                {gemt && (
                  <td>
                    {r.id ? (
                      <>
                        <Link til={`/vurdering?afgoerelse=${encodeURIComponent(r.id)}`} className="ikke-print">
                          Åbn<span className="skjult"> afgørelsen for {navn}</span>
                        </Link>
                        <span className="print-kun mono afgoerelse-id">{r.id}</span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function BatchVurdering() {
  const { session, api } = useAuth();
  const tilsyn = useTilsynApi();
  const maalgrupper = useHent(() => api.maalgrupper(), [api]);
  const titler = useMemo(
    () => new Map((maalgrupper.data ?? []).map((m) => [m.maalgruppe, m.titel])),
    [maalgrupper.data],
  );
  // A new step (preview, results) is scrolled into view: it appears below the long guide.
  const trinRef = useRef<HTMLElement>(null);
  const [rulTil, setRulTil] = useState(false);
  useEffect(() => {
    if (!rulTil) return;
    setRulTil(false);
    trinRef.current?.scrollIntoView({ block: "start" });
  }, [rulTil]);
  const id = useId();
  const kolonner = useHent(() => tilsyn.csvKolonner(), [tilsyn]);
  const noegle = session?.noegle ?? "";
  const [trin, setTrinLokalt] = useState<Trin>(husket?.noegle === noegle ? husket.trin : { slags: "valg" });
  const [fremdrift, setFremdrift] = useState<{ tekst: string; a: number; b: number } | null>(null);
  const [fejl, setFejl] = useState<unknown>();
  const ac = useRef<AbortController | null>(null);
  const setTrin = (t: Trin) => {
    husket = { noegle, trin: t };
    setTrinLokalt(t);
  };

  const proev = async (f: File) => {
    const c = new AbortController();
    ac.current = c;
    setFejl(undefined);
    setTrin({ slags: "valg" });
    try {
      setFremdrift({ tekst: "Læser filen …", a: 0, b: f.size });
      const tekst = await laesFil(f, {
        signal: c.signal,
        onProgress: (a, b) => setFremdrift({ tekst: "Læser filen …", a, b }),
      });
      const fil = batchFil(f.name, f.type, tekst);
      setFremdrift({ tekst: "Serveren gennemgår rækkerne (intet gemmes endnu) …", a: 0, b: 0 });
      const raekker = (await tilsyn.proeveBatch(fil.indhold, c.signal)).map(kort);
      setTrin({ slags: "proeve", fil, raekker });
      setRulTil(true);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setFejl(e);
    } finally {
      setFremdrift(null);
    }
  };

  const gem = async (fil: BatchFil) => {
    const c = new AbortController();
    ac.current = c;
    setFejl(undefined);
    try {
      setFremdrift({ tekst: "Serveren indplacerer og gemmer afgørelserne …", a: 0, b: 0 });
      const raekker = (await tilsyn.batch(fil.indhold, c.signal)).map(kort);
      setTrin({ slags: "gemt", fil, raekker, tid: new Date() });
      setRulTil(true);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setFejl(e);
    } finally {
      setFremdrift(null);
    }
  };

  const csvUrl = useMemo(
    () =>
      trin.slags === "gemt"
        ? URL.createObjectURL(new Blob([resultatCsv(trin.fil, trin.raekker)], { type: "text/csv;charset=utf-8" }))
        : null,
    [trin],
  );
  useEffect(() => () => (csvUrl ? URL.revokeObjectURL(csvUrl) : undefined), [csvUrl]);

  const gyldige = trin.slags === "valg" ? 0 : trin.raekker.filter((r) => r.niveau).length;
  const medFejl = trin.slags === "valg" ? 0 : trin.raekker.length - gyldige;
  const versioner =
    trin.slags === "gemt"
      ? [
          ...new Set(
            trin.raekker
              .filter((r) => r.regelsaet)
              .map(
                (r) =>
                  `${titler.get(r.regelsaet?.maalgruppe ?? "") ?? r.regelsaet?.maalgruppe}, ${r.regelsaet?.kladde ? "kladde" : `version ${r.regelsaet?.version}`}`,
              ),
          ),
        ]
      : [];

  return (
    <div className="batch-vurdering">
      <div className="ikke-print">
        <h2 className="trin-overskrift">1. Udfyld en CSV-fil</h2>
        <p>
          Én række pr. leverandør (eller afdeling). Kun <code>leverandoer.id</code> og <code>maalgruppe</code> skal
          udfyldes. <strong>En tom celle betyder «ikke oplyst»</strong> og tæller hverken med eller imod; skriv{" "}
          <code>0</code> eller <code>nej</code>, når svaret er nul eller nej. Ja/nej skrives <code>ja</code>/
          <code>nej</code>; lister med <code>|</code> mellem koderne (<code>TEACCH|KRAP</code>). Medarbejdere står som
          JSON i én celle – se eksempelrækken i skabelonen. Skabelonen bruger semikolon, så den åbner i kolonner i dansk
          Excel; komma og tabulator læses også.
        </p>
        {kolonner.fejl !== undefined && <Fejlboks>{fejlTekst(kolonner.fejl)}</Fejlboks>}
        <Skabelon kolonner={kolonner.data ?? []} />
        {kolonner.data && <KolonneGuide kolonner={kolonner.data} />}

        <h2 className="trin-overskrift">2. Upload og gennemse</h2>
        <p>
          Filen gennemgås først uden at noget gemmes. Du ser hver række med det niveau, den vil få, og hvad der er galt;
          først når du bekræfter, gemmes afgørelserne. En JSON-fil med en liste af vurderingsgrundlag kan også bruges.
        </p>
        <div className="felt-raekke">
          <label htmlFor={`${id}-fil`}>Fil (JSON eller CSV)</label>
          <input
            id={`${id}-fil`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void proev(f);
              e.target.value = "";
            }}
          />
        </div>
      </div>
      {fremdrift && (
        <Fremdrift
          faerdige={fremdrift.a}
          ialt={fremdrift.b}
          tekst={fremdrift.tekst}
          afbryd={() => ac.current?.abort()}
        />
      )}
      {fejl !== undefined && (
        <Fejlboks>
          {fejlTekst(fejl)}
          {/* A whole-file problem (an unknown column, a broken line) names where, in the file's words. */}
          {fejl instanceof ApiFejl && fejl.detaljer.length > 0 && (
            <ul>
              {fejl.detaljer.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  {d.path.startsWith("(") || d.path.startsWith("kolonne") ? d.path : stiNavn(iGrundlaget(d.path))}:{" "}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
        </Fejlboks>
      )}

      {trin.slags === "proeve" && (
        <section aria-labelledby={`${id}-proeve`} className="batch-trin" ref={trinRef}>
          <h2 id={`${id}-proeve`} className="trin-overskrift">
            3. Gennemse «{trin.fil.navn}» – intet er gemt endnu
          </h2>
          <p role="status" data-testid="batch-proeve-optaelling">
            {trin.raekker.length} rækker: {gyldige} kan indplaceres
            {medFejl > 0 ? `, ${medFejl} har fejl og springes over` : ""}
            {gyldige > 0 && ` (${optaelling(trin.raekker.filter((r) => r.niveau))})`}.
          </p>
          <ResultatTabel fil={trin.fil} raekker={trin.raekker} gemt={false} titler={titler} />
          {medFejl > 0 && (
            <p className="advarsel">
              Rækker med fejl gemmes ikke. Ret dem i filen og upload den igen, eller gem de {gyldige} gyldige nu.
            </p>
          )}
          <div className="knapper">
            <button type="button" className="primaer" disabled={gyldige === 0} onClick={() => void gem(trin.fil)}>
              Bekræft og gem {gyldige} {gyldige === 1 ? "afgørelse" : "afgørelser"}
            </button>
            <button type="button" onClick={() => setTrin({ slags: "valg" })}>
              Annullér
            </button>
          </div>
        </section>
      )}

      {trin.slags === "gemt" && (
        <section aria-labelledby={`${id}-gemt`} className="batch-trin batch-rapport" ref={trinRef}>
          <p className="print-kun diskret">Specialiseringsmodellen · indplacering af flere leverandører</p>
          <h2 id={`${id}-gemt`} className="trin-overskrift">
            <span className="ikke-print">3. </span>Indplacering af {trin.raekker.length} leverandører
          </h2>
          <dl className="noegletal">
            <div>
              <dt>Gemt</dt>
              <dd>{datoTid(trin.tid.toISOString())}</dd>
            </div>
            <div>
              <dt>Af</dt>
              <dd>{session?.bruger.navn}</dd>
            </div>
            <div>
              <dt>Fil</dt>
              <dd>{trin.fil.navn}</dd>
            </div>
            <div>
              <dt>Regelsæt</dt>
              <dd>{versioner.join("; ") || "–"}</dd>
            </div>
          </dl>
          <p role="status" className="batch-optaelling">
            <span data-testid="batch-optaelling">
              {gyldige} {gyldige === 1 ? "afgørelse" : "afgørelser"} gemt:{" "}
              {optaelling(trin.raekker.filter((r) => r.niveau))}
              {medFejl > 0 && `. ${medFejl} ${medFejl === 1 ? "række" : "rækker"} ikke gemt på grund af fejl`}.
            </span>
          </p>
          <div className="knapper ikke-print">
            {csvUrl && (
              <a className="knap" href={csvUrl} download={`indplaceringer-${trin.tid.toISOString().slice(0, 10)}.csv`}>
                Hent resultaterne som CSV
              </a>
            )}
            <button type="button" onClick={() => window.print()}>
              Udskriv rapport
            </button>
            <button type="button" onClick={() => setTrin({ slags: "valg" })}>
              Ny fil
            </button>
          </div>
          <p className="diskret ikke-print">Åbn en række for at se hele afgørelsen med begrundelser.</p>
          <ResultatTabel fil={trin.fil} raekker={trin.raekker} gemt titler={titler} />
        </section>
      )}
    </div>
  );
}
