// Publish the draft as the next version, with a note. Blocked while the draft has errors or a
// golden case fails (the server refuses it too).
import { type FormEvent, useId, useState } from "react";
import { Dialog } from "../faelles/Dialog.js";
import { KonsekvensPanel } from "../tilbud/KonsekvensPanel.js";

export function PublicerDialog({
  maalgruppe,
  aaben,
  luk,
  antalFejl,
  fejledeTest,
  publicer,
}: {
  maalgruppe: string;
  aaben: boolean;
  luk: () => void;
  antalFejl: number;
  fejledeTest: number;
  publicer: (note: string) => Promise<void>;
}) {
  const noteId = useId();
  const [note, setNote] = useState("");
  const blokeret = antalFejl > 0 || fejledeTest > 0;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (blokeret || note.trim() === "") return;
    void publicer(note.trim()).then(() => setNote(""));
  };
  return (
    <Dialog aaben={aaben} titel="Publicér kladden" luk={luk}>
      <form onSubmit={send}>
        <p>
          Kladden gemmes og publiceres som næste version. Publicerede versioner kan ikke ændres; afgørelser henviser til
          versionens nummer og hash.
        </p>
        {antalFejl > 0 && <p className="fejl">Kladden har {antalFejl} fejl. Ret dem først.</p>}
        {fejledeTest > 0 && <p className="fejl">{fejledeTest} testtilfælde fejler. Ret dem først.</p>}
        {aaben && <KonsekvensPanel maalgruppe={maalgruppe} />}
        <label htmlFor={noteId}>Note om ændringen</label>
        <textarea
          id={noteId}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
          placeholder="Hvad er ændret, og hvorfor?"
        />
        <div className="knapper dialog-knapper">
          <button type="submit" className="primaer" disabled={blokeret || note.trim() === ""}>
            Publicér
          </button>
          <button type="button" onClick={luk}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}
