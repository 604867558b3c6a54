// What the editor knows about a draft's text: whether it parses, whether it is a valid regelsæt
// (schema and semantic checks), and the authoring warnings. Pure and synchronous.
import { type ParseError, parse, printParseErrorCode } from "jsonc-parser";
import { forfatterTjek, type Problem, type Regelsaet, validateRegelsaet } from "../../../engine/index.js";
import type { EditorProblem } from "../monaco/JsonEditor.js";

export interface Analyse {
  tekst: string;
  /** Set when the text is valid JSON. */
  vaerdi?: unknown;
  syntaksFejl: { offset: number; message: string }[];
  fejl: Problem[];
  advarsler: Problem[];
  /** Set only when there are no errors. */
  regelsaet?: Regelsaet;
}

const SYNTAKS_TEKST: Record<string, string> = {
  InvalidSymbol: "Ugyldigt tegn",
  InvalidNumberFormat: "Ugyldigt tal",
  PropertyNameExpected: "Her skulle stå et feltnavn i anførselstegn",
  ValueExpected: "Her mangler en værdi",
  ColonExpected: "Her mangler et kolon",
  CommaExpected: "Her mangler et komma",
  CloseBraceExpected: "Her mangler }",
  CloseBracketExpected: "Her mangler ]",
  EndOfFileExpected: "Uventet tekst efter slutningen",
  InvalidCommentToken: "Kommentarer er ikke tilladt",
  UnexpectedEndOfComment: "Kommentaren slutter ikke",
  UnexpectedEndOfString: 'Teksten slutter ikke (mangler ")',
  UnexpectedEndOfNumber: "Tallet slutter uventet",
  InvalidUnicode: "Ugyldig unicode-sekvens",
  InvalidEscapeCharacter: "Ugyldig escape-sekvens",
  InvalidCharacter: "Ugyldigt tegn i teksten",
};

export function analyser(tekst: string): Analyse {
  const errors: ParseError[] = [];
  const vaerdi = parse(tekst, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    return {
      tekst,
      syntaksFejl: errors.map((e) => {
        const kode = printParseErrorCode(e.error);
        return { offset: e.offset, message: `${SYNTAKS_TEKST[kode] ?? kode}.` };
      }),
      fejl: [],
      advarsler: [],
    };
  }
  const v = validateRegelsaet(vaerdi);
  const advarsler = v.regelsaet ? forfatterTjek(v.regelsaet) : [];
  const a: Analyse = { tekst, vaerdi, syntaksFejl: [], fejl: v.fejl, advarsler };
  if (v.regelsaet) a.regelsaet = v.regelsaet;
  return a;
}

export function editorProblemer(a: Analyse, serverFejl: Problem[] = []): { tekst: string; liste: EditorProblem[] } {
  return {
    tekst: a.tekst,
    liste: [
      ...a.fejl.map((p) => ({ pointer: p.pointer, message: p.message, alvor: "fejl" as const })),
      ...serverFejl.map((p) => ({ pointer: p.pointer, message: `Serveren: ${p.message}`, alvor: "fejl" as const })),
      ...a.advarsler.map((p) => ({ pointer: p.pointer, message: p.message, alvor: "advarsel" as const })),
    ],
  };
}
