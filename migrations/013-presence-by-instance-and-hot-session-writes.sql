--liquibase formatted sql

--changeset tabletalk:013-live-instances
-- Each instance refreshes one row here every few seconds, instead of refreshing every socket's presence row: a
-- presence row counts while its instance's row is fresh, and is written only when a socket opens or closes.
CREATE TABLE live_instances (
    instance_id UUID        PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
-- Presence rows of instances that keep an instance row carry seen_at = 'infinity': an instance of the previous
-- release (which refreshes seen_at row by row) then neither sweeps them nor counts them away while both run.
-- Rows at zero sockets are deleted by their instance's heartbeat; this index finds them without reading the rest.
CREATE INDEX live_presence_closed ON live_presence (instance_id) WHERE sockets = 0;
--rollback DROP INDEX live_presence_closed;
--rollback DROP TABLE live_instances;

--changeset tabletalk:013-sessions-hot-writes
-- A move rewrites the session row. With no indexed column changing, PostgreSQL keeps the new version on the same
-- page without touching any index (a HOT update), if the page has room: hence the fill factor. The expiry time
-- changes with every write, so it is no longer indexed; the janitor finds open sessions by this index instead.
ALTER TABLE sessions SET (fillfactor = 80);
CREATE INDEX sessions_open_by_creation ON sessions (created_at) WHERE status IN ('waiting', 'active');
DROP INDEX sessions_open_by_expiry;
--rollback CREATE INDEX sessions_open_by_expiry ON sessions (expires_at) WHERE status IN ('waiting', 'active');
--rollback DROP INDEX sessions_open_by_creation;
--rollback ALTER TABLE sessions RESET (fillfactor);
