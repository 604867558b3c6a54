-- Saved scenarios (issue 12): named sets of changes to a målgruppe's regelsæt, kept per målgruppe
-- with the key that saved them and when. The changes are stored as JSON text as posted.
CREATE TABLE scenarier (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  maalgruppe text NOT NULL,
  navn text NOT NULL,
  beskrivelse text,
  aendringer text NOT NULL DEFAULT '{}',
  forfatter text NOT NULL,
  oprettet timestamptz NOT NULL DEFAULT now(),
  opdateret timestamptz NOT NULL DEFAULT now(),
  UNIQUE (maalgruppe, navn)
);
CREATE INDEX scenarier_maalgruppe ON scenarier (maalgruppe, id);
