package studybuddy.qa;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.i18n.Lang;

/**
 * Semantics only where the lexical match is unsure: when a question got a "did you mean" offer, the sentence embedding
 * of the question picks the nearest topic of the whole knowledge base, and that topic is answered only if it is one of
 * the lexical top three, similar enough, clearly ahead of every other topic, and the question as a whole is about as
 * close to the roadmap as known roadmap questions are. Measured: alone, nearest-topic
 * matching was worse than the lexical index and its similarities for out-of-scope questions overlap in-scope ones;
 * as a tie-breaker among the lexical candidates it turned 7 refusals into right answers on the tuning and older
 * held-out sets without answering any more out-of-scope question. The off-topic and task guards run before it
 * (they leave no suggestions), so it never answers what they vetoed.
 * <p>
 * One model per language (bge-small v1.5, quantized ONNX, in process), each loaded on the first unsure question in
 * its language (about a second), so start-up and confident answers never pay for it. If a model cannot load (no
 * native runtime for the platform), the rescue is off and the bot answers lexically, as before.
 */
final class SemanticRescue {
    private static final Logger log = LoggerFactory.getLogger(SemanticRescue.class);

    /**
     * Cosine similarity the nearest topic must reach, per language: the Chinese model's similarities run lower than the
     * English one's, as for {@link #MIN_CLOSENESS}.
     */
    static final Map<Lang, Double> MIN_SIMILARITY = Map.of(Lang.EN, 0.7, Lang.ZH, 0.65);
    /**
     * How far the nearest topic must be ahead of the next one. Measured on the 930 questions of the informal sets (never
     * used as {@link TopicExamples}), with the examples embedded: 0.02 gave 834 right, 19 confident but wrong and 6 out of
     * scope answered; 0.03 fewer right for as many wrong, 0.01 when the words also ranked the topic first 4 more right
     * for 2 more wrong. Before the examples, with 0.04 and a floor of 0.7 in both languages: 811 / 20 / 4.
     */
    static final double MIN_MARGIN = 0.02;
    /**
     * When the meaning's nearest topic is also the words' first candidate, two rankers agree: a smaller lead and, in
     * Chinese, a lower similarity do. Measured on all informal sets (1 260 questions): 7 more right, 1 more confident but
     * wrong, no out-of-scope question answered (on the four blind sets holdout11–14: 2 more right, none wrong).
     */
    static final double AGREED_MARGIN = 0.01;
    static final Map<Lang, Double> AGREED_SIMILARITY = Map.of(Lang.EN, 0.7, Lang.ZH, 0.6);
    /** The lead the meaning needs when the words offered no candidate at all. */
    static final double ALONE_MARGIN = 0.05;
    /** How many nearest topics a "did you mean" by meaning offers. */
    static final int OFFERED = 3;

    /**
     * How close the question must be to the roadmap as a whole (its mean similarity to all topics), per language: the
     * 5th percentile of the clean in-scope question sets (qa-dev, its rewordings and paraphrases; 93 English, 87
     * Chinese). Near the roadmap's words but about something else ("Does a cooking degree pay off?", "去读大学学画画值不值")
     * falls below it, however clearly one topic wins. The two models' similarity scales differ, hence per language.
     */
    static final Map<Lang, Double> MIN_CLOSENESS = Map.of(Lang.EN, 0.55, Lang.ZH, 0.43);

    /** Turns a text into a vector; a port so tests can use a fake. */
    interface Embedder {
        float[] embed(String text);
    }

    private final TopicVectors vectors;
    /** Per language and topic, how many of its vectors are its own texts (title, phrasings) before the examples. */
    private final Map<Lang, Map<String, Integer>> ownTexts = new java.util.EnumMap<>(Lang.class);
    private final boolean usable;
    private final Function<Lang, Embedder> loader;
    private final Map<Lang, Optional<Embedder>> models = new ConcurrentHashMap<>();

