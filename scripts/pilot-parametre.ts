// The eight parameters of the specialiseringsmodel (Boks 4 of the model, seed 002), in the order
// the pilot regelsæt list them. The engine knows no parameter by name (a regelsæt names its own);
// the example-data generator, the hand-written bench evaluator and the tests do, and name them here.
export const PILOT_PARAMETRE = [
  "aktivPraksis",
  "praksiserfaring",
  "uddannelse",
  "fagmiljoe",
  "samarbejde",
  "vidensudvikling",
  "metoder",
  "hjaelpemidler",
] as const;

export type PilotParameter = (typeof PILOT_PARAMETRE)[number];
