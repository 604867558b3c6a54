// Saved scenarios of a målgruppe: the list (name, author, when) to load into the comparison,
// export as JSON or CSV, and per scenario on the page "Gem" and "Gør scenariet til kladde".
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Scenarie } from "../../../engine/index.js";
import { fejlTekst, lavApiKald } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { datoTid } from "../faelles/format.js";
import { Link } from "../faelles/router.js";
import { type GemtScenarie, goerTilKladde, hentFil, lavScenarieApi } from "./gemte.js";

type Besked = { tekst: string; slags: "ok" | "fejl"; kladde?: boolean } | null;

export function useGemteScenarier(maalgruppe: string) {
  const { session, logUd } = useAuth();
  const sapi = useMemo(() => lavScenarieApi(lavApiKald(session?.noegle ?? "", logUd)), [session?.noegle, logUd]);
  const [liste, setListe] = useState<GemtScenarie[] | null>(null);
  const [besked, setBesked] = useState<Besked>(null);
  const opdater = useCallback(
    () =>
      sapi.liste(maalgruppe).then(setListe, (e) => {
        setListe([]);
        setBesked({ tekst: `De gemte scenarier kunne ikke hentes: ${fejlTekst(e)}`, slags: "fejl" });
      }),
    [sapi, maalgruppe],
  );
  useEffect(() => {
    void opdater();
  }, [opdater]);
  return { sapi, liste, opdater, besked, setBesked };
}

type Gemte = ReturnType<typeof useGemteScenarier>;

/** "Gem" and "Gør scenariet til kladde" for one scenario on the page. */
export function ScenarieHandlinger({ maalgruppe, scenarie, g }: { maalgruppe: string; scenarie: Scenarie; g: Gemte }) {
  const { api } = useAuth();
  const [arbejder, setArbejder] = useState(false);
  const gemt = g.liste?.find((x) => x.navn === scenarie.navn);
  const koer = async (fn: () => Promise<void>) => {
    setArbejder(true);
    g.setBesked(null);
    try {
      await fn();
    } catch (e) {
      g.setBesked({ tekst: fejlTekst(e), slags: "fejl" });
    } finally {
      setArbejder(false);
    }
  };
  return (
    <div className="knapper scenarie-handlinger">
      <button
        type="button"
        disabled={arbejder || scenarie.navn.trim() === ""}
        onClick={() =>
          koer(async () => {
            if (gemt) await g.sapi.erstat(maalgruppe, gemt.id, scenarie);
            else await g.sapi.gem(maalgruppe, scenarie);
            await g.opdater();
            g.setBesked({ tekst: `Scenariet «${scenarie.navn}» er gemt.`, slags: "ok" });
          })
        }
      >
        {gemt ? "Gem ændringer" : "Gem scenariet"}
      </button>
      <button
        type="button"
        disabled={arbejder || !scenarie.aendringer || Object.keys(scenarie.aendringer).length === 0}
        onClick={() => {
          if (!window.confirm(`Læg ændringerne fra «${scenarie.navn}» ind i målgruppens kladde?`)) return;
          void koer(async () => {
            await goerTilKladde(api, maalgruppe, scenarie.aendringer);
            g.setBesked({ tekst: `Ændringerne fra «${scenarie.navn}» er lagt i kladden.`, slags: "ok", kladde: true });
          });
        }}
      >
        Gør scenariet til kladde
      </button>
    </div>
  );
}

export function GemteScenarier({
  maalgruppe,
  g,
  indlaes,
  forfatter,
}: {
  maalgruppe: string;
  g: Gemte;
  indlaes: (s: Scenarie) => void;
  forfatter: boolean;
}) {
  return (
    <fieldset className="gruppe" data-testid="gemte-scenarier">
      <legend>Gemte scenarier</legend>
      {g.besked && (
        <p
          className={g.besked.slags === "ok" ? "besked ok" : "besked fejl"}
          role={g.besked.slags === "ok" ? "status" : "alert"}
        >
          {g.besked.tekst}
          {g.besked.kladde && (
            <>
              {" "}
              <Link til={`/regelsaet/${maalgruppe}`}>Åbn kladden under Regelsæt</Link>
            </>
          )}
        </p>
      )}
      {g.liste === null ? (
        <p className="diskret">Henter …</p>
      ) : g.liste.length === 0 ? (
        <p className="diskret">Ingen gemte scenarier endnu. Et scenarie gemmes med knappen under det.</p>
      ) : (
        <ul className="gemte-liste">
          {g.liste.map((s) => (
            <li key={s.id}>
              <strong>{s.navn}</strong>{" "}
              <span className="diskret">
                af {s.forfatter}, {datoTid(s.opdateret)}
              </span>
              <div className="knapper">
                <button
                  type="button"
                  onClick={() => indlaes({ navn: s.navn, beskrivelse: s.beskrivelse, aendringer: s.aendringer })}
                >
                  Tilføj til sammenligningen
                </button>
                {forfatter && (
                  <button
                    type="button"
                    aria-label={`Slet det gemte scenarie ${s.navn}`}
                    onClick={() => {
                      if (!window.confirm(`Slet det gemte scenarie «${s.navn}»?`)) return;
                      g.sapi.slet(maalgruppe, s.id).then(
                        () => g.opdater(),
                        (e) => g.setBesked({ tekst: fejlTekst(e), slags: "fejl" }),
                      );
                    }}
                  >
                    Slet
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {g.liste && g.liste.length > 0 && (
        <div className="knapper">
          <button
            type="button"
            onClick={() =>
              hentFil(
                `scenarier-${maalgruppe}.json`,
                `${JSON.stringify({ maalgruppe, scenarier: g.liste }, null, 2)}\n`,
                "application/json",
              )
            }
          >
            Eksportér som JSON
          </button>
          <button
            type="button"
            onClick={() =>
              g.sapi.csv(maalgruppe).then(
                (csv) => hentFil(`scenarier-${maalgruppe}.csv`, csv, "text/csv;charset=utf-8"),
                (e) => g.setBesked({ tekst: fejlTekst(e), slags: "fejl" }),
              )
            }
          >
            Eksportér som CSV
          </button>
        </div>
      )}
    </fieldset>
  );
}
