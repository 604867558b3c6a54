-- Every change to the key table or to the published versions tells the API processes sharing a
-- PostgreSQL server (NOTIFY on the channel `specialiseringsmodel_opslag`, with the table's schema as
-- payload), so that each may keep its answers to "is this key valid" and "which version is the
-- latest" in memory and drop them at once when another process — or an operator in psql —
-- changes either table (api/store/eneopslag.ts). A trigger, not the application, so that no
-- write can forget it. Delivered at commit; on the embedded database nobody listens.
CREATE FUNCTION opslag_besked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('specialiseringsmodel_opslag', TG_TABLE_SCHEMA);
  RETURN NULL;
END;
$$;

CREATE TRIGGER noegler_besked AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON noegler
  FOR EACH STATEMENT EXECUTE FUNCTION opslag_besked();
CREATE TRIGGER regelsaet_versioner_besked AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regelsaet_versioner
  FOR EACH STATEMENT EXECUTE FUNCTION opslag_besked();
