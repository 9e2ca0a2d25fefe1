package studybuddy.qa;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/**
 * Answers learners' free-text questions about the roadmap from the knowledge base, in the asker's language,
 * and says so honestly when a question is outside what it knows.
 * Retrieval is Lucene BM25 over both languages; confidence comes from how much of the question the best entry
 * explains (rarity-weighted share of the meaningful terms, and how many of them), so that one shared common
 * word ("book a flight", "recommend a restaurant") is not enough to answer.
 */
public final class QaService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QaService.class);

    /** With three or more matched terms the topic is clear even when some words are unexplained. */
    static final double MIN_COVERAGE_MANY_TERMS = 0.3;
    /** With two matched terms, this share of the question must be explained. */
    static final double MIN_COVERAGE_TWO_TERMS = 0.45;
    /** A single matched term must explain nearly the whole question ("MLOps?", "Karpathy?"). */
    static final double MIN_COVERAGE_SINGLE_TERM = 0.7;

    /**
     * Informal questions carry words the knowledge base never uses ("in a nutshell", "my cohort"). When two or more
     * question terms point to one entry whose score clearly beats the runner-up's, a lower share is enough.
     */
    static final double CLEAR_MARGIN = 1.5;
    static final double MIN_COVERAGE_CLEAR_WINNER = 0.2;

    private final KnowledgeBase knowledge;
    private final QaIndex index;
    private final Messages messages = new Messages("qa");
    private final double analyzersMillis;
    private final double indexMillis;

    public QaService() {
        this(KnowledgeBase.load());
    }

    public QaService(KnowledgeBase knowledge) {
        long start = System.nanoTime();
        this.knowledge = knowledge;
        QaAnalyzers analyzers = new QaAnalyzers(); // loads the SmartChinese dictionaries on first use in a JVM
        long analyzed = System.nanoTime();
        this.index = new QaIndex(knowledge, analyzers);
        this.analyzersMillis = (analyzed - start) / 1e6;
        this.indexMillis = (System.nanoTime() - analyzed) / 1e6;
        log.info("Q&A ready: analyzers and synonyms in {} ms, index of {} entries in {} ms",
                Math.round(analyzersMillis), knowledge.entries().size(), Math.round(indexMillis));
    }

    /** Start-up cost: building the analyzers (SmartChinese dictionaries, synonym maps), then the index. */
    public double analyzersMillis() {
        return analyzersMillis;
    }

    public double indexMillis() {
        return indexMillis;
    }

    /** The index, for diagnostics in tests. */
    QaIndex index() {
        return index;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Answer answer(String question, Lang langOrNull, Optional<LearnerContext> context) {
        String q = question == null ? "" : question.strip();
        Lang lang = langOrNull != null ? langOrNull : Lang.detect(q);
        Optional<QaIndex.Match> found = q.isEmpty() ? Optional.empty() : index.search(q);
        if (found.isEmpty() || !confident(found.get())) {
            found.ifPresent(m -> log.debug("not sure: best {} coverage {} matched {}/{}", m.entry().id(),
                    m.coverage(), m.matchedTerms(), m.questionTerms()));
            return new Answer(messages.get(lang, "qa.notSure"), false, Answer.NO_TOPIC,
                    found.map(QaIndex.Match::coverage).orElse(0.0), lang, java.util.List.of());
        }
        QaIndex.Match match = found.get();
        KnowledgeBase.Entry entry = match.entry();
        StringBuilder text = new StringBuilder(entry.answer().in(lang));
        context.flatMap(c -> personal(entry, c, lang)).ifPresent(p -> text.append("\n\n").append(p));
        return new Answer(text.toString(), true, entry.id(), match.coverage(), lang, entry.units());
    }

    static boolean confident(QaIndex.Match m) {
        if (m.matchedTerms() >= 2 && m.coverage() >= MIN_COVERAGE_CLEAR_WINNER && m.margin() >= CLEAR_MARGIN) {
            return true;
        }
        return switch (Math.min(m.matchedTerms(), 3)) {
            case 3 -> m.coverage() >= MIN_COVERAGE_MANY_TERMS;
            case 2 -> m.coverage() >= MIN_COVERAGE_TWO_TERMS;
            case 1 -> m.coverage() >= MIN_COVERAGE_SINGLE_TERM;
            default -> false;
        };
    }

    /** The learner-specific sentence for time and next-step questions. */
    private Optional<String> personal(KnowledgeBase.Entry entry, LearnerContext context, Lang lang) {
        String who = messages.get(lang, "qa.background." + context.background().id());
        if (entry.hasIntent("time")) {
            return Optional.of(knowledge.timeFor(context.background())
                    .map(figure -> {
                        int hours = context.weeklyHours() > 0 ? context.weeklyHours() : figure.hoursPerWeek();
                        double months = Math.max(0.5, Math.round(figure.monthsAt(hours) * 2) / 2.0);
                        return messages.get(lang, "qa.forYou.time", who, hours, months, figure.months(), figure.hoursPerWeek());
                    })
                    .orElseGet(() -> messages.get(lang, "qa.forYou.noFigure", who)));
        }
        if (entry.hasIntent("next") && context.path() != null) {
            return Optional.of(messages.get(lang, "qa.forYou.next",
                    messages.get(lang, "qa.path." + context.path().id().toLowerCase(Locale.ROOT))));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
