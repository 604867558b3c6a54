// Maps a JSON pointer from the engine (`/parametre/2/niveauer/hoej`) to a range in the text,
// with jsonc-parser's syntax tree — never a regex. When the exact node does not exist (e.g. a
// required field is missing), the nearest existing ancestor is marked.
import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import { stiFromPointer } from "../../../engine/problem.js";

export interface TekstOmraade {
  start: number;
  slut: number;
}

export function omraadeForPointer(tekst: string, pointer: string, rod?: Node): TekstOmraade | null {
  const trae = rod ?? parseTree(tekst);
  if (!trae) return null;
  const sti = stiFromPointer(pointer);
  for (let n = sti.length; n >= 0; n--) {
    const node = findNodeAtLocation(trae, sti.slice(0, n));
    if (!node) continue;
    // Mark the property name of an object or array value, so a whole block is not underlined.
    const egenskab = node.parent?.type === "property" ? node.parent : undefined;
    const noegle = egenskab?.children?.[0];
    if ((node.type === "object" || node.type === "array") && noegle) {
      return { start: noegle.offset, slut: noegle.offset + noegle.length };
    }
    if (node.type === "object" || node.type === "array") {
      return { start: node.offset, slut: node.offset + 1 };
    }
    return { start: node.offset, slut: node.offset + node.length };
  }
  return null;
}
