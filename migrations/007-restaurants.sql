--liquibase formatted sql

--changeset tabletalk:007-restaurants
-- Restaurants that put Table-Talk on their tables. The slug is the restaurant's part of every table URL.
CREATE TABLE restaurants (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$'),
    name       TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    time_zone  TEXT        NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
--rollback DROP TABLE restaurants;

--changeset tabletalk:007-restaurant-tables
-- A table's label is what its printed code and URL carry ("7", "Patio 3"); tables are deactivated, never
-- deleted, once sessions have been played at them.
CREATE TABLE restaurant_tables (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    restaurant_id BIGINT      NOT NULL REFERENCES restaurants (id),
    label         TEXT        NOT NULL CHECK (char_length(label) BETWEEN 1 AND 40),
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (restaurant_id, label)
);
--rollback DROP TABLE restaurant_tables;

--changeset tabletalk:007-sessions-at-tables
-- Sessions started from a registered table record where they were played; walk-in sessions leave both empty.
ALTER TABLE sessions ADD COLUMN restaurant_id BIGINT REFERENCES restaurants (id);
ALTER TABLE sessions ADD COLUMN table_id BIGINT REFERENCES restaurant_tables (id);
CREATE INDEX sessions_by_table ON sessions (table_id) WHERE table_id IS NOT NULL;
--rollback DROP INDEX sessions_by_table;
--rollback ALTER TABLE sessions DROP COLUMN table_id;
--rollback ALTER TABLE sessions DROP COLUMN restaurant_id;
