// Regelsæt: the JSON editor on the draft beside the threshold form, the test panel, the golden
// cases and the list of problems; save (with conflict handling), discard and publish.
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { Faner } from "../faelles/Faner.js";
import { kortHash } from "../faelles/format.js";
import { MaalgruppeHoved } from "../faelles/MaalgruppeHoved.js";
import { useSti } from "../faelles/router.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import type { JsonEditorHandle } from "../monaco/JsonEditor.js";
import { analyser, editorProblemer } from "./analyse.js";
import { regelsaetHover } from "./hover.js";
import { KonfliktDialog } from "./KonfliktDialog.js";
import { kanOprettes, MaalgruppeFindesIkke, NyMaalgruppeBesked } from "./NyMaalgruppe.js";
import { Problemliste } from "./Problemliste.js";
import { PublicerDialog } from "./PublicerDialog.js";
import { Regler } from "./Regler.js";
import { TaerskelForm } from "./TaerskelForm.js";
import { TestPanel } from "./TestPanel.js";
import { Testtilfaelde, useTesttilfaelde } from "./Testtilfaelde.js";
import { useUdkast } from "./useUdkast.js";

const JsonEditor = lazy(() => import("../monaco/JsonEditor.js"));
const VIS_JSON = "specialisering.visJson";

