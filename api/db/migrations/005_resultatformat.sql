-- The format of the explained result a compact decision was stored with. A compact row's result
-- is rebuilt on read and must hash to the stored SHA-256 — but only an engine that writes the
-- same explanations can reproduce the same bytes. When the engine's result format changes
-- (engine/resultat.ts, RESULTATFORMAT), older rows are checked on their levels instead of the
-- hash. Additive: NULL is format 1, the format compact rows were introduced with.
ALTER TABLE indplaceringer ADD COLUMN resultatformat integer;
