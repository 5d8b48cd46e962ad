package com.tabletalk.question;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The question bank in memory. The bank only changes through {@code db migrate}, which a deploy runs before
 * new instances start, so it is loaded once on first use and again only when an unknown id is asked for.
 */
public class QuestionCatalog {

    private final Supplier<List<Question>> loader;
    private volatile Map<Integer, Question> byId;

    public QuestionCatalog(Supplier<List<Question>> loader) {
        this.loader = loader;
    }

    public Optional<Question> find(int id) {
        Question question = questions().get(id);
        if (question == null) {
            reload();
            question = byId.get(id);
        }
        return Optional.ofNullable(question);
    }

    /** The active questions of one context, by id. */
    public List<Integer> activeIds(Context context) {
        return questions().values().stream()
                .filter(question -> question.active() && question.context() == context)
                .map(Question::id)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    public int activeCount(Context context) {
        return activeIds(context).size();
    }

    private Map<Integer, Question> questions() {
        Map<Integer, Question> current = byId;
        return current != null ? current : reload();
    }

    private synchronized Map<Integer, Question> reload() {
        byId = loader.get().stream().collect(Collectors.toUnmodifiableMap(Question::id, Function.identity()));
        return byId;
    }
}