export default function RegelsaetSide({ maalgruppe }: { maalgruppe: string }) {
  const { api, kan } = useAuth();
  const { query } = useSti();
  const versionParam = query.get("version");
  const version = versionParam ? Number(versionParam) : undefined;
  const redigerbar = kan("forfatter") && version === undefined;
  const { u, setTekst, aendre, gem, loesKonflikt, annullerKonflikt, kasser, publicer } = useUdkast(
    api,
    maalgruppe,
    redigerbar,
    version,
  );
  const tekst = useDeferredValue(u.tekst);
  const analyse = useMemo(() => analyser(tekst), [tekst]);
  const problemer = useMemo(() => editorProblemer(analyse, u.serverFejl), [analyse, u.serverFejl]);
  const testtilfaelde = useTesttilfaelde(analyse.regelsaet);
  // The form shows what it wrote at once; text typed in the editor reaches it through the analysis.
  const formVaerdi = u.formVaerdi?.tekst === u.tekst ? u.formVaerdi.vaerdi : undefined;
  const [fane, setFane] = useState("form");
  const [publicerAaben, setPublicerAaben] = useState(false);
  const editorRef = useRef<JsonEditorHandle | null>(null);
  // The JSON is for those who want it: collapsed until asked for (remembered in this browser).
  const [visJson, setVisJsonState] = useState(() => localStorage.getItem(VIS_JSON) === "1");
  const setVisJson = (v: boolean) => {
    localStorage.setItem(VIS_JSON, v ? "1" : "0");
    setVisJsonState(v);
  };
  // A problem clicked while the JSON is hidden: shown once the editor has opened.
  const ventende = useRef<((h: JsonEditorHandle) => void) | null>(null);
  const iEditoren = (fn: (h: JsonEditorHandle) => void) => {
    if (editorRef.current && visJson) fn(editorRef.current);
    else {
      ventende.current = fn;
      setVisJson(true);
    }
  };
  const aendret = redigerbar && u.status === "klar" && u.tekst !== u.gemtTekst;

  useEffect(() => {
    if (!aendret) return;
    const advar = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", advar);
    return () => window.removeEventListener("beforeunload", advar);
  }, [aendret]);

  if (u.status === "indlaeser") return <Indlaeser />;
  if (u.status === "fejl") return <Fejlboks>{fejlTekst(u.indlaesningsFejl)}</Fejlboks>;

  // Neither published nor drafted: an author creates the målgruppe by saving a draft; a reader
  // has nothing to read. (A reader's view loads no draft, so a draft-only målgruppe reads as this.)
  const findesIkke = version === undefined && !u.publiceret && !u.harServerKladde;
  if (findesIkke && !(redigerbar && kanOprettes(maalgruppe)))
    return <MaalgruppeFindesIkke maalgruppe={maalgruppe} forfatter={kan("forfatter")} />;

  const titel = analyse.regelsaet?.titel ?? u.publiceret?.regelsaet.titel ?? maalgruppe;
  const antalFejl = analyse.syntaksFejl.length + analyse.fejl.length + u.serverFejl.length;
  const fejledeTest = testtilfaelde?.filter((t) => !t.bestaaet).length ?? 0;
  const info = u.publiceret?.info;

  let status: string;
  if (version !== undefined) status = `Version ${version} (kun læsning)`;
  else if (!redigerbar) status = info ? "Kun læsning" : "Ingen publiceret version";
  else if (u.harServerKladde) status = aendret ? "Kladde – ikke gemte ændringer" : "Kladde – gemt";
  else status = aendret ? "Ny kladde – ikke gemt" : "Ingen kladde – en ændring starter en ny";

  return (
    <section className="side regelsaet-side">
      <MaalgruppeHoved maalgruppe={maalgruppe} titel={titel} aktiv="regelsaet" />
      {findesIkke && <NyMaalgruppeBesked maalgruppe={maalgruppe} />}
      <div className="vaerktoejslinje">
        <div>
          <h1>{titel}</h1>
          <p className="diskret" data-testid="regelsaet-status">
            {status}
            {info && (
              <>
                {" · "}publiceret version {info.version}{" "}
                <span className="mono" title={info.hash}>
                  {kortHash(info.hash)}
                </span>
              </>
            )}
          </p>
          {visJson && (
            <p className="diskret tastatur-hjaelp">
              Tastatur: <kbd>Ctrl</kbd>+<kbd>M</kbd> lader <kbd>Tab</kbd> flytte fokus ud af editoren, <kbd>F8</kbd> går
              til næste problem, <kbd>Ctrl</kbd>+<kbd>Mellemrum</kbd> foreslår felter.
            </p>
          )}
        </div>
        <div className="knapper">
          <button type="button" aria-expanded={visJson} onClick={() => setVisJson(!visJson)}>
            {visJson ? "Skjul JSON" : "Vis JSON"}
          </button>
        </div>
        {redigerbar && (
          <div className="knapper">
            {u.arbejder && (
              <span role="status" className="diskret">
                {u.arbejder}
              </span>
            )}
            <button
              type="button"
              className="primaer"
              onClick={gem}
              disabled={u.arbejder !== null || analyse.syntaksFejl.length > 0 || !aendret}
            >
              Gem kladde
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm("Kassér kladden og alle ændringer i den?")) kasser();
              }}
              disabled={u.arbejder !== null || (!u.harServerKladde && !aendret)}
            >
              Kassér kladde
            </button>
            <button
              type="button"
              onClick={() => setPublicerAaben(true)}
              disabled={u.arbejder !== null || (!u.harServerKladde && !aendret)}
            >
              Publicér …
            </button>
          </div>
        )}
      </div>
      {u.besked && (
        <p
          className={u.besked.slags === "ok" ? "besked ok" : "besked fejl"}
          role={u.besked.slags === "ok" ? "status" : "alert"}
        >
          {u.besked.tekst}
        </p>
      )}
      <div className={visJson ? "to-kolonner" : "en-kolonne"}>
        {visJson && (
          <div className="editor-kolonne">
            <Suspense fallback={<Indlaeser tekst="Indlæser editoren …" />}>
              <JsonEditor
                modelNavn={`${maalgruppe}${version !== undefined ? `-v${version}` : ""}`}
                vaerdi={u.tekst}
                onAendring={redigerbar ? setTekst : undefined}
                kunLaes={!redigerbar}
                problemer={problemer}
                hoverHjaelp={regelsaetHover}
                ariaLabel={`Regelsæt for ${titel} som JSON`}
                onKlar={(h) => {
                  editorRef.current = h;
                  const fn = ventende.current;
                  ventende.current = null;
                  if (fn) setTimeout(() => fn(h), 0);
                }}
              />
            </Suspense>
          </div>
        )}
        <div className="panel-kolonne">
          <Faner
            label="Værktøjer til regelsættet"
            aktiv={fane}
            vaelg={setFane}
            faner={[
              {
                id: "form",
                titel: "Tærskler og vægte",
                indhold: () =>
                  formVaerdi === undefined && analyse.syntaksFejl.length > 0 ? (
                    <p className="advarsel">Ret JSON-syntaksfejlene i editoren for at bruge formularen.</p>
                  ) : (
                    <TaerskelForm vaerdi={formVaerdi ?? analyse.vaerdi} aendre={aendre} kunLaes={!redigerbar} />
                  ),
              },
              {
                id: "test",
                titel: "Test",
                indhold: () => <TestPanel maalgruppe={maalgruppe} regelsaet={analyse.regelsaet} kladde={redigerbar} />,
              },
              {
                id: "testtilfaelde",
                titel: (
                  <>
                    Testtilfælde{" "}
                    {testtilfaelde && testtilfaelde.length > 0 && (
                      <span className={`taeller ${fejledeTest > 0 ? "taeller-fejl" : "taeller-ok"}`}>
                        {testtilfaelde.length - fejledeTest}/{testtilfaelde.length}
                      </span>
                    )}
                  </>
                ),
                indhold: () => (
                  <Testtilfaelde
                    resultater={analyse.regelsaet ? testtilfaelde : null}
                    regelsaet={analyse.regelsaet}
                    aendre={aendre}
                    kunLaes={!redigerbar}
                  />
                ),
              },
              {
                id: "regler",
                titel: "Regler og kilder",
                indhold: () => <Regler regelsaet={analyse.regelsaet} />,
              },
              {
                id: "problemer",
                titel: (
                  <>
                    Problemer{" "}
                    <span
                      className={`taeller ${antalFejl > 0 ? "taeller-fejl" : "taeller-ok"}`}
                      data-testid="antal-fejl"
                    >
                      {antalFejl}
                    </span>
                  </>
                ),
                indhold: () => (
                  <Problemliste
                    analyse={analyse}
                    serverFejl={u.serverFejl}
                    serverAdvarsler={u.serverAdvarsler}
                    vis={(p) => iEditoren((h) => h.visPointer(p))}
                    visOffset={(o) => iEditoren((h) => h.visOffset(o))}
                  />
                ),
              },
            ]}
          />
        </div>
      </div>
      <KonfliktDialog konflikt={u.konflikt} minTekst={u.tekst} vaelg={loesKonflikt} annuller={annullerKonflikt} />
      <PublicerDialog
        maalgruppe={maalgruppe}
        aaben={publicerAaben}
        luk={() => setPublicerAaben(false)}
        antalFejl={antalFejl}
        fejledeTest={fejledeTest}
        publicer={async (note) => {
          setPublicerAaben(false);
          await publicer(note);
        }}
      />
    </section>
  );
}
