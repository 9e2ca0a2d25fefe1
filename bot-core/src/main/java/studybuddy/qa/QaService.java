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
import studybuddy.roadmap.Background;
import studybuddy.roadmap.Roadmap;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.roadmap.Route;
import studybuddy.roadmap.StudyEstimator;
import studybuddy.roadmap.TimeEstimate;

/**
 * Answers learners' free-text questions about the roadmap from the knowledge base, in the asker's language,
 * and says so honestly when a question is outside what it knows.
 * Retrieval is Lucene BM25 over both languages; confidence comes from how much of the question the best entry
 * explains (rarity-weighted share of the meaningful terms, and how many of them), so that one shared common
 * word ("book a flight", "recommend a restaurant") is not enough to answer.
 * Around that: a stated situation ("Java dev, 2 h a day, realistic?") gets the roadmap's estimate for it; a message
 * of clearly separate questions is answered part by part; the article's own passages answer when no topic fits;
 * and when not sure, the three closest topics are offered ("did you mean") rather than a dead end.
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
    private static final GuardedPattern AFTER = GuardedPattern.compile(
            "\\b(after(?! (?:work|my (?:day )?job|hours|dinner|class(?:es)?|school|the kids|kids|bedtime|my shift)\\b)(?! (?:\\d+|a|an|one|two|three|several|many|a few) (?:\\w+ )?(?:years?|yrs?|months?|weeks?|days?|decades?)\\b)|afterwards|finish|finished|finishing|done|complete|completed|completing|through with|wrapped up"
                    // (a liking for a kind of teaching is a taste, not a stage behind: "if someone liked university style lectures")
                    + "|what now|now what|(?:liked|loved|enjoyed)(?! (?:[\\w-]+ ){0,3}(?:style|format|kind|type|sort)\\b)|already (?:know|knew|did|learned|learnt|covered|have))\\b"
                    + "|已经(?:会|学过|掌握|懂|学会)"
                    // "一口气刷完" is how to read it (in one go), not what comes after it
                    // ("没上过大学" says what the asker never did)
                    + "|之后|以后|入门后|(?<!一口气)(?:学完|看完|上完|做完|读完|刷完|啃完|过完)|过了一遍|(?<!没|没有)(?:学过|上过)|完成|结束|搞定|过后",
            Pattern.CASE_INSENSITIVE);

    /** A question that points back at what the message said before it: "after that", "那之后呢", "then what". */
    private static final GuardedPattern POINTS_BACK = GuardedPattern.compile(
            "\\bafter (?:that|this|it|those)\\b|\\bthen what\\b|(?:那|这)(?:之后|以后)|然后呢|之后呢"
                    // "leetcode mediums or hards for MLE interviews? how many should i grind": how many of what was just named
                    + "|^\\s*(?:and |so )?how many (?:(?:lc |leetcode )?problems |questions |ones |of (?:them|those|these) )?(?:should|do|must|would) i\\b"
                    // "Kaggle 比赛怎么才能拿金牌?有没有套路": tips for what was just asked
                    + "|^\\s*(?:有没有|有啥|有什么|求)(?:套路|技巧|窍门|诀窍|捷径|秘诀)[?？!！。.\\s]*$|^\\s*any (?:tips|tricks|shortcuts|secrets)[?!.\\s]*$"
                    // "年薪大概多少?和前端比哪个香": a comparison with what the previous part asked about
                    + "|^\\s*(?:那)?(?:和|跟|与|比起)[^，。？?！!]{1,8}(?:比|相比)"
                    // "ML专项课学完了!! 接下来学啥": a bare "what next" after the stage just named
                    + "|^\\s*(?:那)?(?:接下来|下一步|然后)(?:该|要|应该)?(?:学|看|干|做)?(?:啥|什么|干嘛|哪个)[?？!！。.\\s]*$"
                    // "…各要多久? 帮我对比一下": a request about what was just asked
                    + "|^(?:请|麻烦)?(?:帮我|给我)?(?:对比|比较|总结|整理)一下|\\bcompare (?:them|the two|both)\\b", Pattern.CASE_INSENSITIVE);

    /** Words asking for the next step itself: "…, what next?", "下一步学啥". */
    private static final GuardedPattern NEXT_CUE = GuardedPattern.compile(
            "\\b(next|what now|now what|then what|move on)\\b|\\b(?:do|learn|study|take|tackle|pick up|go for|focus on) after (?:that|this|it)\\b|下一步|接下来|下一个|下一阶段|然后呢|然后学|然后干嘛|然后干啥|然后做什么",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether something of the finished stage is still worth doing, or enough ("is the Helsinki MOOC worth it after CS50",
     * "CS50学完了，赫尔辛基那个课还有必要吗", "huggingface的课学完就够了?"): a question about that stage, not about the one after it.
     */
    private static final GuardedPattern STILL_WORTH = GuardedPattern.compile(
            "\\b(worth|worthwhile|still (?:need|necessary|useful|needed|relevant)|necessary|redundant|skip|overkill|enough)\\b"
                    + "|还有必要|有没有必要|有必要|值得|值不值|还用学|还要学吗|还需要学|多余|跳过|重复吗|就够|够了吗|够不够|够用|全面吗|全不全|够全面|\\bcomprehensive\\b"
                    // "Hugging Face 的课程是干嘛用的，学完能直接找工作吗": what the stage is for
                    + "|干嘛用|干什么用|有什么用|有啥用|是干嘛的|\\bwhat(?:'s| is| are) (?:it|that|this|they) (?:even |good |actually )?for\\b"
                    // "必须啃完再往下走吗", "do I have to finish it before moving on": whether all of it is needed
                    + "|(?:必须|一定要|非得|非要|得)(?:先)?(?:啃|学|看|读|刷|上)完|要(?:先)?(?:啃|学|看|读|刷|上)完(?:才|再)|\\b(?:have to|must i|need to|should i) (?:fully |completely )?finish\\b",
            Pattern.CASE_INSENSITIVE);

    private final KnowledgeBase knowledge;
    /** Per learning stage, its names as the question analyzers see them (per language). */
    private final Map<KnowledgeBase.Entry, Map<Lang, List<List<String>>>> stageNames = new LinkedHashMap<>();
    /** Per stage with a next one, "next for python" / "the next python thing": the next step inside that stage. */
    private final Map<KnowledgeBase.Entry, Pattern> nextWithinStage = new java.util.HashMap<>();
    private final QaIndex index;
    private final Messages messages = new Messages("qa");
    /** Texts of the informal-question features: situation answers, "did you mean", article passages, follow-ups. */
    private final Messages informal = new Messages("qa_informal");
    private final Roadmap roadmap;
    private final StudyEstimator estimator;
    private final ArticlePassages passages;
    private final QaIndex passageIndex;
    /** Picks among the "did you mean" topics by meaning when the lexical match is unsure. */
    private final SemanticRescue semantics;
    private final double analyzersMillis;
    private final double indexMillis;

    private static volatile QaService shared;
    /** How many topics a "did you mean" reply offers. */
    static final int SUGGESTIONS = 3;
    /** Share of the question the best topic must explain for a "did you mean" offer. */
    static final double MIN_SUGGESTION_COVERAGE = 0.15;

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
        this(knowledge, RoadmapLoader.loadDefault(), ArticlePassages.load());
    }

    public QaService(KnowledgeBase knowledge, Roadmap roadmap, ArticlePassages passages) {
        this(knowledge, roadmap, passages, SemanticRescue.forKnowledge(knowledge));
    }

    QaService(KnowledgeBase knowledge, Roadmap roadmap, ArticlePassages passages, SemanticRescue semantics) {
        long start = System.nanoTime();
        this.knowledge = knowledge;
        this.roadmap = roadmap;
        this.estimator = new StudyEstimator(roadmap);
        this.passages = passages;
        this.semantics = semantics;
        QaAnalyzers analyzers = new QaAnalyzers(); // loads the SmartChinese dictionaries on first use in a JVM
        long analyzed = System.nanoTime();
        // The two indexes are independent: built side by side, start-up (`ask`, a bot's first answer) waits for the
        // longer one only. Analyzers are thread-safe; the SmartChinese dictionaries load once, under their own lock.
        java.util.concurrent.CompletableFuture<QaIndex> passagesBuilt = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> new QaIndex(passages.asKnowledge(), analyzers));
        this.index = new QaIndex(knowledge, analyzers);
        try {
            this.passageIndex = passagesBuilt.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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
            String english = e.stage().names().en().stream().map(n -> Pattern.quote(n.toLowerCase(Locale.ROOT)))
                    .collect(java.util.stream.Collectors.joining("|"));
            String all = java.util.stream.Stream.concat(e.stage().names().en().stream(), e.stage().names().zh().stream())
                    .map(n -> Pattern.quote(n.toLowerCase(Locale.ROOT))).distinct()
                    .collect(java.util.stream.Collectors.joining("|"));
            nextWithinStage.put(e, Pattern.compile("\\b(?:next|now what|what now|what else)(?:\\s+\\w+){0,2}\\s+(?:for|in|with)\\s+(?:" + english
                    + ")(?![a-z0-9])|\\bnext\\s+(?:" + english + ")\\s+(?:thing|resource|course|book|step|one)"
                    + "|\\b(?:which|what)\\s+(?:" + english + ")\\s+(?:thing|resource|course|book|one)\\s+(?:next|now|after)"
                    // "cs50学完了 python接下来还看啥": the subject itself, not said to be finished, then what next in it
                    + "|(?<!学完|看完|学完了|看完了|刷完|上完)(?:" + all + ")\\s*(?:方面|这块|的话)?\\s*(?:接下来|下一步)\\s*(?:还|再)?\\s*(?:看|学|读)"
                    // "cs50刚刷完,下一步python看啥": what next in the subject, named after the words for next
                    + "|(?:接下来|下一步)\\s*(?:" + all + ")\\s*(?:还|再|该|要){0,2}\\s*(?:看|学|读)"));
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
        String q = withoutTrailingGuess(question == null ? "" : ChineseScript.simplified(question.strip()));
        Lang lang = langOrNull != null ? langOrNull : Lang.detect(q);
        Optional<OutOfScope> outside = OutOfScope.of(q);
        if (outside.filter(k -> k == OutOfScope.CRISIS).isPresent()) {
            return outOfScope(OutOfScope.CRISIS, lang); // whatever else the message asks
        }
        if (Greeting.is(q)) {
            // small talk asks nothing of the roadmap (the platforms greet back with the next step to take)
            return new Answer(informal.get(lang, "greeting.new"), false, Answer.NO_TOPIC, 0, lang, List.of());
        }
        // Every stage that names someone is read from the whole message ("andrew ng shows up twice? which two courses"):
        // a part alone would not say whom it asks about.
        if (outside.isEmpty()) {
            Optional<Answer> named = stagesNaming(q, lang, context);
            if (named.isPresent()) {
                return named.get();
            }
        }
        // Several questions in one message: each part answered, but only when every part is clearly about its own topic.
        List<String> parts = MessageParts.split(q);
        // "finished ng's ML specialization today!!! what does the guide want me to do after that": a later part that
        // points back at an earlier one is one question with it
        if (parts.size() > 1 && !parts.stream().skip(1).anyMatch(p -> POINTS_BACK.find(p))) {
            // what each part asks for is read once (half of a question's CPU), however often the part is answered
            List<Optional<OutOfScope>> partsOutside = parts.stream().map(OutOfScope::of).toList();
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                answers.add(single(parts.get(i), partsOutside.get(i), lang, context, false));
            }
            if (answers.stream().anyMatch(Answer::confident)) {
                // One part is about the roadmap, so a bare aspect in another ("…, and how long?") is about it too.
                for (int i = 0; i < answers.size(); i++) {
                    if (!answers.get(i).confident()) {
                        answers.set(i, single(parts.get(i), partsOutside.get(i), lang, context, true));
                    }
                }
            }
            // A part the words leave unsure may still be clear by its meaning, judged by the same rescue as a whole message.
            for (int i = 0; i < answers.size(); i++) {
                answers.set(i, rescued(answers.get(i), parts.get(i), lang, context));
            }
            boolean separate = answers.stream().allMatch(Answer::confident)
                    && answers.stream().map(Answer::topic).distinct().count() == answers.size();
            if (separate) {
                // a part whose topics another part's answer already holds ("MLOps 推介边个资源? 同埋 fullstackopen 同
                // fullstackdeeplearning 有咩分别": the second tells both apart) is not answered twice
                List<Answer> kept = withoutRepeats(answers);
                return kept.size() == 1 ? kept.get(0) : combine(kept, lang);
            }
            Optional<Answer> withRest = answeredWithRestOutside(answers, parts, partsOutside, lang);
            if (withRest.isPresent()) {
                return withRest.get();
            }
        }
        Answer whole = rescued(single(q, outside, lang, context, false), q, lang, context);
        return whole.confident() || !whole.suggestions().isEmpty() || q.isEmpty() || outside.isPresent()
                ? whole : offeredByMeaning(whole, q, lang, context);
    }

    /**
     * Never a dead end: a question the words found no topic for, and no out-of-scope kind explains, gets the topic its
     * meaning clearly points to, or else "did you mean" with the nearest topics by meaning, when it is near the roadmap.
     */
    private Answer offeredByMeaning(Answer unsure, String q, Lang lang, Optional<LearnerContext> context) {
        Optional<SemanticRescue.Offer> offer = semantics.offer(q, lang);
        Optional<KnowledgeBase.Entry> clear = offer.flatMap(SemanticRescue.Offer::answer).flatMap(knowledge::entry)
                .filter(e -> !timeUnasked(q, e))
                // any question that says "the guide" or "the article" is near the topic about the article itself, and any
                // question at all is near the one about what the bot answers: those two need their words
                .filter(e -> !e.id().equals(SOURCE_TOPIC) && !e.id().equals(BOT_HELP_TOPIC));
        if (clear.isPresent()) {
            return fromEntry(pastStage(q, clear.get()), unsure.score(), lang, context);
        }
        List<KnowledgeBase.Entry> nearest = offer.map(o -> o.nearest().stream().flatMap(id -> knowledge.entry(id).stream())
                .toList()).orElse(List.of());
        return nearest.isEmpty() ? unsure : didYouMean(nearest, unsure.score(), lang);
    }

    /**
     * A "did you mean" reply becomes the answer when the question's meaning clearly points to one of the offered topics.
     * Only offers are rescued: the off-topic and task guards leave none, so what they refuse stays refused.
     */
    private Answer rescued(Answer unsure, String q, Lang lang, Optional<LearnerContext> context) {
        if (unsure.confident() || unsure.suggestions().isEmpty()) {
            return unsure;
        }
        List<String> candidates = unsure.suggestions().stream().map(Answer.Suggestion::id).toList();
        // When the words clearly prefer one topic and the meaning another, neither is sure: the offer stays.
        Optional<String> wordsPrefer = index.search(q).filter(m -> m.margin() >= CLEAR_MARGIN && !timeUnasked(q, m.entry()))
                .map(m -> m.entry().id());
        // the rescued topic follows the same "after a stage" rule as a lexical match ("学完经典机器学习接下来学啥")
        return semantics.pick(q, lang, candidates).filter(id -> wordsPrefer.map(id::equals).orElse(true))
                .flatMap(knowledge::entry).filter(e -> !timeUnasked(q, e))
                .map(e -> pastStage(q, e))
                .map(e -> fromEntry(e, unsure.score(), lang, context)).orElse(unsure);
    }

    /** The answer for one topic by its id (a "did you mean" press), or empty for an unknown id. */
    public Optional<Answer> topic(String id, Lang lang, Optional<LearnerContext> context) {
        Optional<KnowledgeBase.Entry> entry = knowledge.entry(id);
        if (entry.isPresent()) {
            return Optional.of(fromEntry(entry.get(), 1.0, lang, context));
        }
        return passages.asKnowledge().entry(id).map(p -> fromPassage(p, 1.0, lang));
    }

    /**
     * A short follow-up to the previous topic in a conversation: "and after that?" / "那之后呢" answers the stage after
     * it, "why?" / "为什么" the article's own passage behind it. Empty when the message is not a follow-up, or the
     * previous topic has no stage after it or no passage behind it.
     */
    public Optional<Answer> followUp(String message, String previousTopic, Lang lang, Optional<LearnerContext> context) {
        FollowUp kind = FollowUp.of(message);
        if (kind == FollowUp.NONE || previousTopic == null) {
            return Optional.empty();
        }
        Optional<KnowledgeBase.Entry> previous = knowledge.entry(previousTopic);
        if (kind == FollowUp.AFTER) {
            return previous.map(KnowledgeBase.Entry::stage)
                    .flatMap(st -> knowledge.entry(st.next()))
                    .map(next -> fromEntry(next, 1.0, lang, context));
        }
        if (previousTopic.startsWith(ArticlePassages.ID_PREFIX)) {
            return Optional.empty(); // the passage was the reason already
        }
        return previous.flatMap(e -> passageIndex.search(e.title().in(lang) + "\n" + e.answer().in(lang))
                .filter(m -> !m.offTopic()).map(m -> fromPassage(m.entry(), m.coverage(), lang)));
    }

    /**
     * @param outside          what the text asks for when the roadmap never covers it ({@link OutOfScope#of}), read
     *                         before which topic it shares words with: "is Andrew Ng's course free", "loss变成nan怎么办",
     *                         "derive backprop step by step" name roadmap things but ask for something else
     * @param inRoadmapMessage the text is part of a message whose other part is confidently about the roadmap
     */
    private Answer single(String q, Optional<OutOfScope> outside, Lang lang, Optional<LearnerContext> context,
                          boolean inRoadmapMessage) {
        if (outside.filter(k -> k == OutOfScope.CODE).isPresent()) {
            // "Write quicksort in Python", "帮我解一下这道题": a job to do, not a question about the roadmap.
            return outOfScope(OutOfScope.CODE, lang);
        }
        // "what does the article recommend", "按这篇文章…": the asker says it is about the roadmap, so a word the
        // knowledge base never uses (their job, slang) does not make it a question about something else
        boolean namesArticle = OutOfScope.NAMES_THE_ARTICLE.find(q);
        boolean onRoadmap = inRoadmapMessage || namesArticle;
        Situation situation = Situation.read(q);
        String words = namesArticle ? OutOfScope.withoutArticleFraming(q) : q;
        // Questions the route's structure or a plainly stated need answers, whatever the words match: two of its resources
        // told apart ("Full Stack Open vs Full Stack Deep Learning, aren't those the same?"), every stage that names
        // someone ("吴恩达的课在路线图里出现在哪几个阶段"), who wrote it ("who even wrote this? some big name like karpathy?"),
        // what one quoted person said, a stated need (StatedNeed), what a resource is, the models an area uses, why a
        // stage is on the route or whether it is needed, a step by its number ("第二步是啥")
        if (outside.isEmpty()) {
            Optional<Answer> aboutTheRoute = toldApart(q, lang, context).or(() -> stagesNaming(q, lang, context))
                    .or(() -> authorAsked(q, lang, context)).or(() -> quoteAsked(q, lang, context))
                    .or(() -> statedIntent(q, situation, lang, context)).or(() -> resourceAsked(q, lang, context))
                    .or(() -> modelsForArea(q, lang, context))
                    .or(() -> whyThisStage(q, lang, context))
                    .or(() -> stepByNumber(q, situation, lang, context));
            if (aboutTheRoute.isPresent()) {
                return aboutTheRoute.get();
            }
        }
        // "还是那是数据分析师的事": whose job it might be is not what is asked; "(我是阿飞)", "(im Zoe, first day here)":
        // the asker's name is who asks
        words = INTRODUCTION.matcher(Situation.OTHERS_JOB.matcher(words).replaceAll(" ")).replaceAll(" ").strip();
        // "everyone on twitter says just self-teach": where a claim was heard is not what is asked about it
        words = HEARD_ONLINE.matcher(words).replaceAll(" ").strip();
        if (words.isEmpty()) {
            words = q;
        }
        // the asker's age and hours, in a question that does not ask how long, are who asks, not what is asked
        if (!situation.asksTime() && !TIME_CUE.find(q)) {
            words = Situation.withoutFigures(words);
        }
        Optional<QaIndex.Match> byWords = q.isEmpty() ? Optional.empty()
                : index.search(words).map(m -> onRoadmap ? m.onRoadmap() : m);
        Optional<QaIndex.Match> found = byWords.map(m -> codingEnough(q, m).orElseGet(() -> afterStage(q, m)))
                .map(m -> choosingAmongDomains(q, m));
        boolean timeTopic = found.filter(QaService::confident).map(m -> m.entry().hasIntent("time")).orElse(false);
        // a stated situation that asks how long wins over a mention of something else ("only a cheap laptop"); a time
        // topic reached by shared words does not ("AI会不会取代程序员")
        // a bare background beside a time topic's words asks for the estimate or the start only when it says so ("total
        // noob, where do I start"); otherwise ("先当码农再转机器学习是不是更好") the topic answers
        // "compare the time estimates for a total beginner vs someone already a dev", "零基础全职 vs 已经是程序员 各要多久":
        // the estimates by starting point, side by side, not one personal estimate
        if (outside.isEmpty() && startsCompared(q)) {
            return fromEntry(knowledge.entry(TIME_OVERVIEW_TOPIC).orElseThrow(), 1.0, lang, context);
        }
        boolean saysTime = situation.weeklyHours() > 0 || situation.age() > 0 || TIME_CUE.find(q)
                || START_CUE.find(q);
        if (situation.statesSomething() && (situation.asksTime() || (timeTopic && outside.isEmpty() && saysTime))) {
            return situationAnswer(situation, lang, context);
        }
        if (outside.isPresent()) {
            return outOfScope(outside.get(), lang);
        }
        // "数学还行但是完全不会编程，第一步到底该学什么": where to start, asked by someone who cannot program yet, is the first
        // stage, however much else the message says about them (their maths, their job)
        if (START_CUE.find(q) && CANNOT_CODE.find(q)) {
            return fromEntry(knowledge.entry(FIRST_STAGE_TOPIC).orElseThrow(), 1.0, lang, context);
        }
        // "统计系大三 要补啥", "physics major, what should I focus on": what a student of a quantitative subject should add is
        // the students' topic (the data path, with time set aside for software engineering); "数据分析师一枚,天天SQL+Excel,
        // 这个路线里我最该补的是啥": what a data person should add is the data scientist's gap
        Optional<Background> adding = situation.background()
                .filter(b -> b == Background.QUANT_STUDENT || b == Background.DATA_SCIENTIST);
        if (adding.isPresent() && WHAT_TO_ADD.find(q) && !situation.asksTime()) {
            return fromEntry(knowledge.entry(BACKGROUND_TOPIC.get(adding.get())).orElseThrow(), 1.0, lang, context);
        }
        // "stats degree 2nd yr, what does the roadmap say for ppl like me", "数据分析师一枚 文章对我们这种有啥建议": advice
        // for someone with the stated background, and no topic the words are sure of, is that background's topic
        if (situation.background().isPresent() && ADVICE_FOR_ME.find(q) && !situation.asksTime()
                && found.filter(QaService::confident).isEmpty()) {
            Optional<KnowledgeBase.Entry> forThem = Optional.ofNullable(BACKGROUND_TOPIC.get(situation.background().get()))
                    .flatMap(knowledge::entry);
            if (forThem.isPresent()) {
                return fromEntry(forThem.get(), 1.0, lang, context);
            }
        }
        // "mlops用哪个课来着 … 学完深度学习了想接着看", "mlops有啥好的资源吗 公司模型上线全靠手搓脚本": a course or resource asked
        // for a topic named by its own name, ahead of every other, is that topic's, not the one after a stage said finished
        if (found.isPresent() && !confident(found.get()) && !found.get().offTopic() && found.get().namedRare() >= 1
                && found.get().margin() >= CONTESTED_MARGIN && RESOURCE_ASKED.find(q)
                && stageAfter(q, found.get().entry()).isEmpty() && !timeUnasked(q, found.get().entry())) {
            return fromEntry(found.get().entry(), found.get().coverage(), lang, context);
        }
        // "学完深度学习下一步干嘛": a finished stage named and what comes after it asked is the next stage, however little
        // of the rest of the message the words match
        if (found.isPresent() && !confident(found.get()) && !found.get().offTopic()) {
            Optional<KnowledgeBase.Entry> after = stageAfter(q, found.get().entry());
            if (after.isPresent()) {
                return fromEntry(after.get(), found.get().coverage(), lang, context);
            }
        }
        if (found.isPresent() && confident(found.get()) && !timeUnasked(q, found.get().entry())) {
            KnowledgeBase.Entry entry = found.get().entry();
            if (found.get().margin() < CONTESTED_MARGIN) {
                // the words barely prefer their pick: a meaning that clearly points to another of their candidates wins
                // ("路线里的资源必须全学吗" shares 全 with Full Stack Open, and means "is the roadmap flexible")
                List<String> candidates = index.ranked(words, SUGGESTIONS).stream().map(KnowledgeBase.Entry::id).toList();
                // (a pick the rules above moved, past a finished stage or among domains, is theirs, not the words')
                boolean wordsOwnPick = byWords.map(m -> m.entry() == found.get().entry()).orElse(false);
                // one matched word is contested only when the words' own ranking puts another topic first ("数学要多少")
                boolean contested = found.get().matchedTerms() >= 2
                        || !candidates.isEmpty() && !candidates.get(0).equals(entry.id());
                if (contested) {
                    entry = semantics.overrule(q, lang, entry.id(), candidates, wordsOwnPick).flatMap(knowledge::entry)
                            .filter(e -> !timeUnasked(q, e)).orElse(entry);
                }
            }
            return fromEntry(entry, found.get().coverage(), lang, context);
        }
        // "文章里说最坑的bug不是爆显存那种，那是哪种": the asker says it is about the article, and one topic is far ahead
        // of every other, however much chatter around it dilutes its coverage
        // (not the topic about the article itself: naming the article or its author is what puts that one ahead)
        if (namesArticle && found.filter(m -> !m.offTopic() && m.margin() >= ARTICLE_CLEAR_MARGIN
                        && !m.entry().id().equals(SOURCE_TOPIC)).isPresent()
                && !timeUnasked(q, found.get().entry())) {
            return fromEntry(found.get().entry(), found.get().coverage(), lang, context);
        }
        // Second tier: what the article says that no topic holds, judged by the same rule.
        Optional<QaIndex.Match> passage = q.isEmpty() ? Optional.empty() : passageIndex.search(q);
        // the article's time passage, like the time topics, answers only a question about time ("课必须全学吗" is not)
        boolean timePassageUnasked = passage.filter(p -> p.entry().id().equals(ArticlePassages.ID_PREFIX + "time")).isPresent()
                && !TIME_CUE.find(q) && !situation.asksTime();
        if (passage.isPresent() && confidentPassage(passage.get()) && !timePassageUnasked) {
            return fromPassage(passage.get().entry(), passage.get().coverage(), lang);
        }
        found.ifPresent(m -> log.debug("not sure: best {} coverage {} matched {}/{}", m.entry().id(),
                m.coverage(), m.matchedTerms(), m.questionTerms()));
        // "Did you mean" only when the question is near the roadmap: not for a subject it never covers ("weather").
        // (in a long message a clear leader counts as near too: chatter around a clear question lowers its coverage, not
        // its ranking)
        boolean near = found.filter(m -> !m.offTopic()
                && (m.coverage() >= MIN_SUGGESTION_COVERAGE
                        || m.questionTerms() >= CHATTY_TERMS && m.margin() >= SUGGESTION_MARGIN)).isPresent();
        double score = found.map(QaIndex.Match::coverage).orElse(0.0);
        return near ? didYouMean(index.ranked(q, SUGGESTIONS), score, lang)
                : new Answer(messages.get(lang, "qa.notSure"), false, Answer.NO_TOPIC, score, lang, List.of());
    }

    /** "Did you mean": the topics offered, best first, each a button that answers it. */
    private Answer didYouMean(List<KnowledgeBase.Entry> topics, double score, Lang lang) {
        List<Answer.Suggestion> suggestions = topics.stream()
                .map(e -> new Answer.Suggestion(e.id(), typeset(e.title().in(lang), lang), typeset(e.answer().in(lang), lang)))
                .toList();
        if (suggestions.isEmpty()) {
            return new Answer(messages.get(lang, "qa.notSure"), false, Answer.NO_TOPIC, score, lang, List.of());
        }
        String text = informal.get(lang, "didYouMean") + suggestions.stream()
                .map(s -> "\n• " + s.title()).collect(java.util.stream.Collectors.joining())
                + "\n\n" + informal.get(lang, "didYouMean.otherwise");
        return new Answer(text, false, Answer.NO_TOPIC, score, lang, List.of(), suggestions, Map.of());
    }

    /** Knowledge text as a Chinese reader expects it (full-width punctuation); English as is. */
    private static String typeset(String text, Lang lang) {
        return lang == Lang.ZH ? ChineseTypography.fix(text) : text;
    }

    /** Words that ask about time: how long, months, a timeline, 多久. */
    private static final GuardedPattern TIME_CUE = GuardedPattern.compile(
            "\\b(?:how long|how (?:many|much) (?:months|years|weeks|time|hours)|months?|years?|weeks?|(?<!full[- ]|part[- ])time|timeline|duration"
                    + "|fast|quick(?:ly)?|realistic|feasible|doable|too (?:old|late)|(?:by )?when (?:can|could|will|would|do|should|am) (?:i|u|you|one))\\b"
                    + "|多久|多长|时间|几个月|个月|(?<![当做干了])几年|周期|多快|快|现实|可行|来得及|太晚|晚不晚|什么时候",
            Pattern.CASE_INSENSITIVE);

    /** Words that ask where to begin: "where do I start", "从哪开始". */
    private static final GuardedPattern START_CUE = GuardedPattern.compile(
            "\\b(?:where|how) (?:do|should|can|to|would) (?:i |u |you |one )?(?:even )?(?:start|begin)\\b|\\bwhere to (?:start|begin)\\b"
                    + "|\\bfirst steps?\\b|\\bwhere\\b[^?.!]{0,40}\\b(?:start|begin)\\b"
                    + "|\\bwhat (?:do|should|would) i (?:\\w+ )?(?:open|do|start with|learn|study|read|watch|pick up) first\\b|从哪|怎么开始|如何开始|怎么入门|如何入门|怎么起步|第一步",
            Pattern.CASE_INSENSITIVE);

    /**
     * The overall and the from-scratch time estimates answer how long it takes: a question that shares their other
     * words ("the whole roadmap in 5 points", "零经验，工作怎么找") but does not ask about time is not theirs.
     * The developer's and the data scientist's entries also say how to switch, so they keep their matches.
     */
    private static boolean timeUnasked(String q, KnowledgeBase.Entry e) {
        // (the asker's own hours, "4 hrs a week", are who asks, not a question about time)
        return e.hasIntent("time") && (e.background() == null || "scratch".equals(e.background()))
                && !TIME_CUE.find(Situation.withoutFigures(q)) && !Situation.read(q).asksTime();
    }

    /** Not sure, saying what kind of request is outside the roadmap, and no "did you mean": no topic holds it. */
    private Answer outOfScope(OutOfScope kind, Lang lang) {
        log.debug("out of scope: {}", kind);
        // to someone in despair, a list of roadmap topics would read as not listening
        if (kind == OutOfScope.CRISIS) {
            return new Answer(informal.get(lang, kind.messageKey()), false, CRISIS_TOPIC, 0, lang, List.of());
        }
        String text = informal.get(lang, kind.messageKey()) + "\n\n" + informal.get(lang, "outOfScope.instead");
        return new Answer(text, false, Answer.NO_TOPIC, 0, lang, List.of());
    }

    private Answer fromEntry(KnowledgeBase.Entry entry, double coverage, Lang lang, Optional<LearnerContext> context) {
        // the knowledge base is typed on a Western keyboard: Chinese answers get Chinese punctuation
        String body = entry.answer().in(lang);
        StringBuilder text = new StringBuilder(lang == Lang.ZH ? ChineseTypography.fix(body) : body);
        context.flatMap(c -> personal(entry, c, lang)).ifPresent(p -> text.append("\n\n").append(p));
        return new Answer(text.toString(), true, entry.id(), coverage, lang, entry.units());
    }

    private Answer fromPassage(KnowledgeBase.Entry passage, double coverage, Lang lang) {
        String where = passages.stage(passage.id()).flatMap(roadmap::stage).map(st -> st.title().in(lang))
                .orElse(informal.get(lang, "passage.wholeRoute"));
        String text = informal.get(lang, "passage.intro", where) + "\n" + passage.answer().in(lang);
        List<String> units = passages.stage(passage.id()).flatMap(roadmap::stage)
                .map(st -> st.units().stream().map(studybuddy.roadmap.Unit::id).toList()).orElse(List.of());
        return new Answer(text, true, passage.id(), coverage, lang, units);
    }

    /** The answers without one whose topics another answer's topics include. */
    private static List<Answer> withoutRepeats(List<Answer> answers) {
        List<java.util.Set<String>> topics = answers.stream()
                .map(a -> java.util.Set.of(a.topic().split("\\+"))).toList();
        List<Answer> kept = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            boolean heldElsewhere = false;
            for (int j = 0; j < answers.size() && !heldElsewhere; j++) {
                heldElsewhere = j != i && topics.get(j).size() > topics.get(i).size() && topics.get(j).containsAll(topics.get(i));
            }
            if (!heldElsewhere) {
                kept.add(answers.get(i));
            }
        }
        return kept;
    }

    private Answer combine(List<Answer> answers, Lang lang) {
        StringBuilder text = new StringBuilder();
        List<String> units = new ArrayList<>();
        Map<String, String> start = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            text.append(i == 0 ? "" : "\n\n").append(i + 1).append(lang == Lang.ZH ? "）" : ") ").append(a.text());
            units.addAll(a.relatedUnits());
            start.putAll(a.startOptions());
        }
        String topics = answers.stream().map(Answer::topic).collect(java.util.stream.Collectors.joining("+"));
        double score = answers.stream().mapToDouble(Answer::score).min().orElse(0);
        return new Answer(text.toString(), true, topics, score, lang, units.stream().distinct().toList(), List.of(), start);
    }

    /**
     * "Which books? And what salary can I expect?": the parts about the roadmap are answered, and the rest is said to be
     * outside it, with the reason of its kind, rather than refusing the whole message. Only when every unanswered part
     * asks for something the roadmap never covers: an unsure part keeps the whole message unsure.
     */
    private static final GuardedPattern REFERS_BACK = GuardedPattern.compile(
            "\\b(?:it|its|this|that|these|those|they|them|one)\\b|它|这个|那个|这门|那门|这些|那些|这种|此"
                    // "which is better value", "哪个更划算": a choice between what the other part names
                    + "|\\bwhich (?:is|'s|would be) (?:the )?(?:better|best|cheaper|faster|worth)\\b|哪个(?:更|比较)?(?:好|划算|值|强)",
            Pattern.CASE_INSENSITIVE);

    /** Where the asker heard a claim: "everyone on twitter says", "reddit keeps saying", "小红书上都说". */
    private static final GuardedPattern HEARD_ONLINE = GuardedPattern.compile(
            "\\b(?:everyone|everybody|people|ppl|folks|some(?:one| guy)|a guy|they|half of|the)?\\s*(?:on|in)\\s+(?:twitter|x|reddit|youtube|tiktok|linkedin|discord|the internet)"
                    + "(?:\\s+(?:keeps?|all|always))?\\s+(?:says?|said|saying|tells?|told|claims?|thinks?|swears?)\\b"
                    + "|\\b(?:twitter|reddit|youtube|tiktok|linkedin)\\s+(?:keeps?\\s+)?(?:says?|said|saying|tells?|told|claims?)\\b"
                    + "|(?:网上|小红书上?|知乎上?|B站上?|推特上?|抖音上?)(?:都|有人|很多人|大家)?(?:在)?(?:说|讲|传)",
            Pattern.CASE_INSENSITIVE);

    /** The asker's name, said in passing: "(我是小郑)", "我是阿杰,", "(im Zoe, first day here)", "I'm Zoe,". */
    private static final GuardedPattern INTRODUCTION = GuardedPattern.compile(
            "[(（]\\s*(?:我是|我叫|i'?m|i am|this is|it'?s)\\s*[^()（）]{1,24}[)）]"
                    + "|(?:我是|我叫)(?:小|阿|老)[\\p{IsHan}](?![\\p{IsHan}])"
                    + "|\\b(?:[Ii]'?m|I am|[Mm]y name is)\\s+[A-Z][a-z]{1,12}(?=\\s*[,.!]|\\s+(?:here|from)\\b)");

    /** Who wrote the roadmap, or who its author is: "who even wrote this", "is the author some big name", "作者是谁". */
    private static final GuardedPattern AUTHOR_ASKED = GuardedPattern.compile(
            "\\bwho (?:even |actually |really )?(?:wrote|writes|made|created|authored|is behind) (?:this|the (?:roadmap|article|guide|post|original))\\b"
                    + "|\\bwhy did (?:the |this )?(?:guy|author|writer|person|dude) (?:even )?(?:write|make|create)\\b|作者为(?:啥|什么|何)(?:要)?写"
                    + "|\\bwho(?: even| actually| really)?(?:'s| is| was)(?: even| actually| really)? (?:the |this )?(?:author|writer)\\b|\\b(?:is|was) (?:the|this) author (?:a|an|some|even|like|just|actually|really)\\b"
                    + "|\\b(?:original|english) (?:english )?version\\b|翻译的吗|谁翻(?:译)?的|哪个平台翻|原文(?:在哪|链接|地址)|英文原版"
                    + "|\\bthe author'?s (?:background|credentials|experience|level)\\b|\\b(?:does|did|would) (?:the author|he) (?:call|consider|see|think of) himself\\b"
                    + "|(?:这|这个|这篇|这份|路线图|文章|攻略|指南)(?:路线图|文章|攻略|指南)?(?:是|到底是|究竟是)?谁写的"
                    + "|作者(?:是|有)?(?:什么|啥)(?:背景|来头|人|经历)|作者(?:本人)?(?:是)?(?:什么|啥)(?:水平|级别)|作者(?:是不是|是)(?:大佬|大牛|名人|大神)|作者.{0,4}靠谱吗",
            Pattern.CASE_INSENSITIVE);
    /** A book named: who wrote it is the book's author, not the roadmap's. */
    private static final GuardedPattern BOOK = GuardedPattern.compile("\\bbooks?\\b|书", Pattern.CASE_INSENSITIVE);

    /** Who wrote the roadmap is the topic about its source, whoever else the message names; unless a book's author is asked. */
    private Optional<Answer> authorAsked(String q, Lang lang, Optional<LearnerContext> context) {
        if (!AUTHOR_ASKED.find(q) || BOOK.find(q)) {
            return Optional.empty();
        }
        return knowledge.entry(SOURCE_TOPIC).map(e -> fromEntry(e, 1.0, lang, context));
    }

    /** The two people the roadmap quotes, and the topic that holds each one's words. */
    private static final List<Map.Entry<GuardedPattern, String>> QUOTED_PEOPLE = List.of(
            Map.entry(GuardedPattern.compile("karpathy|卡帕西|\\bandrej\\b", Pattern.CASE_INSENSITIVE), "karpathy"),
            Map.entry(GuardedPattern.compile("brockman|布罗克曼|openai(?:'s)? (?:cto|president|co-?founder)|openai的?(?:cto|总裁|联合创始人)",
                    Pattern.CASE_INSENSITIVE), "brockman"),
            Map.entry(GuardedPattern.compile("quincy|larson|freecodecamp", Pattern.CASE_INSENSITIVE), "job-search"));
    /** Their words, or when they said them: "that tweet", "which year", "原话", "哪年发的". */
    private static final GuardedPattern QUOTE_ASKED = GuardedPattern.compile(
            "\\b(?:tweets?|tweeted|posts?|posted|quotes?|quoted|said|say|says|wrote|words|when|which year|what year|date)\\b"
                    + "|\\b(?:three|3) (?:points|rules|tips|things|steps)\\b|\\b(?:rules|tips|recipe)\\b"
                    + "|\\bbooks?\\b|推|说|讲|原话|那句|哪年|哪一年|什么时候|几年|日期|书|三条|几条|那几条", Pattern.CASE_INSENSITIVE);

    /**
     * "Karpathy那条推特是哪一年的", "what did brockman tweet": one quoted person and their words asked about is that
     * person's topic, whatever the word for a tweet shares with the topic about sharing one's learning.
     */
    private Optional<Answer> quoteAsked(String q, Lang lang, Optional<LearnerContext> context) {
        if (!QUOTE_ASKED.find(q)) {
            return Optional.empty();
        }
        // "was it karpathy who said learning ML is way faster than SWE?": the words quoted say whose they are, whoever the
        // asker names
        Optional<String> byWords = StatedNeed.quoteOf(q);
        if (byWords.isPresent()) {
            return knowledge.entry(byWords.get()).map(e -> fromEntry(e, 1.0, lang, context));
        }
        // "can u compare the brockman quote and the karpathy quote": both people's words, told apart
        if (TELL_APART.find(q) || COMPARE_ASKED.find(q)) {
            Optional<Answer> both = bothAnswered(named(QUOTED_PEOPLE, q), lang, context);
            if (both.isPresent()) {
                return both;
            }
        }
        return oneNamed(QUOTED_PEOPLE, q).flatMap(knowledge::entry).map(e -> fromEntry(e, 1.0, lang, context));
    }

    /** Asking to compare: "compare", "对比", "比较一下". */
    private static final GuardedPattern COMPARE_ASKED = GuardedPattern.compile("\\bcompar\\w*|对比|比较", Pattern.CASE_INSENSITIVE);

    /** The topics of the names (of a list of names and their topics) the text names, in the list's order, each once. */
    private static List<String> named(List<Map.Entry<GuardedPattern, String>> names, String q) {
        return names.stream().filter(n -> n.getKey().find(q)).map(Map.Entry::getValue).distinct().toList();
    }

    /** The topic of the one name (of a list of names and their topics) the text names; empty for none or several. */
    private static Optional<String> oneNamed(List<Map.Entry<GuardedPattern, String>> names, String q) {
        List<String> topics = named(names, q);
        return topics.size() == 1 ? Optional.of(topics.get(0)) : Optional.empty();
    }

    /** A part that asks something: a question mark, a question word, or a sentence opened as a question. */
    private static final GuardedPattern ASKS = GuardedPattern.compile(
            "[?？]|\\b(?:how|what|which|where|when|why|who|whom|whose|any|recommend\\w*|suggest\\w*)\\b"
                    + "|^\\W*(?:do|does|did|is|are|was|were|can|could|should|shall|will|would|must|may|might|have|has)\\b"
                    + "|吗|呢|么|怎|什么|啥|哪|几|多少|多久|要不要|是不是|能不能|可不可以|有没有|行不行|推荐|求",
            Pattern.CASE_INSENSITIVE);

    private Optional<Answer> answeredWithRestOutside(List<Answer> answers, List<String> parts,
                                                     List<Optional<OutOfScope>> partsOutside, Lang lang) {
        List<Answer> answered = new ArrayList<>();
        java.util.Set<OutOfScope> rest = new java.util.LinkedHashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            Optional<OutOfScope> outside = a.confident() ? Optional.empty() : partsOutside.get(i);
            if (a.confident() && REFERS_BACK.find(parts.get(i))) {
                return Optional.empty(); // "is it a good start?" is about the other part's subject, which is not answered
            } else if (a.confident() && (!ASKS.find(parts.get(i)) || a.topic().equals(BOT_HELP_TOPIC)
                    || index.search(parts.get(i)).filter(m -> m.matchedTerms() >= 2 || m.matchedTerms() == m.questionTerms())
                            .isEmpty())) {
                // beside an out-of-scope part, a part that asks nothing ("我是MLE想去东京工作", "be honest", "asking for
                // a friend") or shares one word among others with a topic ("…? anything new for devs") is that part's
                // context or follow-on, not a roadmap question of its own ("which books?" is one)
                return Optional.empty();
            } else if (a.confident()) {
                answered.add(a);
            } else if (outside.isPresent()) {
                rest.add(outside.get());
            } else {
                return Optional.empty();
            }
        }
        if (answered.isEmpty() || rest.isEmpty()
                || answered.stream().map(Answer::topic).distinct().count() != answered.size()) {
            return Optional.empty();
        }
        Answer inScope = answered.size() == 1 ? answered.get(0) : combine(answered, lang);
        StringBuilder text = new StringBuilder(inScope.text()).append("\n\n").append(informal.get(lang, "outOfScope.rest"));
        rest.forEach(kind -> text.append(lang == Lang.ZH ? "" : " ").append(informal.get(lang, kind.messageKey())));
        log.debug("answered {} part(s), the rest out of scope: {}", answered.size(), rest);
        return Optional.of(new Answer(text.toString(), true, inScope.topic(), inScope.score(), lang, inScope.relatedUnits(),
                List.of(), inScope.startOptions()));
    }

    /**
     * "I'm 35, a Java dev, 2 hours a day, realistic?": the roadmap's estimate for the stated starting point, scaled to
     * the stated weekly hours, where the route would start, and /start options with those values.
     */
    private Answer situationAnswer(Situation s, Lang lang, Optional<LearnerContext> context) {
        // What the message does not say comes from the asker's own plan, when they have one.
        Background background = s.background().or(() -> context.map(LearnerContext::background))
                .orElse(Background.SCRATCH);
        String who = informal.get(lang, "who." + background.id());
        StringBuilder text = new StringBuilder();
        Optional<TimeEstimate> estimate = roadmap.estimate(background);
        int hours = s.weeklyHours() > 0 ? s.weeklyHours()
                : context.map(LearnerContext::weeklyHours).filter(h -> h > 0)
                        .orElseGet(() -> estimate.map(TimeEstimate::hoursPerWeek).orElse(0));
        if (hours > 0) {
            // the one estimate model that /progress and onboarding show, for the stated starting point and hours
            StudyEstimator.Estimate whole = context.filter(c -> c.background() == background && c.weeklyHours() == hours)
                    .map(LearnerContext::ahead)
                    .orElseGet(() -> estimator.wholeRoute(background, s.path(), hours));
            text.append(informal.get(lang, "situation.estimate", who, hours)).append('\n')
                    .append(StudyEstimator.describe(lang, whole, today(context)));
        } else {
            text.append(informal.get(lang, "situation.noFigure", who));
        }
        // the article's own word for this starting point (its figure, and its advice: a developer's experience counts,
        // a career changer's domain knowledge is an advantage)
        knowledge.entry("time-" + background.id()).ifPresent(e -> text.append('\n')
                .append(informal.get(lang, "situation.article",
                        typeset(e.answer().in(lang), lang))));
        Route route = roadmap.routeFor(background, s.path());
        route.steps().stream().filter(step -> !step.known()).findFirst().ifPresent(step -> text.append("\n")
                .append(informal.get(lang, "situation.route", step.unit().title().in(lang),
                        roadmap.stage(step.unit().stageId()).map(st -> st.title().in(lang)).orElse(""))));
        if (s.weakMaths()) {
            text.append(' ').append(informal.get(lang, "situation.maths"));
        }
        if (s.age() >= 30) {
            text.append(' ').append(informal.get(lang, "situation.age"));
        }
        text.append("\n\n").append(informal.get(lang, "situation.start"));
        Map<String, String> start = new LinkedHashMap<>();
        start.put("background", background.id());
        start.put("path", s.path().id());
        if (s.weeklyHours() > 0) {
            start.put("hours", Integer.toString(s.weeklyHours()));
        }
        start.put("lang", lang.code());
        return new Answer(text.toString(), true, "situation", 1.0, lang, List.of(), List.of(), start);
    }

    /**
     * Whether knowing a language or coding is enough to be an MLE ("not just 'know python'", "is 'can code in python'
     * enough", "光会写代码够不够"): why an MLE must be a good software engineer, however well "python" names the
     * programming topic.
     */
    private static final GuardedPattern JUST_CODING = GuardedPattern.compile(
            "\\bnot just (?:['\"‘“]?\\s*)?(?:know(?:ing)?|cod(?:e|ing)|writ(?:e|ing)|script\\w*)"
                    + "|\\b(?:know(?:ing)?|knows) (?:some |a bit of |basic )?python['\"’”]?,? (?:is |was )?enough\\b"
                    + "|\\bcan code(?: in python)?['\"’”]? (?:is |be )?enough\\b|\\bjust ['\"‘“]?know (?:some )?python"
                    + "|光会(?:写)?(?:python|代码|编程)|只会(?:写)?(?:python|代码)|会(?:写)?python就(?:够|行)"
                    + "|\\b(?:is|isn'?t|isnt) (?:just )?(?:coding|programming|writing code) enough\\b", Pattern.CASE_INSENSITIVE);

    /** The programming topic, when the words pick it for whether knowing Python is enough, is that question's topic. */
    private Optional<QaIndex.Match> codingEnough(String question, QaIndex.Match m) {
        if (!m.entry().id().equals("programming-basics") || !JUST_CODING.find(question)) {
            return Optional.empty();
        }
        return knowledge.entry("why-software").map(m::withEntry);
    }

    /** What to add or focus on: "要补啥", "重点补什么", "what should I focus on", "what am I missing". */
    private static final GuardedPattern WHAT_TO_ADD = GuardedPattern.compile(
            "补(?:啥|什么|哪些|点啥|点什么)|(?:最)?(?:该|要|得)(?:怎么)?补(?:的)?(?:是)?(?:啥|什么|哪些)?(?=[?？，。!！]|$)|怎么补|\\bwhat should i (?:be )?(?:doing|learning|studying) on the side\\b|重点(?:学|补|放)|侧重|\\bwhat (?:should|do|must) i (?:be )?(?:add|focus on|prioriti[sz]e|prioriti[sz]ing|work on|working on|be adding)\\b|\\bhow (?:should|do|can) i (?:prep|prepare|get ready) for\\b"
                    + "|\\bwhat am i missing\\b|\\bwhat(?:'s| is) missing\\b", Pattern.CASE_INSENSITIVE);

    /** A course or resource asked for: "用哪个课", "有啥好的资源", "any good resources for", "which course". */
    private static final GuardedPattern RESOURCE_ASKED = GuardedPattern.compile(
            "(?:去|在)哪(?:儿|里)?学|推荐(?:学)?(?:啥|什么)|\\bwhere (?:do|should|can|would) (?:i|you|one) (?:go to )?learn\\b|(?:哪个|哪门|哪本|什么|啥|哪些)(?:好的|好)?(?:课|资源|教程|书|材料)|(?:有|推荐)(?:啥|什么|没有)?(?:好的?)?(?:资源|教程|课程|课)"
                    + "|\\b(?:which|what|any|good|best|recommended) (?:good )?(?:courses?|resources?|books?|materials?|tutorials?)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A guess tacked on after the question ("MLOps文章推荐的是哪个资源?是fullstackopen吗", "huggingface课程是干嘛用的 是教mlops的
     *吗"): what the asker half-remembers names another topic than the one asked about, and the answer corrects it.
     */
    private static final GuardedPattern TRAILING_GUESS = GuardedPattern.compile(
            "(?<=[?？,，\\s])(?:是|是不是)(?!真的|这样|对的|不是真的|吧)[^，。？?！!\\s]{1,30}(?:吗|嘛|么)[?？]?\\s*$");
    /** A question of its own before the guess. */
    private static final GuardedPattern ASKS_BEFORE_GUESS = GuardedPattern.compile("[?？]|哪|什么|啥|干嘛|怎么|谁");

    private static String withoutTrailingGuess(String q) {
        java.util.regex.Matcher guess = TRAILING_GUESS.matcher(q);
        if (!guess.find()) {
            return q;
        }
        String before = q.substring(0, guess.start()).strip();
        return before.codePointCount(0, before.length()) >= 6 && ASKS_BEFORE_GUESS.find(before) ? before : q;
    }

    /** Starting points the article gives an estimate for, as a message names them. */
    private static final List<GuardedPattern> STARTS = List.of(
            GuardedPattern.compile("\\b(?:total |complete |absolute )?(?:beginners?|noobs?|newbies?)\\b|\\bfrom (?:scratch|zero)\\b|零基础|从零|小白|新手",
                    Pattern.CASE_INSENSITIVE),
            GuardedPattern.compile("\\b(?:devs?|developers?|programmers?|software engineers?|swes?)\\b|程序员|开发人员|开发者|码农",
                    Pattern.CASE_INSENSITIVE),
            GuardedPattern.compile("\\bdata scientists?\\b|\\bds\\b|数据科学家|数据分析师", Pattern.CASE_INSENSITIVE));
    /** Two or more things set side by side: "vs", "compare", "对比", "各要多久". */
    private static final GuardedPattern SIDE_BY_SIDE = GuardedPattern.compile(
            "\\bvs\\.?(?!\\w)|\\bversus\\b|" + COMPARE_ASKED.pattern() + "|各(?:自)?(?:要|需要)?(?:多久|多长|几个月)|分别(?:要|需要)?多久|这两种人",
            Pattern.CASE_INSENSITIVE);
    /** Time asked about: "how long", "estimate", "多久". */
    private static final GuardedPattern TIME_WORDS = GuardedPattern.compile(
            "\\bhow long\\b|\\bestimates?\\b|\\btimelines?\\b|\\bmonths?\\b|多久|多长时间|几个月|时间", Pattern.CASE_INSENSITIVE);

    /** Two starting points compared on time. */
    private static boolean startsCompared(String q) {
        return SIDE_BY_SIDE.find(q) && TIME_WORDS.find(q)
                && STARTS.stream().filter(p -> p.find(q)).count() >= 2;
    }

    /** Asking what the article says for someone like the asker: "for ppl like me", "对我们这种有啥建议", "in my situation". */
    private static final GuardedPattern ADVICE_FOR_ME = GuardedPattern.compile(
            "\\b(?:for|to) (?:ppl|people|folks|someone|somebody|those|ones|guys|ppl) (?:like (?:me|us)|in my (?:exact |current )?(?:spot|situation|position|shoes|boat))\\b"
                    + "|\\bin my (?:exact |current )?(?:situation|position|shoes|case|spot|boat)\\b"
                    + "|\\b(?:say|suggest|recommend|advise)s? (?:for|to) (?:me|us|my case)\\b|\\badvice for (?:me|us|someone like)\\b"
                    + "|(?:像)?我们这(?:种|样|类)|像我这(?:样|种)|我这(?:种|样)(?:的)?(?:情况|人|背景)|对我(?:们)?(?:这种|这样|这类)",
            Pattern.CASE_INSENSITIVE);
    /** The topic that holds the article's advice for each background. */
    private static final Map<Background, String> BACKGROUND_TOPIC = Map.of(
            Background.QUANT_STUDENT, "students", Background.DATA_SCIENTIST, "time-data-scientist",
            Background.DEVELOPER, "time-developer");

    /** Saying one cannot program yet: "完全不会编程", "never written a line of code", "can't code at all". */
    private static final GuardedPattern CANNOT_CODE = GuardedPattern.compile(
            "\\b(?:can'?t|cannot|don'?t know how to|never (?:learned to|learnt to)?) ?(?:code|program)\\b|\\bnever (?:written|wrote|coded)\\b"
                    + "|\\bno (?:coding|programming) (?:background|experience|skills?)\\b|\\bzero (?:coding|programming)\\b"
                    + "|(?:不会|没学过|没接触过|零基础的?|没有)(?:任何)?(?:编程|写代码|代码|python)"
                    // no background at all includes no programming
                    + "|\\b(?:total|complete|absolute) (?:beginner|noob|newbie)\\b|\\bzero experience\\b|纯小白|完全零基础|零基础",
            Pattern.CASE_INSENSITIVE);

    /** Why a stage is on the route: "为什么一定要学深度学习", "why even learn classic ML before neural nets". */
    private static final GuardedPattern WHY_LEARN = GuardedPattern.compile(
            "\\bwhy (?:even |should i |do i (?:even |really )?(?:need to |have to )|do we (?:need to |have to )|bother (?:with |learning )"
                    + "|(?=learn|study|take|do ))(?:learn(?:ing)? |study(?:ing)? |do(?:ing)? |take |taking )?([^?？.!。！]{1,40})"
                    + "|(?:为什么|为啥|为何|凭什么)(?:大家)?(?:都)?(?:一定|非得|非要|还|偏偏)?(?:要|得)?(?:先)?(?:学|上|看|用|选)([^?？。！!，,\\s吗啊呢吧]{1,15})"
                    + "|\\bwhy (?:does everyone|do (?:people|we|they|ml (?:people|folks)|mles)(?: all)?) (?:use|pick|choose|learn) ([^?.!]{1,20})",
            Pattern.CASE_INSENSITIVE);
    /** Whether a stage is needed at all: "深度学习还有必要学吗", "is deep learning even worth learning". */
    private static final GuardedPattern STAGE_NEEDED = GuardedPattern.compile(
            "(?:还有必要|有没有必要|有必要|还用|还需要|还要)(?:再|去)?学([^?？。！!，,\\s吗啊呢吧]{1,15})"
                    + "|([^?？。！!，,\\s]{1,15}?)(?:还有必要|有没有必要|有必要|还用|还需要|还要)(?:再|去)?学(?:吗|么|不|嘛)"
                    + "|一定(?:得|要)是([^?？。！!，,\\s吗啊呢吧]{1,15})"
                    + "|\\bis ([^?.!]{1,30}?) (?:even |still )?(?:worth learning|necessary|needed)\\b", Pattern.CASE_INSENSITIVE);
    /** Where the first thing named ends: "classic ML | before neural nets", "传统机器学习 | 再学深度学习". */
    private static final GuardedPattern ANOTHER_NAMED = GuardedPattern.compile(
            "\\b(?:before|or|vs\\.?|versus|instead of|rather than|over|and then|then|after|first|not|if|when|since|because|given)\\b|再|还是|而不是|而非|不用|不学|不选|然后|之前|之后|如果|既然|要是",
            Pattern.CASE_INSENSITIVE);

    /**
     * "为什么一定要学深度学习？传统ML不够用吗", "ML学会了,深度学习还有必要学吗": why one stage is on the route, or whether
     * it is needed, is that stage's question, whatever the message says about the stage it is weighed against (the words
     * shared with that one often win).
     */
    private Optional<Answer> whyThisStage(String question, Lang lang, Optional<LearnerContext> context) {
        java.util.regex.Matcher why = WHY_LEARN.matcher(question);
        String object;
        if (why.find()) {
            object = RegexGroups.first(why);
        } else {
            java.util.regex.Matcher needed = STAGE_NEEDED.matcher(question);
            if (!needed.find()) {
                return Optional.empty();
            }
            object = RegexGroups.first(needed);
        }
        java.util.regex.Matcher cut = ANOTHER_NAMED.matcher(object);
        String first = cut.find() ? object.substring(0, cut.start()) : object;
        List<KnowledgeBase.Entry> named = stageNames.keySet().stream().filter(st -> !namesIn(st, first).isEmpty()).toList();
        return named.size() == 1 ? Optional.of(fromEntry(named.get(0), 1.0, lang, context)) : Optional.empty();
    }

    /** The topic a stated need points to ({@link StatedNeed}), answered before the words are matched. */
    private Optional<Answer> statedIntent(String q, Situation situation, Lang lang, Optional<LearnerContext> context) {
        return StatedNeed.topicOf(q, situation).flatMap(knowledge::entry).map(e -> fromEntry(e, 1.0, lang, context));
    }

    /**
     * The route's steps by number, in the article's own five-step summary: "whats step 1 of the route", "第二步是啥",
     * "整个路线最后一步是干嘛的", "what comes right before MLOps".
     */
    private static final List<String> NUMBERED_STEPS = List.of("programming-basics", "classic-ml", "deep-learning", "mlops",
            "choose-domain");
    private static final GuardedPattern STEP_NUMBER = GuardedPattern.compile(
            "\\b(?:step|stage) ?#?([1-5])\\b|\\b(?:step|stage) (one|two|three|four|five)\\b|\\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final) (?:step|stage)\\b"
                    + "|第\\s*([一二三四五1-5])\\s*(?:步|阶段|个阶段)|(最后|最终)(?:的)?(?:一)?(?:步|个阶段|阶段)",
            Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern HOW_MANY_STEPS = GuardedPattern.compile(
            "\\bhow many (?:steps|stages)\\b|\\ball (?:the )?(?:5 |five )?steps\\b|\\bin order\\b|几步|多少步|几个阶段|按顺序|捋一遍|过一遍",
            Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern RIGHT_BEFORE = GuardedPattern.compile(
            "\\b(?:right |just |directly )?before (mlops|full stack deep learning|fsdl)\\b|(mlops|fsdl)\\s*(?:之前|前面)(?:是|学)",
            Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern OF_THE_ROUTE_ASKED = GuardedPattern.compile(
            "[?？]|\\b(?:what|which|whats)\\b|啥|什么|哪|干嘛", Pattern.CASE_INSENSITIVE);

    private Optional<Answer> stepByNumber(String q, Situation situation, Lang lang, Optional<LearnerContext> context) {
        if (!OF_THE_ROUTE_ASKED.find(q) || situation.background().isPresent()) {
            return Optional.empty(); // a stated background starts the route elsewhere: the situation answers
        }
        if (RIGHT_BEFORE.find(q)) {
            return knowledge.entry(NUMBERED_STEPS.get(NUMBERED_STEPS.indexOf("mlops") - 1)).map(e -> fromEntry(e, 1.0, lang, context));
        }
        java.util.regex.Matcher m = STEP_NUMBER.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        String word = RegexGroups.first(m).toLowerCase(Locale.ROOT);
        // "第一步和最后一步是啥", "总结里一共几步 最后一步是啥": more than one step asked is the whole summary
        if (m.find() || HOW_MANY_STEPS.find(q)) {
            return knowledge.entry(SUMMARY_TOPIC).map(e -> fromEntry(e, 1.0, lang, context));
        }
        int step = switch (word) {
            case "1", "one", "first", "1st", "一" -> 1;
            case "2", "two", "second", "2nd", "二" -> 2;
            case "3", "three", "third", "3rd", "三" -> 3;
            case "4", "four", "fourth", "4th", "四" -> 4;
            default -> 5; // fifth, last, final, 最后
        };
        return knowledge.entry(NUMBERED_STEPS.get(step - 1)).map(e -> fromEntry(e, 1.0, lang, context));
    }

    /**
     * "Done with CS50, what next?", "经典机器学习学完之后呢": when a confident answer is about the named stage itself,
     * or about next steps in general, and the question says the learner is past exactly one stage, the answer is the
     * stage that follows it. Questions naming two stages ("deep learning after classic ML?") or asking about something
     * else after a stage ("a job after CS50?") keep their match.
     */
    private QaIndex.Match afterStage(String question, QaIndex.Match m) {
        if (!confident(m)) {
            return m;
        }
        KnowledgeBase.Entry past = pastStage(question, m.entry());
        return past == m.entry() ? m : m.withEntry(past);
    }

    /**
     * Two or more application areas named: "NLP? vision?", "NLP CV 语音". Latin-letter edges, not {@code \\b}: Java's
     * {@code \\b} counts Chinese characters as letters, so it finds none in "选cv还是nlp".
     */
    private static final GuardedPattern AREAS = GuardedPattern.compile(
            "(?<![A-Za-z0-9_])(?:nlp|cv|vision|computer vision|audio|speech|llms?|robotics|recommend(?:er|ation)s?|time series"
                    + "|images?|imagery|photos?|videos?|text|sensors?|sensor (?:data|readings)|stock prices?)(?![A-Za-z0-9_])"
                    + "|语音|图像|图片|视觉|文本|推荐系统|自然语言|大模型|机器人|时间序列|时序|传感器|股价", Pattern.CASE_INSENSITIVE);
    /** Names of one application area, by the area they name. */
    private static final Map<String, String> AREA_OF_NAME = Map.ofEntries(
            Map.entry("nlp", "language"), Map.entry("text", "language"), Map.entry("llm", "language"),
            Map.entry("llms", "language"), Map.entry("文本", "language"), Map.entry("自然语言", "language"),
            Map.entry("大模型", "language"), Map.entry("cv", "vision"), Map.entry("vision", "vision"),
            Map.entry("computer vision", "vision"), Map.entry("image", "vision"), Map.entry("images", "vision"),
            Map.entry("图像", "vision"), Map.entry("视觉", "vision"), Map.entry("audio", "audio"),
            Map.entry("speech", "audio"), Map.entry("语音", "audio"));

    /** Asking which to pick: "how do I pick a niche", "不知道选啥", "纠结". */
    private static final GuardedPattern PICKING = GuardedPattern.compile(
            "\\b(?:pick|choose|choosing|decide|deciding|niche|speciali[sz]\\w*|which (?:one|area|field|direction))\\b"
                    + "|选(?:哪|啥|什么)|怎么选|不知道选|还是|方向|纠结|迷茫|定不下|拿不定", Pattern.CASE_INSENSITIVE);

    /**
     * "how do I pick a niche, NLP? vision?": several application areas named to choose among is choosing a domain (the
     * Hugging Face courses), not which models one area uses, however well the areas' names match the domain topic.
     */
    private QaIndex.Match choosingAmongDomains(String question, QaIndex.Match m) {
        boolean domain = m.entry().id().equals(DOMAIN_TOPIC);
        if (!domain && !m.entry().id().equals(CHOOSE_DOMAIN_TOPIC)) {
            return m;
        }
        java.util.regex.Matcher areas = AREAS.matcher(question);
        java.util.Set<String> named = new java.util.HashSet<>();
        while (areas.find()) {
            // "NLP方向…文本" names one area twice: count areas, not their names
            String name = areas.group().toLowerCase(java.util.Locale.ROOT);
            named.add(AREA_OF_NAME.getOrDefault(name, name));
        }
        // "做图像方向用啥模型 时间序列呢", "going into nlp, what kind of models": the models an area uses, however many
        // areas are named and whatever words of choosing come along
        if (!named.isEmpty() && MODELS_ASKED.find(question)) {
            return domain ? m : knowledge.entry(DOMAIN_TOPIC).map(m::withEntry).orElse(m);
        }
        return domain && named.size() >= 2 && PICKING.find(question)
                ? knowledge.entry(CHOOSE_DOMAIN_TOPIC).map(m::withEntry).orElse(m) : m;
    }

    /** Asking which models or networks to use: "what kind of models", "用啥模型", "哪种网络". */
    private static final GuardedPattern MODELS_ASKED = GuardedPattern.compile(
            "\\b(?:what|which)\\s+(?:(?:kinds?|types?|sorts?)\\s+of\\s+)?(?:models?|architectures?|networks?)(?: famil(?:y|ies))?\\b"
                    + "|\\bmodels?\\s+(?:for|to use|should|do (?:people|you|they) use)\\b|\\b(?:what|which)\\b[^.?!]{0,40}\\bto use (?:for|on|with)\\b"
                    + "|(?:啥|什么|哪些|哪种|哪类|哪个)(?:样的)?(?:模型|网络|架构)", Pattern.CASE_INSENSITIVE);

    /** "next for <its name>" / "next <its name> thing" about a stage: the next step inside that stage. */
    private boolean nextWithin(KnowledgeBase.Entry stage, String question) {
        return nextWithinStage.get(stage).matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    /** The entry a question about {@code e} is really about, once the "after a stage" rule above is applied. */
    private KnowledgeBase.Entry pastStage(String question, KnowledgeBase.Entry e) {
        return stageAfter(question, e).orElse(e);
    }

    /** The stage after a finished one when the "after a stage" rule applies to a question about {@code e}. */
    private Optional<KnowledgeBase.Entry> stageAfter(String question, KnowledgeBase.Entry e) {
        boolean chain = ARROWS.find(question);
        if (!chain && !AFTER.find(question)) {
            return Optional.empty();
        }
        Map<Lang, java.util.Set<String>> asked = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            asked.put(lang, new java.util.HashSet<>(index.terms(lang, question)));
        }
        List<KnowledgeBase.Entry> named = stageNames.entrySet().stream()
                .filter(s -> s.getValue().entrySet().stream().anyMatch(byLang -> byLang.getValue().stream()
                        .anyMatch(name -> asked.get(byLang.getKey()).containsAll(name))))
                .map(Map.Entry::getKey).toList();
        if (chain && named.size() >= 2 && !named.contains(e)) {
            return Optional.empty(); // the words found another subject than the chain of stages
        }
        if (chain && named.size() >= 2) {
            // "CS50→吴恩达→然后呢", "cs50 -> ng -> fast.ai -> ...?": the stages in order so far, and the one after the last
            KnowledgeBase.Entry last = furthest(named);
            return knowledge.entry(last.stage().next());
        }
        if (chain && !AFTER.find(question)) {
            return Optional.empty();
        }
        // "学完吴恩达的课，深度学习还能跟他学吗": a stage said to be finished and the one after it both named: the later one
        // is asked about ("should I learn deep learning after classic ML" asks about the order, not past a finished stage)
        boolean nextNamed = false;
        if (named.size() == 2 && FINISHED.find(question)) {
            if (named.get(0).stage().next().equals(named.get(1).id())) {
                named = List.of(named.get(0));
                nextNamed = true;
            } else if (named.get(1).stage().next().equals(named.get(0).id())) {
                named = List.of(named.get(1));
                nextNamed = true;
            }
        }
        if (named.size() != 1) {
            return Optional.empty();
        }
        KnowledgeBase.Entry done = named.get(0);
        // "cs50 done, what next for python?", "the next python thing after cs50": the next step within the finished
        // stage's own subject, not the stage after it
        if (nextWithin(done, question)) {
            // (and when those words drew the match to the next stage, "finished cs50, now what for python?", back to it)
            return e.id().equals(done.stage().next()) || e.hasIntent("next") ? Optional.of(done) : Optional.empty();
        }
        // "is the Helsinki MOOC worth it after CS50", "which Python resource after CS50": whether more of the finished
        // stage is worth doing, or another of its resources named on the other side of "after", asks about that stage,
        // unless the message asks for the next step in so many words, or names the next stage ("刚学完吴恩达的机器学习，
        // 学完经典ML之后推荐哪个深度学习的课").
        boolean askedNext = nextNamed || NEXT_CUE.find(question);
        if (!askedNext && (STILL_WORTH.find(question) || namedAroundAfter(done, question)
                || twoNamesOf(done, question))) {
            return Optional.empty();
        }
        KnowledgeBase.Entry next = knowledge.entry(done.stage().next()).orElseThrow();
        // (the route's overview, asked for the next step past a named stage, is asked for that one step)
        if (e == done || e == next || e.hasIntent("next") || (askedNext && e.id().equals(SUMMARY_TOPIC))) {
            return Optional.of(next);
        }
        return Optional.empty();
    }

    /** The route's resources by their names, and the topic that presents each. */
    private static final List<Map.Entry<GuardedPattern, String>> RESOURCE_NAMES = List.of(
            // (Latin-letter edges, not \\b: Java's \\b counts "是" in "CS50是啥" as a letter)
            Map.entry(GuardedPattern.compile("full ?stack ?open|(?<![a-z0-9])fso(?![a-z0-9])", Pattern.CASE_INSENSITIVE), "fullstackopen"),
            Map.entry(GuardedPattern.compile("full ?stack ?deep ?learning|(?<![a-z0-9])fsdl(?![a-z0-9])", Pattern.CASE_INSENSITIVE), "mlops"),
            Map.entry(GuardedPattern.compile("(?<![a-z0-9])cs ?50(?![0-9])|helsinki|赫尔辛基|dead simple py\\w*", Pattern.CASE_INSENSITIVE), "programming-basics"),
            Map.entry(GuardedPattern.compile("andrew ng|吴恩达|machine learning specialization", Pattern.CASE_INSENSITIVE), "classic-ml"),
            Map.entry(GuardedPattern.compile("fast\\.?ai|lecun", Pattern.CASE_INSENSITIVE), "deep-learning"),
            Map.entry(GuardedPattern.compile("hugging ?face|(?<![a-z])hf(?![a-z])", Pattern.CASE_INSENSITIVE), "choose-domain"));
    /** What a resource is, or who gives it: "CS50是哪个学校的课?主要讲啥", "what even is fast.ai". */
    private static final GuardedPattern WHAT_IS_IT = GuardedPattern.compile(
            "是啥|是什么|是哪(?:个|家|所)|讲啥|讲什么|讲的是|主要讲|干嘛的|是干什么的|\\bwhat(?:'s| is| even is) (?:it|that|this)\\b"
                    // how the article says to go through it: "Dead Simple Python这本书作者建议咋读"
                    + "|(?:建议|推荐)?(?:咋|怎么|如何)(?:读|看|啃)|\\bhow (?:should|do|does|to) (?:i |we |you |one )?(?:read|approach|go through|tackle) (?:it|that|this|the book)\\b"
                    + "|\\bwhich (?:school|uni|university)\\b|\\bwho (?:teaches|made|runs)\\b"
                    // what it is for on the route: "HF课程在这个路线里起什么作用", "what's the point of fast.ai"
                    + "|(?:起|有)(?:什么|啥)作用|学了有(?:啥|什么)用|(?:能)?收获(?:啥|什么|些什么)|学完能(?:学到|得到)(?:啥|什么)|\\bwhat(?:'s| is) (?:the )?(?:point|purpose|role) of\\b|\\bwhat (?:is|are) (?:it|they|those|these) (?:actually |even |really )?(?:good )?for\\b"
                    + "|\\bwhat (?:topics |stuff |things |parts )?(?:does|do) (?:it|that|this|\\S+) (?:actually |even |really )?(?:teach|cover)\\b|教(?:啥|什么)", Pattern.CASE_INSENSITIVE);

    /** One of the route's resources named and asked what it is: the topic that presents it. */
    private Optional<Answer> resourceAsked(String q, Lang lang, Optional<LearnerContext> context) {
        if (!WHAT_IS_IT.find(q)) {
            return Optional.empty();
        }
        return oneNamed(RESOURCE_NAMES, q).flatMap(knowledge::entry).map(e -> fromEntry(e, 1.0, lang, context));
    }

    /** "gonna work w/ satellite imagery, which model family": the models an area uses are the domain topic. */
    private Optional<Answer> modelsForArea(String q, Lang lang, Optional<LearnerContext> context) {
        return AREAS.find(q) && MODELS_ASKED.find(q)
                ? knowledge.entry(DOMAIN_TOPIC).map(e -> fromEntry(e, 1.0, lang, context)) : Optional.empty();
    }

    /** Telling things apart: "what's the difference", "aren't they the same", "which is which", "区别". */
    private static final GuardedPattern TELL_APART = GuardedPattern.compile(
            "\\b(?:difference|differ|different|same thing|the same|which is which|mix(?:ing)?(?: \\w+){0,2} up|confus\\w*|vs\\.?|versus)\\b"
                    + "|区别|不同|差别|差异|一样吗|一回事|是一个东西|搞混|分不清|弄混|搞乱|(?:有|没有)(?:什么|啥)?分别", Pattern.CASE_INSENSITIVE);
    /** The order of things asked: "which first", "先学哪个" (the route's order answers it, not the two resources). */
    private static final GuardedPattern ORDER_ASKED = GuardedPattern.compile(
            "\\b(?:first|before|after|order|then|next|start)\\b|先|顺序|之前|之后|再学|接着", Pattern.CASE_INSENSITIVE);

    /** Two of the route's resources named, and what sets them apart asked: both topics, each saying what it is. */
    private Optional<Answer> toldApart(String q, Lang lang, Optional<LearnerContext> context) {
        if (!TELL_APART.find(q) || ORDER_ASKED.find(q)) {
            return Optional.empty();
        }
        return bothAnswered(named(RESOURCE_NAMES, q), lang, context);
    }

    /** The two topics' answers in one reply, told apart; empty unless exactly two topics (that the knowledge base has). */
    private Optional<Answer> bothAnswered(List<String> ids, Lang lang, Optional<LearnerContext> context) {
        List<Answer> both = ids.size() != 2 ? List.of() : ids.stream().flatMap(id -> knowledge.entry(id).stream())
                .map(e -> fromEntry(e, 1.0, lang, context)).toList();
        return both.size() == 2 ? Optional.of(combine(both, lang)) : Optional.empty();
    }

    /** Where in the route something comes: "which ones and at which stage", "出现在哪几个阶段". */
    private static final GuardedPattern WHICH_STAGES = GuardedPattern.compile(
            "\\b(?:which|what) (?:stages?|steps?|parts?|phases?)\\b|\\bat which (?:stage|step|point)\\b|\\bwhich ones\\b"
                    + "|\\bwhich of (?:his|her|their) (?:courses|classes|lectures|books)\\b|\\bwhich (?:two|2|three|3) (?:courses|stages|ones|classes)\\b"
                    + "|\\b(?:shows? up|appears?|is (?:named|mentioned)) (?:twice|two times|more than once)\\b"
                    + "|哪几个阶段|哪些阶段|哪个阶段|哪几步|哪几门|出现在哪|出现(?:了)?几次|\\bhow many times\\b|在哪(?:几)?(?:个)?(?:阶段|部分|步)|(?:是)?哪一步|哪个步骤", Pattern.CASE_INSENSITIVE);
    /** People and resources the route names at more than one stage, by their spellings. */
    private static final List<List<String>> NAMED_ACROSS_STAGES = List.of(
            List.of("andrew ng", "吴恩达"), List.of("fast.ai"), List.of("hugging face"), List.of("karpathy", "卡帕西"));

    /** Every stage whose answer names the person or resource the question asks the stages of, in the route's order. */
    private Optional<Answer> stagesNaming(String q, Lang lang, Optional<LearnerContext> context) {
        if (!WHICH_STAGES.find(q)) {
            return Optional.empty();
        }
        String low = q.toLowerCase(Locale.ROOT);
        for (List<String> spellings : NAMED_ACROSS_STAGES) {
            if (spellings.stream().noneMatch(low::contains)) {
                continue;
            }
            List<Answer> stages = knowledge.entries().stream().filter(e -> e.stage() != null)
                    .filter(e -> spellings.stream().anyMatch(n -> e.answer().en().toLowerCase(Locale.ROOT).contains(n)
                            || e.answer().zh().toLowerCase(Locale.ROOT).contains(n)))
                    .map(e -> fromEntry(e, 1.0, lang, context)).toList();
            return stages.size() >= 2 ? Optional.of(combine(stages, lang)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A chain of steps: "a → b → ?". */
    private static final GuardedPattern ARROWS = GuardedPattern.compile("(?:->|→|=>|⇒|➡|⟶)");

    /** Of several stages, the one furthest along the route: no other of them comes after it. */
    private KnowledgeBase.Entry furthest(List<KnowledgeBase.Entry> stages) {
        for (KnowledgeBase.Entry s : stages) {
            boolean othersAhead = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Optional<KnowledgeBase.Entry> n = knowledge.entry(s.stage().next());
                 n.isPresent() && n.get().stage() != null && seen.add(n.get().id());
                 n = knowledge.entry(n.get().stage().next())) {
                othersAhead |= stages.contains(n.get());
            }
            if (!othersAhead) {
                return s;
            }
        }
        return stages.get(stages.size() - 1);
    }

    /**
     * "finished cs50, is the helsinki course a repeat?": the stage named twice in one language's reading, by names that
     * share no word (the same name read in both languages, "DL" and 深度学习, is one name).
     */
    private boolean twoNamesOf(KnowledgeBase.Entry stage, String question) {
        for (Map.Entry<Lang, List<List<String>>> byLang : stageNames.get(stage).entrySet()) {
            java.util.Set<String> terms = new java.util.HashSet<>(index.terms(byLang.getKey(), question));
            List<List<String>> names = byLang.getValue().stream().filter(terms::containsAll).distinct().toList();
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    if (java.util.Collections.disjoint(names.get(i), names.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Saying a stage is behind you: "学完", "finished", "done with". */
    private static final GuardedPattern FINISHED = GuardedPattern.compile(
            "(?<!一口气)(?:学完|看完|刷完|啃完|上完|过完)|过了一遍|学好了|快(?:要)?(?:学)?完了|差不多(?:学|看|刷)?完了|(?:学|看|刷)得差不多了|\\b(?:almost|nearly) (?:done|finished|through)\\b|(?<!没|没有)(?:学过|上过)|已经(?:会|掌握|懂|学会)"
                    + "|\\b(?:finished|completed|done with|done w/|through with|wrapped up|already (?:know|knew|did|learned|learnt|covered))(?!\\w)"
                    + "|\\b(?:liked|loved|enjoyed)(?!\\w)(?! (?:[\\w-]+ ){0,3}(?:style|format|kind|type|sort)\\b)"
                    // "halfway thru ng's ML course. after that — deep learning or projects?": the named stage is behind by then
                    + "|\\bafter (?:that|this|it)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The stage is named on both sides of the "after" words, by different names ("python … after cs50"). */
    private boolean namedAroundAfter(KnowledgeBase.Entry stage, String question) {
        java.util.regex.Matcher cue = AFTER.matcher(question);
        if (!cue.find()) {
            return false;
        }
        java.util.Set<List<String>> before = namesIn(stage, question.substring(0, cue.start()));
        java.util.Set<List<String>> after = namesIn(stage, question.substring(cue.end()));
        return !before.isEmpty() && !after.isEmpty() && !before.equals(after);
    }

    private java.util.Set<List<String>> namesIn(KnowledgeBase.Entry stage, String text) {
        java.util.Set<List<String>> found = new java.util.HashSet<>();
        for (Map.Entry<Lang, List<List<String>>> byLang : stageNames.get(stage).entrySet()) {
            java.util.Set<String> terms = new java.util.HashSet<>(index.terms(byLang.getKey(), text));
            byLang.getValue().stream().filter(terms::containsAll).forEach(found::add);
        }
        return found;
    }

    /**
     * A passage is long and says many things, so sharing a few words with it means little: it answers only when it
     * explains most of the question with several terms and no unknown subject.
     */
    static boolean confidentPassage(QaIndex.Match m) {
        return !m.offTopic() && m.matchedTerms() >= MIN_PASSAGE_TERMS && m.coverage() >= MIN_PASSAGE_COVERAGE;
    }

    static final int MIN_PASSAGE_TERMS = 3;
    static final double MIN_PASSAGE_COVERAGE = 0.5;

    /** How far ahead of the runner-up a topic must be to answer a message that names the article. */
    static final double ARTICLE_CLEAR_MARGIN = 3.0;
    /** The topic about where the roadmap comes from (its author, the original guide). */
    static final String SOURCE_TOPIC = "source";
    static final String FIRST_STAGE_TOPIC = "programming-basics";
    static final String SUMMARY_TOPIC = "summary";
    static final String TIME_OVERVIEW_TOPIC = "time-overview";
    static final String DOMAIN_TOPIC = "domain";
    static final String CHOOSE_DOMAIN_TOPIC = "choose-domain";
    static final String BOT_HELP_TOPIC = "bot-help";
    /** The reply to despair: no topic, and nothing offered beside it (see QaCommands). */
    static final String CRISIS_TOPIC = "crisis";
    /** How far ahead of the runner-up a topic must be for "did you mean" when its coverage is low. */
    static final double SUGGESTION_MARGIN = 1.3;
    /**
     * Below this lead over the runner-up, a confident lexical pick of two or more of the question's words is contested:
     * the question's meaning is asked whether it clearly points elsewhere (an embedding, ~4 ms). Measured on all informal
     * sets (1 810 questions): 14 % of confident answers are contested; overruling them as {@link SemanticRescue#overrule}
     * does turned 7 wrong answers right and no right one wrong (with every confident answer contested: 9 right, 1 wrong,
     * and an embedding for every question). A pick by one word ("which math do I need?") is never contested: none of
     * the answers it turned right was one, and short formal questions would pay the embedding for nothing.
     */
    static final double CONTESTED_MARGIN = 1.2;

    /** A message with at least this many meaningful terms is chatty enough for coverage to understate it. */
    static final int CHATTY_TERMS = 6;

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

    /** The asker's date for a finish date: the learner's own when known (virtual time in tests), else today in UTC. */
    private static java.time.LocalDate today(Optional<LearnerContext> context) {
        return context.map(LearnerContext::today).orElseGet(() -> java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Override
    public void close() throws IOException {
        index.close();
        passageIndex.close();
    }
}
