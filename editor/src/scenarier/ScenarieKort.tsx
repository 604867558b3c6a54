// One scenario: its name and its changes to the starting regelsæt — thresholds (and variants),
// weights, parameters on/off and the policy — each editable and removable.
import { type ReactNode, useId } from "react";
import {
  type Aendringer,
  aendringerUdenVirkning,
  type Regelsaet,
  type Scenarie,
  taerskelEtiket,
  taerskelGraenseBrud,
  taerskelVaerdiTekst,
} from "../../../engine/index.js";
import { ListeFelt } from "../faelles/ListeFelt.js";
import { TaerskelVaelger } from "../faelles/TaerskelVaelger.js";
import { TalFelt } from "../faelles/TalFelt.js";

interface Props {
  scenarie: Scenarie;
  grund: Regelsaet;
  nummer: number;
  aendre: (s: Scenarie) => void;
  fjern?: () => void;
  /** Buttons under the scenario (save, make it the draft). */
  handlinger?: ReactNode;
}

function uden<T extends object>(o: T | undefined, noegle: string): T | undefined {
  if (!o) return undefined;
  const { [noegle]: _, ...rest } = o as Record<string, unknown>;
  return Object.keys(rest).length ? (rest as T) : undefined;
}

function taerskelInfo(grund: Regelsaet, fuldt: string) {
  const [navn = "", variant] = fuldt.split("@");
  const t = grund.taerskler[navn];
  const v = variant ? t?.varianter?.find((x) => x.navn === variant) : t;
  return { t, vaerdi: v?.vaerdi };
}

