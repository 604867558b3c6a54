// Monaco's diff editor between two texts, read-only. Loaded lazily with Monaco.
import { useEffect, useRef } from "react";
import { monaco } from "./monaco.js";

export interface DiffVisningProps {
  venstre: string;
  hoejre: string;
  venstreNavn: string;
  hoejreNavn: string;
  ariaLabel: string;
  sideOmSide?: boolean;
}

export default function DiffVisning(p: DiffVisningProps) {
  const vaertRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<{
    editor: monaco.editor.IStandaloneDiffEditor;
    venstre: monaco.editor.ITextModel;
    hoejre: monaco.editor.ITextModel;
    beregner: boolean;
  } | null>(null);

  // Created once with two models whose text is replaced as the props change: disposing models
  // while Monaco computes their diff makes it fail.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; texts and label follow in the effects below
  useEffect(() => {
    const vaert = vaertRef.current;
    if (!vaert) return;
    // Each editor gets its own element, which leaves the page at once when the view goes.
    const element = document.createElement("div");
    element.className = "monaco-fyld";
    vaert.append(element);
    const editor = monaco.editor.createDiffEditor(element, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: p.sideOmSide ?? true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: p.ariaLabel,
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: 640,
      wordWrap: "on",
      diffWordWrap: "on",
      // The gutter's revert menu is for editable diffs; ours are read-only.
      renderGutterMenu: false,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 10 },
    });
    const venstre = monaco.editor.createModel(p.venstre, "json");
    const hoejre = monaco.editor.createModel(p.hoejre, "json");
    editor.setModel({ original: venstre, modified: hoejre });
    editorRef.current = { editor, venstre, hoejre, beregner: true };
    const lytter = editor.onDidUpdateDiff(() => {
      if (editorRef.current) editorRef.current.beregner = false;
    });
    return () => {
      const beregner = editorRef.current?.beregner ?? false;
      editorRef.current = null;
      element.remove();
      let ryddet = false;
      const ryd = () => {
        if (ryddet) return;
        ryddet = true;
        lytter.dispose();
        editor.dispose();
        venstre.dispose();
        hoejre.dispose();
      };
      // Disposing while the worker still computes the diff makes Monaco throw when the answer
      // comes back; the editor is already out of the page, so let it finish first.
      if (!beregner) ryd();
      else {
        editor.onDidUpdateDiff(ryd);
        setTimeout(ryd, 10_000);
      }
    };
  }, []);

  useEffect(() => {
    const e = editorRef.current;
    if (!e) return;
    if (e.venstre.getValue() !== p.venstre) {
      e.beregner = true;
      e.venstre.setValue(p.venstre);
    }
    if (e.hoejre.getValue() !== p.hoejre) {
      e.beregner = true;
      e.hoejre.setValue(p.hoejre);
    }
  }, [p.venstre, p.hoejre]);

  useEffect(() => {
    editorRef.current?.editor.updateOptions({ ariaLabel: p.ariaLabel, renderSideBySide: p.sideOmSide ?? true });
  }, [p.ariaLabel, p.sideOmSide]);

  return (
    <div className="diff-vaert-ramme">
      <div className="diff-titler" aria-hidden="true">
        <span>{p.venstreNavn}</span>
        <span>{p.hoejreNavn}</span>
      </div>
      <div ref={vaertRef} className="monaco-vaert diff-vaert" data-testid="diff-editor" />
    </div>
  );
}
