--liquibase formatted sql

--changeset tabletalk:004-rate-limit-buckets
-- Rate-limit buckets shared by every instance (Bucket4j's PostgreSQL layout). Keys are hashes, never addresses.
CREATE TABLE rate_limit_buckets (
    id         TEXT   PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
--rollback DROP TABLE rate_limit_buckets;

--changeset tabletalk:004-change-notify-timestamp splitStatements:false
-- The notification also carries when the change was made, so that instances can time their fan-out.
CREATE OR REPLACE FUNCTION notify_session_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('session_changes', json_build_object(
        'id', NEW.id,
        'version', NEW.version,
        'at', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--rollback CREATE OR REPLACE FUNCTION notify_session_change() RETURNS trigger AS $$ BEGIN PERFORM pg_notify('session_changes', json_build_object('id', NEW.id, 'version', NEW.version)::text); RETURN NULL; END; $$ LANGUAGE plpgsql;
