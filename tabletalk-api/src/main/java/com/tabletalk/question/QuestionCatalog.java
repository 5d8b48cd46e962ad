package com.tabletalk.question;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The question library as sessions use it. Which questions are in play, and at which revision, is read from the
 * database each time, since the console changes it while instances run. A revision's wording never changes once
 * written, so the questions at a revision are kept in memory once read; their {@code active} flag is as it was
 * then and means nothing to a dealt card.
 */
public class QuestionCatalog {

    private final QuestionDao questions;
    private final Map<Long, Question> byRevision = new ConcurrentHashMap<>();

    public QuestionCatalog(QuestionDao questions) {
        this.questions = questions;
    }

    /** A question with the wording of one of its revisions; empty if there is no such revision. */
    public Optional<Question> find(int id, int revision) {
        long key = ((long) id << 32) | (revision & 0xffffffffL);
        Question known = byRevision.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Question> read = questions.atRevision(id, revision);
        read.ifPresent(question -> byRevision.putIfAbsent(key, question));
        return read;
    }

    /** The active questions of one context and the revision each is at now, by id. */
    public Map<Integer, Integer> activeRevisions(Context context) {
        Map<Integer, Integer> current = new LinkedHashMap<>();
        for (QuestionDao.Current question : questions.active(context.wire())) {
            current.put(question.id(), question.revision());
        }
        return current;
    }

    public int activeCount(Context context) {
        return questions.activeCount(context.wire());
    }
}
