--liquibase formatted sql

--changeset tabletalk:012-sessions-join-codes
-- The short code a two-phone session's second phone can type instead of scanning: six characters from an
-- alphabet without look-alikes. A code belongs to one open session at a time; once its session has ended or
-- expired the index no longer holds it, lookups no longer find it, and a new session may draw it again.
ALTER TABLE sessions ADD COLUMN join_code TEXT CHECK (join_code ~ '^[2-9A-HJKMNP-TV-Z]{6}$');
CREATE UNIQUE INDEX sessions_open_join_code ON sessions (join_code)
    WHERE join_code IS NOT NULL AND status IN ('waiting', 'active');
--rollback DROP INDEX sessions_open_join_code;
--rollback ALTER TABLE sessions DROP COLUMN join_code;