export function ScenarieKort({ scenarie, grund, nummer, aendre, fjern, handlinger }: Props) {
  const id = useId();
  const a = scenarie.aendringer ?? {};
  const saet = (ny: Aendringer) => aendre({ ...scenarie, aendringer: ny });
  // Changes that cannot move anyone, with the reason, by the change's key.
  const udenVirkning = new Map(aendringerUdenVirkning(grund, a).map((u) => [u.noegle, u.grund]));
  const Notits = ({ noegle }: { noegle: string }) =>
    udenVirkning.has(noegle) ? (
      <p className="uden-virkning" role="note">
        Virker ikke: {udenVirkning.get(noegle)}
      </p>
    ) : null;
  const paramNavn = (pid: string) => grund.parametre.find((p) => p.id === pid)?.navn ?? pid;
  return (
    <fieldset className="scenarie">
      <legend className="skjult">
        Scenarie {nummer}: {scenarie.navn}
      </legend>
      <div className="scenarie-hoved">
        <label htmlFor={`${id}-navn`} className="skjult">
          Navn på scenarie {nummer}
        </label>
        <input
          id={`${id}-navn`}
          type="text"
          value={scenarie.navn}
          onChange={(e) => aendre({ ...scenarie, navn: e.target.value })}
        />
        {fjern && (
          <button type="button" onClick={fjern} aria-label={`Fjern scenariet ${scenarie.navn}`}>
            Fjern
          </button>
        )}
      </div>
      {scenarie.beskrivelse && <p className="diskret">{scenarie.beskrivelse}</p>}
      <ul className="aendringer">
        {Object.entries(a.taerskler ?? {}).map(([navn, v]) => {
          const { t, vaerdi: nu } = taerskelInfo(grund, navn);
          const etiket = taerskelEtiket(grund, navn).tekst;
          return (
            <li key={navn}>
              {Array.isArray(v) ? (
                <span>
                  <label htmlFor={`${id}-${navn}`}>{etiket}</label>{" "}
                  <ListeFelt
                    id={`${id}-${navn}`}
                    vaerdi={v}
                    onAendring={(x) => saet({ ...a, taerskler: { ...a.taerskler, [navn]: x } })}
                  />
                </span>
              ) : (
                <TalFelt
                  label={etiket}
                  underLabel={
                    typeof nu === "number" ? `${navn} · i regelsættet ${taerskelVaerdiTekst(nu, t?.enhed)}` : navn
                  }
                  id={`${id}-taerskel-${navn}`}
                  vaerdi={v}
                  procent={t?.enhed === "andel"}
                  tjek={t ? (x) => taerskelGraenseBrud(t, x) : undefined}
                  onAendring={(x) => saet({ ...a, taerskler: { ...a.taerskler, [navn]: x } })}
                />
              )}
              <button
                type="button"
                className="link-knap"
                onClick={() => saet({ ...a, taerskler: uden(a.taerskler, navn) })}
                aria-label={`Fjern ændringen af ${etiket}`}
              >
                ×
              </button>
              <Notits noegle={`taerskler:${navn}`} />
            </li>
          );
        })}
        {Object.entries(a.vaegte ?? {}).map(([pid, v]) => (
          <li key={`v-${pid}`}>
            <TalFelt
              label={`Vægt: ${paramNavn(pid)}`}
              vaerdi={v}
              onAendring={(x) => saet({ ...a, vaegte: { ...a.vaegte, [pid]: Math.max(0, x) } })}
            />
            <button
              type="button"
              className="link-knap"
              onClick={() => saet({ ...a, vaegte: uden(a.vaegte, pid) })}
              aria-label={`Fjern vægtændringen for ${paramNavn(pid)}`}
            >
              ×
            </button>
            <Notits noegle={`vaegte:${pid}`} />
          </li>
        ))}
        {Object.entries(a.aktive ?? {}).map(([pid, v]) => (
          <li key={`a-${pid}`}>
            <label className="afkryds">
              <input
                type="checkbox"
                checked={v}
                onChange={(e) => saet({ ...a, aktive: { ...a.aktive, [pid]: e.target.checked } })}
              />
              {paramNavn(pid)} aktiv
            </label>
            <button
              type="button"
              className="link-knap"
              onClick={() => saet({ ...a, aktive: uden(a.aktive, pid) })}
              aria-label={`Fjern ændringen af om ${paramNavn(pid)} er aktiv`}
            >
              ×
            </button>
            <Notits noegle={`aktive:${pid}`} />
          </li>
        ))}
      </ul>
      <div className="felt-raekke">
        <label htmlFor={`${id}-t`} className="skjult">
          Tilføj tærskelændring
        </label>
        <TaerskelVaelger
          id={`${id}-t`}
          regelsaet={grund}
          vaerdi=""
          tomTekst="+ Tærskel …"
          undtag={Object.keys(a.taerskler ?? {})}
          onValg={(navn) => {
            const { vaerdi } = taerskelInfo(grund, navn);
            if (vaerdi !== undefined) saet({ ...a, taerskler: { ...a.taerskler, [navn]: vaerdi } });
          }}
        />
        <label htmlFor={`${id}-v`} className="skjult">
          Tilføj vægtændring
        </label>
        <select
          id={`${id}-v`}
          value=""
          onChange={(e) => {
            const p = grund.parametre.find((x) => x.id === e.target.value);
            if (p) saet({ ...a, vaegte: { ...a.vaegte, [p.id]: p.vaegt ?? 1 } });
          }}
        >
          <option value="">+ Vægt …</option>
          {grund.parametre.map((p) => (
            <option key={p.id} value={p.id}>
              {p.navn}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-a`} className="skjult">
          Slå en parameter til eller fra
        </label>
        <select
          id={`${id}-a`}
          value=""
          onChange={(e) => {
            const p = grund.parametre.find((x) => x.id === e.target.value);
            if (p) saet({ ...a, aktive: { ...a.aktive, [p.id]: p.aktiv === false } });
          }}
        >
          <option value="">+ Til/fra …</option>
          {grund.parametre.map((p) => (
            <option key={p.id} value={p.id}>
              {p.navn} ({p.aktiv === false ? "slå til" : "slå fra"})
            </option>
          ))}
        </select>
      </div>
      <Notits noegle="indplacering:niveauvaerdier" />
      <Notits noegle="indplacering:metode" />
      <Notits noegle="indplacering:toNiveauer" />
      <div className="scenarie-politik">
        <label htmlFor={`${id}-m`}>
          Metode
          <select
            id={`${id}-m`}
            value={a.indplacering?.metode ?? ""}
            onChange={(e) => {
              const { metode: _, ...rest } = a.indplacering ?? {};
              const ny = e.target.value ? { ...rest, metode: e.target.value as "optaelling" | "vaegtet" } : rest;
              saet({ ...a, indplacering: Object.keys(ny).length ? ny : undefined });
            }}
          >
            <option value="">Uændret</option>
            <option value="optaelling">Optælling</option>
            <option value="vaegtet">Vægtet</option>
          </select>
        </label>
        <label htmlFor={`${id}-to`}>
          To niveauer
          <select
            id={`${id}-to`}
            value={a.indplacering?.toNiveauer === undefined ? "" : String(a.indplacering.toNiveauer)}
            onChange={(e) => {
              const { toNiveauer: _, ...rest } = a.indplacering ?? {};
              const ny = e.target.value ? { ...rest, toNiveauer: e.target.value === "true" } : rest;
              saet({ ...a, indplacering: Object.keys(ny).length ? ny : undefined });
            }}
          >
            <option value="">Uændret</option>
            <option value="true">Ja (ansøgningsmodel)</option>
            <option value="false">Nej</option>
          </select>
        </label>
      </div>
      {handlinger}
    </fieldset>
  );
}
