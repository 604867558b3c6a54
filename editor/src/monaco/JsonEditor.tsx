// A small React wrapper around a Monaco JSON editor: controlled text, markers for problems given
// as JSON pointers, and an optional hover with domain help. Loaded lazily with Monaco.
import type { Node } from "jsonc-parser";
import { getLocation, parseTree } from "jsonc-parser";
import { useEffect, useRef } from "react";
import { type Monaco, monaco } from "./monaco.js";
import { omraadeForPointer } from "./positioner.js";
import { modelUri } from "./schemaer.js";

export interface EditorProblem {
  pointer: string;
  message: string;
  alvor: "fejl" | "advarsel";
}

/** Domain help for the JSON path under the mouse, as Markdown, or null. */
export type HoverHjaelp = (sti: (string | number)[], tekst: string) => string | null;

export interface JsonEditorHandle {
  visPointer(pointer: string): void;
  visOffset(offset: number): void;
}

export interface JsonEditorProps {
  modelNavn: string;
  vaerdi: string;
  onAendring?: (tekst: string) => void;
  kunLaes?: boolean;
  /** Problems and the text they were found in; markers are set only while the text matches. */
  problemer?: { tekst: string; liste: EditorProblem[] };
  hoverHjaelp?: HoverHjaelp;
  ariaLabel: string;
  onKlar?: (handle: JsonEditorHandle) => void;
}

const hoverFor = new Map<string, HoverHjaelp>();
let hoverRegistreret = false;

function registrerHover(m: Monaco) {
  if (hoverRegistreret) return;
  hoverRegistreret = true;
  m.languages.registerHoverProvider("json", {
    provideHover(model, position) {
      const hjaelp = hoverFor.get(model.uri.toString());
      if (!hjaelp) return null;
      const tekst = model.getValue();
      const loc = getLocation(tekst, model.getOffsetAt(position));
      const md = hjaelp(loc.path, tekst);
      if (!md) return null;
      return { contents: [{ value: md, supportHtml: false }] };
    },
  });
}

/** The smallest single edit that turns `gammel` into `ny`, so cursor and undo history survive. */
function minimalAendring(gammel: string, ny: string) {
  let start = 0;
  const maks = Math.min(gammel.length, ny.length);
  while (start < maks && gammel.charCodeAt(start) === ny.charCodeAt(start)) start++;
  let slutG = gammel.length;
  let slutN = ny.length;
  while (slutG > start && slutN > start && gammel.charCodeAt(slutG - 1) === ny.charCodeAt(slutN - 1)) {
    slutG--;
    slutN--;
  }
  return { start, slut: slutG, tekst: ny.slice(start, slutN) };
}

export default function JsonEditor(props: JsonEditorProps) {
  const vaertRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onAendringRef = useRef(props.onAendring);
  onAendringRef.current = props.onAendring;
  const eksternRef = useRef(false);
  const { modelNavn, onKlar } = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once per model; value and options follow in the effects below
  useEffect(() => {
    const vaert = vaertRef.current;
    if (!vaert) return;
    registrerHover(monaco);
    const uri = monaco.Uri.parse(modelUri(modelNavn));
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(props.vaerdi, "json", uri);
    const editor = monaco.editor.create(vaert, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      readOnly: props.kunLaes ?? false,
      scrollBeyondLastLine: false,
      ariaLabel: props.ariaLabel,
      fixedOverflowWidgets: true,
      wordWrap: "on",
      renderValidationDecorations: "on",
      // The level texts are Danish prose with en dashes and quotes; they are not suspicious.
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
    });
    editorRef.current = editor;
    const lytter = model.onDidChangeContent(() => {
      if (!eksternRef.current) onAendringRef.current?.(model.getValue());
    });
    const visOffset = (offset: number) => {
      const pos = model.getPositionAt(offset);
      editor.revealPositionInCenter(pos);
      editor.setPosition(pos);
      editor.focus();
    };
    onKlar?.({
      visPointer(pointer) {
        const omr = omraadeForPointer(model.getValue(), pointer);
        if (omr) visOffset(omr.start);
      },
      visOffset,
    });
    return () => {
      lytter.dispose();
      editor.dispose();
      model.dispose();
      hoverFor.delete(uri.toString());
      editorRef.current = null;
    };
  }, [modelNavn]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const gammel = model.getValue();
    if (gammel === props.vaerdi) return;
    const a = minimalAendring(gammel, props.vaerdi);
    const range = monaco.Range.fromPositions(model.getPositionAt(a.start), model.getPositionAt(a.slut));
    eksternRef.current = true;
    try {
      model.pushEditOperations([], [{ range, text: a.tekst }], () => null);
    } finally {
      eksternRef.current = false;
    }
  }, [props.vaerdi]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: props.kunLaes ?? false });
  }, [props.kunLaes]);

  useEffect(() => {
    const uri = modelUri(modelNavn);
    if (props.hoverHjaelp) hoverFor.set(monaco.Uri.parse(uri).toString(), props.hoverHjaelp);
  }, [modelNavn, props.hoverHjaelp]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const p = props.problemer;
    if (!p || p.tekst !== model.getValue()) {
      if (!p) monaco.editor.setModelMarkers(model, "regelsaet", []);
      return;
    }
    let rod: Node | undefined;
    try {
      rod = parseTree(p.tekst);
    } catch {
      rod = undefined;
    }
    const markers = p.liste.flatMap((x) => {
      const omr = omraadeForPointer(p.tekst, x.pointer, rod);
      if (!omr) return [];
      const s = model.getPositionAt(omr.start);
      const e = model.getPositionAt(omr.slut);
      return [
        {
          severity: x.alvor === "fejl" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: x.message,
          startLineNumber: s.lineNumber,
          startColumn: s.column,
          endLineNumber: e.lineNumber,
          endColumn: e.column,
          source: x.alvor === "fejl" ? "regelsæt" : "forfattertjek",
        },
      ];
    });
    monaco.editor.setModelMarkers(model, "regelsaet", markers);
  }, [props.problemer]);

  return <div ref={vaertRef} className="monaco-vaert" data-testid={`monaco-${modelNavn}`} />;
}
