--liquibase formatted sql

--changeset tabletalk:006-presence-counts-down
-- A closing socket only counts its row down; rows at zero are deleted by their instance's next heartbeat.
-- Deleting at once could race with a socket of the same participant opening on the same instance.
ALTER TABLE live_presence DROP CONSTRAINT live_presence_sockets_check;
ALTER TABLE live_presence ADD CONSTRAINT live_presence_sockets_check CHECK (sockets >= 0);
--rollback DELETE FROM live_presence WHERE sockets = 0;
--rollback ALTER TABLE live_presence DROP CONSTRAINT live_presence_sockets_check;
--rollback ALTER TABLE live_presence ADD CONSTRAINT live_presence_sockets_check CHECK (sockets > 0);
