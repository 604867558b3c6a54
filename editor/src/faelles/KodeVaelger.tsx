// A searchable multi-select over one of the regelsæt's kodelister (WAI-ARIA combobox with a
// multi-select listbox): the caseworker types part of a Danish label or synonym ("pæd"), picks
// with the arrow keys and Enter or the mouse, and the field only ever holds codes from the list.
// Three answers are kept apart: nothing chosen ("ikke oplyst": the field is left out), "Ingen"
// (an explicit empty list) and a list of codes.
//
// Written here rather than taken from npm: react-select injects its styles at run time and brings
// ~30 kB for features we do not use; Downshift would give the keyboard handling but not the chips,
// the "Ingen" state or the æ/ø/å-folding search, which are most of this file.
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import type { Kode } from "../../../engine/index.js";
import "./KodeVaelger.css";
import { findKode, soegKoder } from "./kode-soeg.js";

interface Props {
  /** The visible label; text after "|" is for screen readers only (a table cell's label). */
  label: string;
  liste: readonly Kode[];
  /** undefined = ikke oplyst, [] = ingen. */
  vaerdi: readonly string[] | undefined;
  saet: (v: string[] | undefined) => void;
  /** What "Ingen" means here, e.g. "Ingen uddannelse". */
  ingenTekst?: string;
}

export function KodeVaelger({ label, liste, vaerdi, saet, ingenTekst = "Ingen" }: Props) {
  const id = useId();
  const listeId = `${id}-liste`;
  const hjaelpId = `${id}-hjaelp`;
  const [synlig, skjult] = label.split("|");
  const [tekst, setTekst] = useState("");
  const [aaben, setAaben] = useState(false);
  const [aktiv, setAktiv] = useState(0);

  const valgte = vaerdi ?? [];
  const fund = useMemo(() => soegKoder(liste, tekst), [liste, tekst]);
  const erIngen = Array.isArray(vaerdi) && vaerdi.length === 0;

  const skift = (kode: string) => {
    const ny = valgte.includes(kode) ? valgte.filter((k) => k !== kode) : [...valgte, kode];
    // Removing the last choice goes back to "ikke oplyst"; "Ingen" is only ever chosen explicitly.
    saet(ny.length ? ny : undefined);
    setTekst("");
  };

  const tast = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!aaben) setAaben(true);
        else setAktiv((a) => Math.min(a + 1, fund.length - 1));
        return;
      case "ArrowUp":
        e.preventDefault();
        setAktiv((a) => Math.max(a - 1, 0));
        return;
      case "Home":
      case "End":
        if (!aaben) return;
        e.preventDefault();
        setAktiv(e.key === "Home" ? 0 : fund.length - 1);
        return;
      case "Enter": {
        // Enter picks inside the list; it must never submit the whole form from here.
        e.preventDefault();
        const f = aaben ? fund[aktiv] : undefined;
        if (f) skift(f.kode.kode);
        else setAaben(true);
        return;
      }
      case "Escape":
        if (aaben || tekst) {
          e.preventDefault();
          e.stopPropagation();
          setAaben(false);
          setTekst("");
        }
        return;
      case "Backspace":
        if (tekst === "" && valgte.length > 0) skift(valgte[valgte.length - 1] ?? "");
        return;
      default:
        return;
    }
  };

  const aktivtFund = aaben ? fund[aktiv] : undefined;
  const pladsholder = erIngen ? ingenTekst : valgte.length ? "Tilføj …" : "Ikke oplyst – søg …";

  return (
    <div className="kode-vaelger">
      <label htmlFor={id}>
        {synlig}
        {skjult && <span className="skjult">{skjult}</span>}
      </label>
      {valgte.length > 0 && (
        <ul className="kode-chips" aria-label={`Valgt: ${synlig || skjult}`}>
          {valgte.map((v) => {
            const k = findKode(liste, v);
            return (
              <li key={v} className={k ? "kode-chip" : "kode-chip ukendt"} title={k ? `Kode: ${k.kode}` : undefined}>
                <span>{k ? k.navn : v}</span>
                {!k && <span className="skjult"> (findes ikke i kodelisten)</span>}
                <button type="button" aria-label={`Fjern ${k ? k.navn : v}`} onClick={() => skift(v)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="kode-soeg">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={aaben}
          aria-controls={listeId}
          aria-autocomplete="list"
          aria-activedescendant={aktivtFund ? `${id}-${aktivtFund.kode.kode}` : undefined}
          aria-describedby={hjaelpId}
          autoComplete="off"
          value={tekst}
          placeholder={pladsholder}
          onChange={(e) => {
            setTekst(e.target.value);
            setAktiv(0);
            setAaben(true);
          }}
          onFocus={() => setAaben(true)}
          onBlur={() => setAaben(false)}
          onKeyDown={tast}
        />
        <div
          id={listeId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={synlig || skjult}
          className="kode-liste"
          hidden={!aaben}
        >
          {fund.length === 0 && <div className="kode-ingen-fund">Intet i kodelisten passer på «{tekst}»</div>}
          {fund.map((f, i) => {
            const valgt = valgte.includes(f.kode.kode);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works on the combobox (aria-activedescendant), as the ARIA pattern says
              <div
                key={f.kode.kode}
                tabIndex={-1}
                id={`${id}-${f.kode.kode}`}
                role="option"
                aria-selected={valgt}
                className={i === aktiv ? "aktiv" : undefined}
                // Keep focus in the input so the list stays open for the next pick.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setAktiv(i)}
                onClick={() => skift(f.kode.kode)}
              >
                <span className="kode-flueben" aria-hidden="true">
                  {valgt ? "✓" : ""}
                </span>
                {f.kode.navn}
                {f.viaSynonym && <span className="diskret"> ({f.viaSynonym})</span>}
              </div>
            );
          })}
        </div>
      </div>
      <div className="kode-fod">
        <label className="afkryds">
          <input
            type="checkbox"
            checked={erIngen}
            onChange={(e) => {
              saet(e.target.checked ? [] : undefined);
              setTekst("");
            }}
          />
          {ingenTekst}
        </label>
        <span id={hjaelpId} className="diskret">
          {erIngen ? "Oplyst: ingen." : valgte.length ? `${valgte.length} valgt.` : "Ikke oplyst."}
        </span>
      </div>
    </div>
  );
}
