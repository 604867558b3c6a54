-- Compact decisions: a new decision keeps its canonical input, levels and the SHA-256 of its full
-- explained result; the result itself is rebuilt on read with the stored regelsæt version and
-- checked against that hash. Additive: rows stored before this keep their full result and are
-- read as before.
ALTER TABLE indplaceringer ALTER COLUMN resultat DROP NOT NULL;
ALTER TABLE indplaceringer ADD COLUMN resultat_sha256 text;
ALTER TABLE indplaceringer ADD COLUMN parameter_niveauer text;
ALTER TABLE indplaceringer ADD CONSTRAINT indplaceringer_resultat_eller_hash
  CHECK (resultat IS NOT NULL OR (resultat_sha256 IS NOT NULL AND parameter_niveauer IS NOT NULL));
