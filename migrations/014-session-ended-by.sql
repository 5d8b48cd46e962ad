--liquibase formatted sql

--changeset tabletalk:014-session-ended-by
-- The participant ("A" or "B") whose command ended the session, so that both phones can say who ended the
-- evening; null while the session is open, for expired sessions and for those ended before it was kept.
ALTER TABLE sessions ADD COLUMN ended_by TEXT;
--rollback ALTER TABLE sessions DROP COLUMN ended_by;
