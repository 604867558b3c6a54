-- Regelsæt versions, drafts, stored decisions, API keys and the audit log.
-- JSON documents are stored as text (JSON.stringify of what was posted) rather than jsonb: the
-- author's key order survives, and a NUL escape in a string cannot make the insert fail. The
-- hash is hashRegelsaet(content) over RFC 8785 canonical JSON, so it can always be re-verified.

CREATE TABLE regelsaet_versioner (
  maalgruppe text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  indhold text NOT NULL,
  hash text NOT NULL CHECK (hash LIKE 'sha256:%'),
  forfatter text NOT NULL,
  oprettet timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (maalgruppe, version)
);

CREATE SEQUENCE kladde_revision AS integer;

-- One draft per målgruppe. `revision` comes from one sequence, so an ETag is never reused, not
-- even after the draft is discarded and a new one started.
CREATE TABLE kladder (
  maalgruppe text PRIMARY KEY,
  indhold text NOT NULL,
  hash text NOT NULL,
  revision integer NOT NULL DEFAULT nextval('kladde_revision'),
  forfatter text NOT NULL,
  opdateret timestamptz NOT NULL DEFAULT now()
);

-- Draft contents that decisions were made with (kladde: true), by hash, so that such a decision
-- can be recomputed after the draft has changed.
CREATE TABLE kladde_indhold (
  hash text PRIMARY KEY,
  indhold text NOT NULL
);

CREATE TABLE indplaceringer (
  id uuid PRIMARY KEY,
  maalgruppe text NOT NULL,
  version integer,
  kladde boolean NOT NULL DEFAULT false,
  hash text NOT NULL,
  leverandoer_id text NOT NULL,
  niveau text NOT NULL,
  vurderingsgrundlag text NOT NULL,
  resultat text NOT NULL,
  noegle text NOT NULL,
  oprettet timestamptz NOT NULL DEFAULT now(),
  CHECK (kladde OR version IS NOT NULL)
);
CREATE INDEX indplaceringer_leverandoer ON indplaceringer (maalgruppe, leverandoer_id, oprettet);

CREATE TABLE noegler (
  navn text PRIMARY KEY,
  rolle text NOT NULL CHECK (rolle IN ('laeser', 'tilsyn', 'forfatter', 'admin')),
  hash text NOT NULL UNIQUE,
  oprettet timestamptz NOT NULL DEFAULT now(),
  oprettet_af text,
  tilbagekaldt timestamptz
);

CREATE TABLE audit_log (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tidspunkt timestamptz NOT NULL DEFAULT now(),
  noegle text NOT NULL,
  handling text NOT NULL,
  maalgruppe text,
  version integer,
  detaljer text NOT NULL DEFAULT '{}'
);

-- The audit log is append-only, and a published version can never change: the database itself
-- refuses, whoever asks.
CREATE FUNCTION afvis_aendring() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% er skrivebeskyttet (%).', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER audit_log_kun_tilfoej BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION afvis_aendring();
CREATE TRIGGER regelsaet_versioner_uforanderlige BEFORE UPDATE OR DELETE ON regelsaet_versioner
  FOR EACH ROW EXECUTE FUNCTION afvis_aendring();