    SemanticRescue(TopicVectors vectors, KnowledgeBase knowledge, Function<Lang, Embedder> loader) {
        this.vectors = vectors;
        for (Lang lang : Lang.values()) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            knowledge.entries().forEach(e -> counts.put(e.id(), 1 + e.phrasings().in(lang).size()));
            ownTexts.put(lang, Map.copyOf(counts));
        }
        this.loader = loader;
        this.usable = vectors.matches(knowledge);
        if (!usable) {
            log.warn("Q&A semantic rescue off: {} does not match the knowledge base; run studybuddy.qa.TopicVectorsGenerator",
                    TopicVectors.RESOURCE);
        }
    }

    /** The bundled vectors and the bge-small models, when they fit this knowledge base. */
    static SemanticRescue forKnowledge(KnowledgeBase knowledge) {
        return new SemanticRescue(TopicVectors.load(), knowledge, SemanticRescue::bge);
    }

    static Embedder bge(Lang lang) {
        EmbeddingModel model = lang == Lang.ZH ? new BgeSmallZhV15QuantizedEmbeddingModel()
                : new BgeSmallEnV15QuantizedEmbeddingModel();
        return text -> model.embed(text).content().vector();
    }

    boolean usable() {
        return usable;
    }

    private Optional<Embedder> model(Lang lang) {
        return models.computeIfAbsent(lang, l -> {
            long start = System.nanoTime();
            try {
                Embedder e = loader.apply(l);
                log.info("Q&A embeddings for {} loaded in {} ms", l.code(), (System.nanoTime() - start) / 1_000_000);
                return Optional.of(e);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Q&A semantic rescue off for {}: the embedding model cannot load ({})", l.code(), e.toString());
                return Optional.empty();
            }
        });
    }

    /**
     * The topic the question means, when the embedding's nearest topic is one of {@code candidates} (the lexical
     * top three, best first), similar enough and clearly ahead of the runner-up (less clearly when it is the words'
     * first candidate too); empty otherwise.
     */
    Optional<String> pick(String question, Lang lang, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return ranking(question, lang).filter(r -> candidates.contains(r.best()))
                .filter(r -> r.clear(lang, MIN_MARGIN) || r.best().equals(candidates.get(0))
                        && r.first() >= AGREED_SIMILARITY.get(lang) && r.first() - r.second() >= AGREED_MARGIN)
                .map(Ranking::best);
    }

    /**
     * How clearly the meaning must point elsewhere to overrule a contested confident pick of the words: its nearest topic
     * this similar, and this far ahead of the words' pick (see {@link QaService#CONTESTED_MARGIN}).
     */
    static final double OVERRULE_SIMILARITY = 0.7;
    static final double OVERRULE_LEAD = 0.12;

    /**
     * The topic the question means instead of {@code chosen}, the words' confident but contested pick: the meaning's
     * nearest topic, when it is another of {@code candidates} (the words' top three), similar enough and far ahead of
     * {@code chosen} (less far when {@code chosen} is the words' own pick and the meaning's is first in their ranking);
     * empty otherwise (and when the question is not near the roadmap as a whole).
     */
    Optional<String> overrule(String question, Lang lang, String chosen, List<String> candidates, boolean wordsOwnPick) {
        return ranking(question, lang).filter(r -> !r.best().equals(chosen) && candidates.contains(r.best()))
                .filter(r -> r.first() >= OVERRULE_SIMILARITY && r.first() - r.similarity(chosen)
                        >= (wordsOwnPick && r.best().equals(candidates.get(0)) ? AGREED_OVERRULE_LEAD : OVERRULE_LEAD))
                .map(Ranking::best);
    }

    /**
     * The lead that suffices when the meaning's nearest topic is also first in the words' own ranking ({@code candidates}
     * in BM25 order), and only the coverage-based pick differs: two signals against one.
     */
    static final double AGREED_OVERRULE_LEAD = 0.085;

    /**
     * For a question the words found no topic for (no lexical candidates, no out-of-scope kind): the topic its meaning
     * alone clearly points to, else the nearest three to offer, or nothing when the question is not near the roadmap
     * as a whole. Alone, the meaning must lead by {@link #ALONE_MARGIN}, wider than among the words' candidates.
     */
    Optional<Offer> offer(String question, Lang lang) {
        return ranking(question, lang).map(r -> new Offer(r.clear(lang, ALONE_MARGIN) ? Optional.of(r.best())
                : Optional.empty(), r.nearest()));
    }

    /** @param answer the topic to answer, if the meaning is clear; @param nearest the nearest topics, best first */
    record Offer(Optional<String> answer, List<String> nearest) {
    }

    /** The question's nearest topics when it is about as close to the roadmap as known roadmap questions are. */
    private Optional<Ranking> ranking(String question, Lang lang) {
        if (!usable || question.isBlank()) {
            return Optional.empty();
        }
        Optional<Embedder> model = model(lang);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        float[] q;
        try {
            q = TopicVectors.unit(model.get().embed(question));
        } catch (RuntimeException e) {
            log.warn("Q&A semantic rescue skipped: embedding the question failed ({})", e.toString());
            return Optional.empty();
        }
        Map<String, List<float[]>> topics = vectors.of(lang);
        List<Map.Entry<String, Double>> sims = new java.util.ArrayList<>(topics.size());
        double sum = 0;
        Map<String, Integer> own = ownTexts.get(lang);
        for (Map.Entry<String, List<float[]>> topic : topics.entrySet()) {
            // closeness to the roadmap is judged on the topics' own texts, as it was calibrated; the examples only rank
            int ownCount = own.getOrDefault(topic.getKey(), topic.getValue().size());
            double sim = -1;
            double ownSim = -1;
            for (int i = 0; i < topic.getValue().size(); i++) {
                double d = dot(q, topic.getValue().get(i));
                sim = Math.max(sim, d);
                if (i < ownCount) {
                    ownSim = Math.max(ownSim, d);
                }
            }
            sum += ownSim;
            sims.add(Map.entry(topic.getKey(), sim));
        }
        if (sims.size() < 2 || sum / sims.size() < MIN_CLOSENESS.get(lang)) {
            return Optional.empty();
        }
        sims.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return Optional.of(new Ranking(sims.stream().limit(OFFERED).map(Map.Entry::getKey).toList(),
                sims.get(0).getValue(), sims.get(1).getValue(), sims));
    }

    /** Every topic by its similarity to the question, best first (empty when not near the roadmap); for diagnostics. */
    List<Map.Entry<String, Double>> similarities(String question, Lang lang) {
        return ranking(question, lang).map(Ranking::all).orElse(List.of());
    }

    private record Ranking(List<String> nearest, double first, double second, List<Map.Entry<String, Double>> all) {
        String best() {
            return nearest.get(0);
        }

        double similarity(String topic) {
            return all.stream().filter(e -> e.getKey().equals(topic)).mapToDouble(Map.Entry::getValue).findFirst().orElse(-1);
        }

        boolean clear(Lang lang, double margin) {
            return first >= MIN_SIMILARITY.get(lang) && first - second >= margin;
        }
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
