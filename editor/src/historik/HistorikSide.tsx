// Historik: the published versions with author, time, note and hash; Monaco's diff editor and the
// server's summary between any two versions; each version can be opened read-only.
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { taerskelEtiket } from "../../../engine/index.js";
import { fejlTekst } from "../faelles/api-klient.js";
import { useAuth } from "../faelles/auth.js";
import { datoTid, kortHash } from "../faelles/format.js";
import { MaalgruppeHoved } from "../faelles/MaalgruppeHoved.js";
import { Link } from "../faelles/router.js";
import { Fejlboks, Indlaeser } from "../faelles/Status.js";
import { useHent } from "../faelles/useHent.js";
import { formater } from "../regelsaet/useUdkast.js";
import { DiffOversigt, type DiffSvar } from "./DiffOversigt.js";

const DiffVisning = lazy(() => import("../monaco/DiffVisning.js"));

export default function HistorikSide({ maalgruppe }: { maalgruppe: string }) {
  const { api } = useAuth();
  const id = useId();
  const versioner = useHent(() => api.versioner(maalgruppe), [api, maalgruppe]);
  const [par, setPar] = useState<{ fra: number; til: number } | null>(null);
  const liste = versioner.data ?? [];

  useEffect(() => {
    const [nyeste, forrige] = versioner.data ?? [];
    if (nyeste && !par) setPar({ fra: forrige?.version ?? nyeste.version, til: nyeste.version });
  }, [versioner.data, par]);

  const sammenligning = useHent(async () => {
    if (!par) return null;
    const [a, b, diff] = await Promise.all([
      api.regelsaet(maalgruppe, par.fra),
      api.regelsaet(maalgruppe, par.til),
      api.diff(maalgruppe, par.fra, par.til).catch(() => null),
    ]);
    // A parameter removed in the newer version keeps its name from the older one.
    const navne = Object.fromEntries([...a.data.parametre, ...b.data.parametre].map((p) => [p.id, p.navn]));
    // Each side's values read in the unit that side declares (a threshold's `enhed` may change too).
    const enheder = (r: typeof a.data) => Object.fromEntries(Object.entries(r.taerskler).map(([n, t]) => [n, t.enhed]));
    return {
      venstre: formater(a.data),
      hoejre: formater(b.data),
      titel: b.data.titel,
      navne,
      enheder: { fra: enheder(a.data), til: enheder(b.data) },
      // Labels from the newer version, the older one for a threshold it removed.
      etiketter: Object.fromEntries(
        [a.data, b.data].flatMap((r) => Object.keys(r.taerskler).map((n) => [n, taerskelEtiket(r, n).tekst])),
      ),
      testtilfaelde: { fra: a.data.testtilfaelde ?? [], til: b.data.testtilfaelde ?? [] },
      diff: diff as DiffSvar | null,
    };
  }, [api, maalgruppe, par?.fra, par?.til]);

  return (
    <section className="side">
      <MaalgruppeHoved maalgruppe={maalgruppe} titel={sammenligning.data?.titel} aktiv="historik" />
      <h1>Historik</h1>
      {versioner.indlaeser && !versioner.data && <Indlaeser />}
      {versioner.fejl !== undefined && <Fejlboks>{fejlTekst(versioner.fejl)}</Fejlboks>}
      <div className="kolonner-sidebar">
        <ol className="versionsliste" aria-label="Versioner, nyeste først">
          {liste.map((v) => (
            <li key={v.version}>
              <div className="scenarie-hoved">
                <strong>Version {v.version}</strong>
                <span className="diskret">{datoTid(v.tidspunkt)}</span>
              </div>
              <div>{v.note || <span className="diskret">Ingen note</span>}</div>
              <div className="diskret">
                {v.forfatter ?? "ukendt"} ·{" "}
                <span className="mono" title={v.hash}>
                  {kortHash(v.hash)}
                </span>
              </div>
              <div className="knapper">
                <Link til={`/regelsaet/${maalgruppe}?version=${v.version}`}>Åbn (kun læsning)</Link>
                <button
                  type="button"
                  className="link-knap"
                  onClick={() => setPar({ fra: par?.fra ?? v.version, til: v.version })}
                >
                  Sammenlign som «til»
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div>
          {par && (
            <div className="felt-raekke">
              <label htmlFor={`${id}-fra`}>Fra version</label>
              <select
                id={`${id}-fra`}
                value={par.fra}
                onChange={(e) => setPar({ ...par, fra: Number(e.target.value) })}
              >
                {liste.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-til`}>Til version</label>
              <select
                id={`${id}-til`}
                value={par.til}
                onChange={(e) => setPar({ ...par, til: Number(e.target.value) })}
              >
                {liste.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </div>
          )}
          {sammenligning.fejl !== undefined && <Fejlboks>{fejlTekst(sammenligning.fejl)}</Fejlboks>}
          {sammenligning.data?.diff && (
            <DiffOversigt
              d={sammenligning.data.diff}
              navne={sammenligning.data.navne}
              enheder={sammenligning.data.enheder}
              etiketter={sammenligning.data.etiketter}
              testtilfaelde={sammenligning.data.testtilfaelde}
            />
          )}
          {sammenligning.data && par && (
            <Suspense fallback={<Indlaeser tekst="Indlæser sammenligningen …" />}>
              <DiffVisning
                venstre={sammenligning.data.venstre}
                hoejre={sammenligning.data.hoejre}
                venstreNavn={`Version ${par.fra}`}
                hoejreNavn={`Version ${par.til}`}
                ariaLabel={`Forskelle mellem version ${par.fra} og ${par.til}`}
              />
            </Suspense>
          )}
        </div>
      </div>
    </section>
  );
}
