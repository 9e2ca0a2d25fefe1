package studybuddy.qa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.i18n.ChineseTypography;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.roadmap.StudyEstimator;

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

    /**
     * A matched name that the entry claims as a keyword, with at most one other entry ("MLOps", "Karpathy", "CS50"),
     * says what is asked even amid filler ("best way to pick up MLOps skills?"), when its entry clearly
     * beats the runner-up. Plain words ("book", "course", "job") are never names, so they still need the higher bar.
     */
    static final double RARE_NAME_MARGIN = 2.0;
    static final double MIN_COVERAGE_RARE_NAME = 0.2;

    /** "After X" / "X 学完了": the question is about the stage that follows X. */
    private static final Pattern AFTER = Pattern.compile(
            "\\b(after|afterwards|finish|finished|finishing|done with|complete|completed|completing|through with|wrapped up)\\b"
                    + "|之后|以后|学完|看完|上完|做完|读完|完成|结束|搞定|过后",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final KnowledgeBase knowledge;
    /** Per learning stage, its names as the question analyzers see them (per language). */
    private final Map<KnowledgeBase.Entry, Map<Lang, List<List<String>>>> stageNames = new LinkedHashMap<>();
    private final QaIndex index;
    private final Messages messages = new Messages("qa");
    private final double analyzersMillis;
    private final double indexMillis;

    private static volatile QaService shared;

    /**
     * The service over the bundled knowledge base, built once per process: the index is read-only, Lucene's
     * searcher is thread-safe, and building it costs most of a second.
     */
    public static QaService shared() {
        QaService s = shared;
        if (s == null) {
            synchronized (QaService.class) {
                s = shared;
                if (s == null) {
                    s = new QaService();
                    shared = s;
                }
            }
        }
        return s;
    }

    public QaService() {
        this(KnowledgeBase.load());
    }

    public QaService(KnowledgeBase knowledge) {
        long start = System.nanoTime();
        this.knowledge = knowledge;
        QaAnalyzers analyzers = new QaAnalyzers(); // loads the SmartChinese dictionaries on first use in a JVM
        long analyzed = System.nanoTime();
        this.index = new QaIndex(knowledge, analyzers);
        for (KnowledgeBase.Entry e : knowledge.entries()) {
            if (e.stage() == null || knowledge.entry(e.stage().next()).isEmpty()) {
                continue;
            }
            Map<Lang, List<List<String>>> names = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                List<String> spellings = new ArrayList<>(e.stage().names().en());
                if (lang == Lang.ZH) {
                    spellings.addAll(e.stage().names().zh());
                }
                names.put(lang, spellings.stream().map(n -> index.terms(lang, n)).filter(t -> !t.isEmpty()).toList());
            }
            stageNames.put(e, names);
        }
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
        Optional<QaIndex.Match> found = q.isEmpty() ? Optional.empty() : index.search(q).map(m -> afterStage(q, m));
        if (found.isEmpty() || !confident(found.get())) {
            found.ifPresent(m -> log.debug("not sure: best {} coverage {} matched {}/{}", m.entry().id(),
                    m.coverage(), m.matchedTerms(), m.questionTerms()));
            return new Answer(messages.get(lang, "qa.notSure"), false, Answer.NO_TOPIC,
                    found.map(QaIndex.Match::coverage).orElse(0.0), lang, java.util.List.of());
        }
        QaIndex.Match match = found.get();
        KnowledgeBase.Entry entry = match.entry();
        // the knowledge base is typed on a Western keyboard: Chinese answers get Chinese punctuation
        String body = entry.answer().in(lang);
        StringBuilder text = new StringBuilder(lang == Lang.ZH ? ChineseTypography.fix(body) : body);
        context.flatMap(c -> personal(entry, c, lang)).ifPresent(p -> text.append("\n\n").append(p));
        return new Answer(text.toString(), true, entry.id(), match.coverage(), lang, entry.units());
    }

    /**
     * "Done with CS50, what next?", "经典机器学习学完之后呢": when a confident answer is about the named stage itself,
     * or about next steps in general, and the question says the learner is past exactly one stage, the answer is the
     * stage that follows it. Questions naming two stages ("deep learning after classic ML?") or asking about something
     * else after a stage ("a job after CS50?") keep their match.
     */
    private QaIndex.Match afterStage(String question, QaIndex.Match m) {
        if (!confident(m) || !AFTER.matcher(question).find()) {
            return m;
        }
        Map<Lang, java.util.Set<String>> asked = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            asked.put(lang, new java.util.HashSet<>(index.terms(lang, question)));
        }
        List<KnowledgeBase.Entry> named = stageNames.entrySet().stream()
                .filter(s -> s.getValue().entrySet().stream().anyMatch(byLang -> byLang.getValue().stream()
                        .anyMatch(name -> asked.get(byLang.getKey()).containsAll(name))))
                .map(Map.Entry::getKey).toList();
        if (named.size() != 1) {
            return m;
        }
        KnowledgeBase.Entry done = named.get(0);
        KnowledgeBase.Entry next = knowledge.entry(done.stage().next()).orElseThrow();
        if (m.entry() == done || m.entry() == next || m.entry().hasIntent("next")) {
            return m.withEntry(next);
        }
        return m;
    }

    static boolean confident(QaIndex.Match m) {
        if (m.offTopic()) {
            return false;
        }
        if (m.matchedTerms() >= 2 && m.coverage() >= MIN_COVERAGE_CLEAR_WINNER && m.margin() >= CLEAR_MARGIN) {
            return true;
        }
        if (m.namedRare() >= 1 && m.coverage() >= MIN_COVERAGE_RARE_NAME && m.margin() >= RARE_NAME_MARGIN) {
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
            // the one estimate model (the same text /progress and onboarding show)
            return Optional.of(messages.get(lang, "qa.forYou.estimate", who, context.weeklyHours()) + "\n"
                    + StudyEstimator.describe(lang, context.ahead(), context.today()));
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
