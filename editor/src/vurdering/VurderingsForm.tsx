// The form for one provider's (or one afdeling's) information. Every field may be left as
// "ikke oplyst"; the result then lists it as missing rather than counting it as not met.
import type { KodelisteNavn, Kodelister, Medarbejder, Parameter } from "../../../engine/index.js";
import type { MaalgruppeOversigt } from "../faelles/api.js";
import { type FeltSti, feltLabel } from "../faelles/felt-navne.js";
import { KodeVaelger } from "../faelles/KodeVaelger.js";
import { niveauNavn } from "../faelles/niveau.js";
import { JaNej, Liste, Tal, Tekst, Valg } from "./Felter.js";
import { hentVed, type Sti, saetVed } from "./sti.js";

export type Grundlag = Record<string, unknown>;

const TYPER: [string, string][] = [
  ["botilbud", "Botilbud"],
  ["doegninstitution", "Døgninstitution"],
  ["dagtilbud", "Dagtilbud"],
  ["matrikelloes", "Matrikelløst tilbud"],
  ["saerforanstaltning", "Særforanstaltning"],
  ["kommunikationscenter", "Kommunikations- og rådgivningscenter"],
  ["andet", "Andet"],
];
const FASER: [string, string][] = [
  ["udredning", "Udredning"],
  ["genoptraening", "Genoptræning"],
  ["vedligeholdelse", "Vedligeholdelse"],
];
const TILSYNSNIVEAUER: [string, string][] = [
  ...(["ingen", "let", "moderat", "hoej"] as const).map((n): [string, string] => [n, niveauNavn(n)]),
  ["ikke-relevant", "Ikke relevant"],
];

/** What "Ingen" reads as beside each list. */
const INGEN_TEKST: Record<KodelisteNavn, string> = {
  uddannelser: "Ingen uddannelse",
  certificeringer: "Ingen certificering",
  metoder: "Ingen",
  sektorer: "Ingen",
};

/**
 * A list field: a multi-select over the regelsæt's kodeliste when it has one (only codes can be
 * chosen), else free text separated by commas, as before kodelister existed.
 */
function KodeFelt({
  liste,
  navn,
  label,
  vaerdi,
  saet,
}: {
  liste: Kodelister[KodelisteNavn];
  navn: KodelisteNavn;
  label: string;
  vaerdi: unknown;
  saet: (v: unknown) => void;
}) {
  if (liste && liste.length > 0)
    return (
      <KodeVaelger
        label={label}
        liste={liste}
        vaerdi={Array.isArray(vaerdi) ? (vaerdi as string[]) : undefined}
        saet={saet}
        ingenTekst={INGEN_TEKST[navn]}
      />
    );
  return <Liste label={`${label} (kommasepareret)`} vaerdi={vaerdi} saet={saet} />;
}
const ALDER: [string, string][] = [
  ["boern", "Børn"],
  ["unge", "Unge"],
  ["voksne", "Voksne"],
];
const FORMER: [string, string][] = [
  ["ingen", "Ingen"],
  ["ad-hoc", "Ad hoc"],
  ["systematisk", "Systematisk"],
  ["formaliseret", "Formaliseret"],
];

interface Props {
  vg: Grundlag;
  setVg: (vg: Grundlag) => void;
  maalgrupper: MaalgruppeOversigt[];
  parametre: Parameter[];
  /** The regelsæt's vocabularies; a list without one is typed as free text. */
  kodelister?: Kodelister;
}

