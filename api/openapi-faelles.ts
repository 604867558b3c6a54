// Pieces of the OpenAPI document shared by the main document and the tilbud routes: the error
// answer, and the statuses a route answers before its own logic (parameters, body).
export type Obj = Record<string, unknown>;

export const fejl = (beskrivelse: string) => ({
  description: beskrivelse,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Fejl" } } },
});

/**
 * What a route with parameters can answer before its own logic: 400 for a parameter that is not
 * valid, and 404 when a path parameter names nothing (an empty segment reaches no route).
 */
export function svarForParametre(o: Obj): Obj {
  const parametre = Array.isArray(o.parameters) ? (o.parameters as { in?: string }[]) : [];
  if (parametre.length === 0) return {};
  const sti = parametre.some((p) => p.in === "path") ? { "404": fejl("Findes ikke.") } : {};
  return { "400": fejl("Ugyldig parameter."), ...sti };
}

/** What any route with a body can answer before it sees the body's content. */
export const KROP = {
  "400": fejl("Kroppen er ikke gyldig JSON (eller CSV), eller mangler."),
  "413": fejl("Kroppen er for stor."),
  "415": fejl("Forkert medietype eller tegnsæt; send JSON i UTF-8."),
  "422": fejl("Indholdet er ugyldigt; `detaljer` siger hvor."),
};
