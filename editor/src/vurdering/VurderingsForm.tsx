// The form for one provider's (or one afdeling's) information. Every field may be left as
// "ikke oplyst"; the result then lists it as missing rather than counting it as not met.
import type { Parameter } from "../../../engine/index.js";
import type { MaalgruppeOversigt } from "../faelles/api.js";
import { niveauNavn } from "../faelles/niveau.js";
import { JaNej, Liste, Tal, Tekst, Valg } from "./Felter.js";
import { hentVed, type Sti, saetVed } from "./sti.js";

export type Grundlag = Record<string, unknown>;

const TYPER: [string, string][] = [
  ["botilbud", "Botilbud"],
  ["doegninstitution", "Døgninstitution"],
  ["dagtilbud", "Dagtilbud"],
  ["matrikelloes", "Matrikelløst tilbud"],
  ["andet", "Andet"],
];
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
}

export function VurderingsForm({ vg, setVg, maalgrupper, parametre }: Props) {
  const v = (sti: Sti) => hentVed(vg, sti);
  const s = (sti: Sti) => (x: unknown) => setVg(saetVed(vg, sti, x));
  const medarbejdere = (v(["medarbejdere"]) as Record<string, unknown>[] | undefined) ?? [];
  const saetMedarbejdere = (m: Record<string, unknown>[]) =>
    setVg(saetVed(vg, ["medarbejdere"], m.length ? m : undefined));
  return (
    <div className="vurdering-form">
      <fieldset>
        <legend>Leverandør</legend>
        <div className="gitter">
          <Tekst
            label="Id (fx Tilbudsportalens) *"
            vaerdi={v(["leverandoer", "id"])}
            saet={s(["leverandoer", "id"])}
            paakraevet
          />
          <Tekst label="Navn" vaerdi={v(["leverandoer", "navn"])} saet={s(["leverandoer", "navn"])} />
          <Valg label="Type" vaerdi={v(["leverandoer", "type"])} saet={s(["leverandoer", "type"])} valg={TYPER} />
          <Tekst label="Afdeling" vaerdi={v(["leverandoer", "afdeling"])} saet={s(["leverandoer", "afdeling"])} />
          <Tekst label="Kommune" vaerdi={v(["leverandoer", "kommune"])} saet={s(["leverandoer", "kommune"])} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Målgruppe og år</legend>
        <div className="gitter">
          <Valg
            label="Målgruppe *"
            vaerdi={v(["maalgruppe"])}
            saet={s(["maalgruppe"])}
            valg={maalgrupper.map((m) => [m.maalgruppe, m.titel])}
            tomTekst="Vælg …"
          />
          <Valg label="Aldersgruppe" vaerdi={v(["aldersgruppe"])} saet={s(["aldersgruppe"])} valg={ALDER} />
          <Tal label="År" vaerdi={v(["aar"])} saet={s(["aar"])} />
          <JaNej label="Godkendt af socialtilsynet" vaerdi={v(["godkendt"])} saet={s(["godkendt"])} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Borgere i året, efter behovsniveau</legend>
        <div className="gitter">
          <Tal label="Lette behov" vaerdi={v(["borgere", "let"])} saet={s(["borgere", "let"])} />
          <Tal label="Moderate behov" vaerdi={v(["borgere", "moderat"])} saet={s(["borgere", "moderat"])} />
          <Tal label="Særligt komplekse behov" vaerdi={v(["borgere", "hoej"])} saet={s(["borgere", "hoej"])} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Medarbejdere ({medarbejdere.length === 0 ? "ikke oplyst" : medarbejdere.length})</legend>
        {medarbejdere.length > 0 && (
          <table className="tabel kompakt medarbejdere">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Ansættelse</th>
                <th scope="col">Erfaring (år)</th>
                <th scope="col">Uddannelser</th>
                <th scope="col">Certificeringer</th>
                <th scope="col">Hjælpemiddelfaglig</th>
                <th scope="col">
                  <span className="skjult">Fjern</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {medarbejdere.map((m, i) => {
                const sm = (felt: string) => (x: unknown) =>
                  saetMedarbejdere(medarbejdere.map((y, j) => (j === i ? saetVed(y, [felt], x) : y)));
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: staff records are anonymous; the row number is their identity
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      <Valg
                        label={`|Ansættelse, medarbejder ${i + 1}`}
                        vaerdi={m.ansaettelse}
                        saet={sm("ansaettelse")}
                        valg={[
                          ["fast", "Fast"],
                          ["vikar", "Vikar"],
                        ]}
                      />
                    </td>
                    <td>
                      <Tal
                        label={`|Erfaring i år, medarbejder ${i + 1}`}
                        vaerdi={m.erfaringAar}
                        saet={sm("erfaringAar")}
                        heltal={false}
                      />
                    </td>
                    <td>
                      <Liste
                        label={`|Uddannelser, medarbejder ${i + 1}`}
                        vaerdi={m.uddannelser}
                        saet={sm("uddannelser")}
                      />
                    </td>
                    <td>
                      <Liste
                        label={`|Certificeringer, medarbejder ${i + 1}`}
                        vaerdi={m.certificeringer}
                        saet={sm("certificeringer")}
                      />
                    </td>
                    <td>
                      <JaNej
                        label={`|Hjælpemiddelfaglig, medarbejder ${i + 1}`}
                        vaerdi={m.hjaelpemiddelfaglig}
                        saet={sm("hjaelpemiddelfaglig")}
                      />
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
        <legend>Fagmiljø</legend>
        <div className="gitter">
          <JaNej
            label="Kompetencer til stede alle dage"
            vaerdi={v(["fagmiljoe", "kompetencerAlleDage"])}
            saet={s(["fagmiljoe", "kompetencerAlleDage"])}
          />
          <JaNej
            label="Struktureret sparring"
            vaerdi={v(["fagmiljoe", "struktureretSparring"])}
            saet={s(["fagmiljoe", "struktureretSparring"])}
          />
          <JaNej label="Specialteam" vaerdi={v(["fagmiljoe", "specialteam"])} saet={s(["fagmiljoe", "specialteam"])} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Samarbejde</legend>
        <div className="gitter">
          <Valg
            label="Tværfagligt"
            vaerdi={v(["samarbejde", "tvaerfagligt"])}
            saet={s(["samarbejde", "tvaerfagligt"])}
            valg={FORMER}
          />
          <Valg
            label="Tværsektorielt"
            vaerdi={v(["samarbejde", "tvaersektorielt"])}
            saet={s(["samarbejde", "tvaersektorielt"])}
            valg={FORMER}
          />
          <Liste
            label="Sektorer (kommasepareret)"
            vaerdi={v(["samarbejde", "sektorer"])}
            saet={s(["samarbejde", "sektorer"])}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Vidensudvikling</legend>
        <div className="gitter">
          <JaNej
            label="Holder sig opdateret"
            vaerdi={v(["vidensudvikling", "holderSigOpdateret"])}
            saet={s(["vidensudvikling", "holderSigOpdateret"])}
          />
          <JaNej
            label="Deltager i netværk"
            vaerdi={v(["vidensudvikling", "deltagerINetvaerk"])}
            saet={s(["vidensudvikling", "deltagerINetvaerk"])}
          />
          <JaNej
            label="Bidrager til vidensudvikling"
            vaerdi={v(["vidensudvikling", "bidragerTilVidensudvikling"])}
            saet={s(["vidensudvikling", "bidragerTilVidensudvikling"])}
          />
          <JaNej
            label="Formidler viden"
            vaerdi={v(["vidensudvikling", "formidlerViden"])}
            saet={s(["vidensudvikling", "formidlerViden"])}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Metoder, hjælpemidler og fysiske rammer</legend>
        <div className="gitter">
          <JaNej
            label="Socialpædagogisk praksis"
            vaerdi={v(["metoder", "socialpaedagogiskPraksis"])}
            saet={s(["metoder", "socialpaedagogiskPraksis"])}
          />
          <Liste
            label="Målgruppespecifikke metoder"
            vaerdi={v(["metoder", "maalgruppespecifikke"])}
            saet={s(["metoder", "maalgruppespecifikke"])}
          />
          <JaNej
            label="Særligt tilpasset målgruppen"
            vaerdi={v(["metoder", "saerligTilpasning"])}
            saet={s(["metoder", "saerligTilpasning"])}
          />
          <JaNej
            label="Anvender hjælpemidler"
            vaerdi={v(["hjaelpemidler", "anvendes"])}
            saet={s(["hjaelpemidler", "anvendes"])}
          />
          <JaNej
            label="Vejleder andre i hjælpemidler"
            vaerdi={v(["hjaelpemidler", "vejlederAndre"])}
            saet={s(["hjaelpemidler", "vejlederAndre"])}
          />
          <JaNej
            label="Rammer tilpasset målgruppen"
            vaerdi={v(["fysiskeRammer", "tilpassetMaalgruppen"])}
            saet={s(["fysiskeRammer", "tilpassetMaalgruppen"])}
          />
          <JaNej
            label="Mulighed for skærmning"
            vaerdi={v(["fysiskeRammer", "skaermning"])}
            saet={s(["fysiskeRammer", "skaermning"])}
          />
        </div>
      </fieldset>
      {parametre.length > 0 && (
        <fieldset>
          <legend>Tilsynets egen vurdering (valgfri)</legend>
          <p className="diskret">Et niveau her afgør parameterens niveau; reglernes niveau vises ved siden af.</p>
          <div className="gitter">
            {parametre.map((p) => (
              <Valg
                key={p.id}
                label={p.navn}
                vaerdi={v(["tilsynsvurdering", p.id])}
                saet={s(["tilsynsvurdering", p.id])}
                valg={(["ingen", "let", "moderat", "hoej"] as const).map((n) => [n, niveauNavn(n)])}
                tomTekst="Efter reglerne"
              />
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
