--liquibase formatted sql

--changeset tabletalk:011-question-revisions-authors
-- The console user who wrote a revision; null for the seed files.
ALTER TABLE question_revisions ADD FOREIGN KEY (created_by) REFERENCES staff_users (id);
--rollback ALTER TABLE question_revisions DROP CONSTRAINT question_revisions_created_by_fkey;

--changeset tabletalk:011-first-revisions
-- Questions that were in the library before revisions were kept get theirs from their current wording.
INSERT INTO question_revisions (question_id, revision, difficulty, category, type, text, hint,
                                option_a, option_b, option_c, option_d)
SELECT q.id, q.revision, q.difficulty, q.category, q.type, q.text, q.hint, q.option_a, q.option_b, q.option_c, q.option_d
FROM questions q
WHERE NOT EXISTS (SELECT 1 FROM question_revisions r WHERE r.question_id = q.id AND r.revision = q.revision);
--rollback DELETE FROM question_revisions WHERE created_by IS NULL;

--changeset tabletalk:011-sessions-deal-revisions
-- The revision of each card of the deck as it was dealt, position by position; null for sessions dealt before
-- revisions existed (they show revision 1).
ALTER TABLE sessions ADD COLUMN deck_revisions INTEGER[];
--rollback ALTER TABLE sessions DROP COLUMN deck_revisions;

--changeset tabletalk:011-restaurant-contexts
-- Which kinds of questions a restaurant's tables offer: at least one.
ALTER TABLE restaurants ADD COLUMN contexts TEXT[] NOT NULL DEFAULT ARRAY['exploring', 'established', 'mature']
    CHECK (cardinality(contexts) >= 1 AND contexts <@ ARRAY['exploring', 'established', 'mature']);
--rollback ALTER TABLE restaurants DROP COLUMN contexts;