export function VurderingsForm({ vg, setVg, maalgrupper, parametre, kodelister = {} }: Props) {
  const v = (sti: Sti) => hentVed(vg, sti);
  const s = (sti: Sti) => (x: unknown) => setVg(saetVed(vg, sti, x));
  /** A field's label (from the shared table), value and setter, by the path the engine reports. */
  const felt = (sti: FeltSti) => {
    const dele = sti.split(".");
    return { label: feltLabel(sti), vaerdi: v(dele), saet: s(dele) };
  };
  const medarbejdere = (v(["medarbejdere"]) as Record<string, unknown>[] | undefined) ?? [];
  const saetMedarbejdere = (m: Record<string, unknown>[]) =>
    setVg(saetVed(vg, ["medarbejdere"], m.length ? m : undefined));
  return (
    <div className="vurdering-form">
      <fieldset>
        <legend>{feltLabel("leverandoer")}</legend>
        <div className="gitter">
          <Tekst {...felt("leverandoer.id")} label={`${feltLabel("leverandoer.id")} *`} paakraevet />
          <Tekst {...felt("leverandoer.navn")} />
          <Valg {...felt("leverandoer.type")} valg={TYPER} />
          <Tekst {...felt("leverandoer.afdeling")} />
          <Tekst {...felt("leverandoer.kommune")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Målgruppe og år</legend>
        <div className="gitter">
          <Valg
            {...felt("maalgruppe")}
            label={`${feltLabel("maalgruppe")} *`}
            valg={maalgrupper.map((m) => [m.maalgruppe, m.titel])}
            tomTekst="Vælg …"
          />
          <Valg {...felt("aldersgruppe")} valg={ALDER} />
          <Valg {...felt("forloebsfase")} valg={FASER} />
          <Tal {...felt("aar")} />
          <JaNej {...felt("godkendt")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{feltLabel("borgere")}</legend>
        <div className="gitter">
          <Tal {...felt("borgere.let")} />
          <Tal {...felt("borgere.moderat")} />
          <Tal {...felt("borgere.hoej")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>
          {feltLabel("medarbejdere")} ({medarbejdere.length === 0 ? "ikke oplyst" : medarbejdere.length})
        </legend>
        {medarbejdere.length > 0 && (
          <table className="tabel kompakt medarbejdere">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{feltLabel("medarbejdere[].ansaettelse")}</th>
                <th scope="col">{feltLabel("medarbejdere[].erfaringAar")}</th>
                <th scope="col">{feltLabel("medarbejdere[].uddannelser")}</th>
                <th scope="col">{feltLabel("medarbejdere[].certificeringer")}</th>
                <th scope="col">{feltLabel("medarbejdere[].hjaelpemiddelfaglig")}</th>
                <th scope="col">
                  <span className="skjult">Fjern</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {medarbejdere.map((m, i) => {
                /** Label, value and setter of this staff member's field, as `felt` gives them above. */
                const mf = (navn: keyof Medarbejder) => ({
                  label: `|${feltLabel(`medarbejdere[].${navn}`)}, medarbejder ${i + 1}`,
                  vaerdi: m[navn],
                  saet: (x: unknown) =>
                    saetMedarbejdere(medarbejdere.map((y, j) => (j === i ? saetVed(y, [navn], x) : y))),
                });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: staff records are anonymous; the row number is their identity
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      <Valg
                        {...mf("ansaettelse")}
                        valg={[
                          ["fast", "Fast"],
                          ["vikar", "Vikar"],
                        ]}
                      />
                    </td>
                    <td>
                      <Tal {...mf("erfaringAar")} heltal={false} />
                    </td>
                    <td>
                      <KodeFelt {...mf("uddannelser")} navn="uddannelser" liste={kodelister.uddannelser} />
                    </td>
                    <td>
                      <KodeFelt {...mf("certificeringer")} navn="certificeringer" liste={kodelister.certificeringer} />
                    </td>
                    <td>
                      <JaNej {...mf("hjaelpemiddelfaglig")} />
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => saetMedarbejdere(medarbejdere.filter((_, j) => j !== i))}
                        aria-label={`Fjern medarbejder ${i + 1}`}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <button type="button" onClick={() => saetMedarbejdere([...medarbejdere, { ansaettelse: "fast" }])}>
          Tilføj medarbejder
        </button>
      </fieldset>
      <fieldset>
        <legend>{feltLabel("fagmiljoe")}</legend>
        <div className="gitter">
          <JaNej {...felt("fagmiljoe.kompetencerAlleDage")} />
          <JaNej {...felt("fagmiljoe.struktureretSparring")} />
          <JaNej {...felt("fagmiljoe.specialteam")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{feltLabel("samarbejde")}</legend>
        <div className="gitter">
          <Valg {...felt("samarbejde.tvaerfagligt")} valg={FORMER} />
          <Valg {...felt("samarbejde.tvaersektorielt")} valg={FORMER} />
          <KodeFelt {...felt("samarbejde.sektorer")} navn="sektorer" liste={kodelister.sektorer} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{feltLabel("vidensudvikling")}</legend>
        <div className="gitter">
          <JaNej {...felt("vidensudvikling.holderSigOpdateret")} />
          <JaNej {...felt("vidensudvikling.deltagerINetvaerk")} />
          <JaNej {...felt("vidensudvikling.bidragerTilVidensudvikling")} />
          <JaNej {...felt("vidensudvikling.formidlerViden")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Metoder, hjælpemidler og fysiske rammer</legend>
        <div className="gitter">
          <JaNej {...felt("metoder.socialpaedagogiskPraksis")} />
          <KodeFelt {...felt("metoder.maalgruppespecifikke")} navn="metoder" liste={kodelister.metoder} />
          <JaNej {...felt("metoder.saerligTilpasning")} />
          <JaNej {...felt("hjaelpemidler.behovHosBorgerne")} />
          <JaNej {...felt("hjaelpemidler.anvendes")} />
          <JaNej {...felt("hjaelpemidler.vejlederAndre")} />
          <JaNej {...felt("fysiskeRammer.tilpassetMaalgruppen")} />
          <JaNej {...felt("fysiskeRammer.skaermning")} />
        </div>
      </fieldset>
      {parametre.length > 0 && (
        <fieldset>
          <legend>{feltLabel("tilsynsvurdering")} (valgfri)</legend>
          <p className="diskret">
            Et niveau her afgør parameterens niveau; reglernes niveau vises ved siden af. «Ikke relevant» tager
            parameteren ud af optællingen.
          </p>
          <div className="gitter">
            {parametre.map((p) => (
              <Valg
                key={p.id}
                label={p.navn}
                vaerdi={v(["tilsynsvurdering", p.id])}
                saet={s(["tilsynsvurdering", p.id])}
                valg={TILSYNSNIVEAUER}
                tomTekst="Efter reglerne"
              />
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
