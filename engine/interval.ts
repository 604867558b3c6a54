// Deciding what can be decided: a count or share with some unknown members lies between bounds
// that every completion of the unknowns respects (both bounds are reached by some completion).
// A condition is decided when it holds at every value between the bounds, or at none; then the
// missing information does not matter. Shared by the json-rules-engine path and the compiled
// evaluator, so both decide alike.
import type { LeafUdfald } from "./indplacering/forklaring.js";

/** Bounds of an unknown number; `hoejst` absent = no upper bound (e.g. an unreported count). */
export interface Interval {
  mindst: number;
  hoejst?: number;
}

/**
 * The operator's result for every value in the interval: true or false when they all agree,
 * null when some completion of the unknowns meets it and another does not (or the operator
 * cannot be judged on bounds).
 */
export function afgoerInterval(operator: string, interval: Interval, b: unknown): boolean | null {
  const lo = interval.mindst;
  const hi = interval.hoejst ?? Number.POSITIVE_INFINITY;
  const udenfor = (x: unknown) => typeof x !== "number" || x < lo || x > hi;
  switch (operator) {
    // The value is always a number, never a list: these fail for every completion.
    case "contains":
    case "doesNotContain":
      return false;
    case "equal":
      return lo === hi ? b === lo : udenfor(b) ? false : null;
    case "notEqual":
      return lo === hi ? b !== lo : udenfor(b) ? true : null;
    case "in":
      if (!Array.isArray(b)) return false;
      return lo === hi ? b.includes(lo) : b.every(udenfor) ? false : null;
    case "notIn":
      if (!Array.isArray(b)) return false;
      return lo === hi ? !b.includes(lo) : b.every(udenfor) ? true : null;
  }
  if (typeof b !== "number" || Number.isNaN(b)) return null;
  switch (operator) {
    case "greaterThanInclusive":
      return lo >= b ? true : hi < b ? false : null;
    case "greaterThan":
      return lo > b ? true : hi <= b ? false : null;
    case "lessThanInclusive":
      return hi <= b ? true : lo > b ? false : null;
    case "lessThan":
      return hi < b ? true : lo >= b ? false : null;
    default:
      return null;
  }
}

/**
 * The outcome of a condition whose fact value is unknown (`mangler` non-empty): decided from the
 * fact's interval when it can be, with nothing missing; else unknown, naming what is missing.
 */
export function ukendtUdfald(
  fakta: { mangler: string[]; interval?: Interval },
  operator: string,
  b: unknown,
): LeafUdfald {
  const { interval } = fakta;
  if (!interval) return { faktisk: undefined, resultat: false, mangler: fakta.mangler };
  const afgjort = afgoerInterval(operator, interval, b);
  if (afgjort === null) return { faktisk: undefined, resultat: false, mangler: fakta.mangler, interval };
  return { faktisk: undefined, resultat: afgjort, mangler: [], interval };
}
