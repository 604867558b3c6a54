-- Tilbud over time (issue 13): the register of tilbud and afdelinger, the link from a stored
-- decision to its tilbud with validity and grace periods, the append-only status events, the
-- organisation a key belongs to, and the impact summary recorded when a version is published.
-- Additive only: a stored decision without a link is a 'truffet' decision of no tilbud, and a key
-- without an organisation keeps the access it had (every organisation's data).

ALTER TABLE noegler ADD COLUMN organisation text;

CREATE TABLE tilbud (
  id text PRIMARY KEY,                      -- as on Tilbudsportalen
  navn text NOT NULL,
  type text NOT NULL,                       -- leverandoer.type: botilbud, matrikelloes, …
  kommune text,
  socialtilsyn text NOT NULL,               -- the organisation that owns it
  maalgrupper text NOT NULL DEFAULT '[]',   -- JSON list of målgruppe ids
  oprettet timestamptz NOT NULL DEFAULT now(),
  opdateret timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tilbud_socialtilsyn ON tilbud (socialtilsyn);

CREATE TABLE afdelinger (
  tilbud_id text NOT NULL REFERENCES tilbud (id),
  id text NOT NULL,
  navn text NOT NULL,
  maalgruppe text NOT NULL,
  pladser integer CHECK (pladser >= 0),
  PRIMARY KEY (tilbud_id, id)
);

-- One row per decision that belongs to a tilbud, written once. The decision itself (input,
-- result, version) stays where the indplacering store keeps it; this references it by id.
CREATE TABLE afgoerelser (
  indplacering_id uuid PRIMARY KEY,
  tilbud_id text NOT NULL REFERENCES tilbud (id),
  afdeling_id text,
  maalgruppe text NOT NULL,
  niveau text NOT NULL,
  gyldig_fra date NOT NULL,
  naeste_vurdering date NOT NULL,
  overgang text NOT NULL DEFAULT '[]',      -- JSON list of grace periods, each with its reason
  noegle text NOT NULL,
  oprettet timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tilbud_id, afdeling_id) REFERENCES afdelinger (tilbud_id, id),
  CHECK (naeste_vurdering >= gyldig_fra)
);
CREATE INDEX afgoerelser_enhed ON afgoerelser (maalgruppe, tilbud_id, afdeling_id, gyldig_fra);

-- Status changes: who, when, why. The current status is the latest event's.
CREATE TABLE afgoerelse_haendelser (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indplacering_id uuid NOT NULL REFERENCES afgoerelser (indplacering_id),
  status text NOT NULL CHECK (status IN ('kladde', 'truffet', 'paaklaget', 'afgjort', 'aendret')),
  tidspunkt timestamptz NOT NULL DEFAULT now(),
  noegle text NOT NULL,
  begrundelse text NOT NULL,
  detaljer text NOT NULL DEFAULT '{}'
);
CREATE INDEX afgoerelse_haendelser_afgoerelse ON afgoerelse_haendelser (indplacering_id, id);

-- What a draft would do to the tilbud's decisions, recorded with the version it became.
CREATE TABLE regelsaet_konsekvens (
  maalgruppe text NOT NULL,
  version integer NOT NULL,
  resume text NOT NULL,
  PRIMARY KEY (maalgruppe, version)
);

CREATE TRIGGER afgoerelser_uforanderlige BEFORE UPDATE OR DELETE ON afgoerelser
  FOR EACH ROW EXECUTE FUNCTION afvis_aendring();
CREATE TRIGGER afgoerelse_haendelser_kun_tilfoej BEFORE UPDATE OR DELETE ON afgoerelse_haendelser
  FOR EACH ROW EXECUTE FUNCTION afvis_aendring();
CREATE TRIGGER regelsaet_konsekvens_uforanderlig BEFORE UPDATE OR DELETE ON regelsaet_konsekvens
  FOR EACH ROW EXECUTE FUNCTION afvis_aendring();
