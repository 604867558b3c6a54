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
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const vaert = vaertRef.current;
    if (!vaert) return;
    const editor = monaco.editor.createDiffEditor(vaert, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: p.ariaLabel,
      useInlineViewWhenSpaceIsLimited: true,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 10 },
    });
    editorRef.current = editor;
    return () => {
      const m = editor.getModel();
      editor.dispose();
      m?.original.dispose();
      m?.modified.dispose();
      editorRef.current = null;
    };
  }, [p.ariaLabel]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const gammel = editor.getModel();
    editor.setModel({
      original: monaco.editor.createModel(p.venstre, "json"),
      modified: monaco.editor.createModel(p.hoejre, "json"),
    });
    gammel?.original.dispose();
    gammel?.modified.dispose();
  }, [p.venstre, p.hoejre]);

  useEffect(() => {
    editorRef.current?.updateOptions({ renderSideBySide: p.sideOmSide ?? true });
  }, [p.sideOmSide]);

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
