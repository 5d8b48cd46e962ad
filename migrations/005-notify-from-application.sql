--liquibase formatted sql

--changeset tabletalk:005-notify-from-application splitStatements:false
-- A NOTIFY inside every write made PostgreSQL serialise all commits on its notification lock, one WAL flush at a
-- time. The service now announces its committed changes itself, many per NOTIFY, outside the writing transaction.
DROP TRIGGER sessions_notify_change ON sessions;
DROP FUNCTION notify_session_change();
--rollback CREATE FUNCTION notify_session_change() RETURNS trigger AS $$ BEGIN PERFORM pg_notify('session_changes', json_build_object('id', NEW.id, 'version', NEW.version, 'at', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)::text); RETURN NULL; END; $$ LANGUAGE plpgsql;
--rollback CREATE TRIGGER sessions_notify_change AFTER UPDATE ON sessions FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION notify_session_change();
