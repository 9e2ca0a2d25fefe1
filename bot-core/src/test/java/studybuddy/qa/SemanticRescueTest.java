package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

/**
 * The rule with a fake embedder over three two-dimensional topics: "a" along x, "b" along y, "c" between them; then the
 * real models on the bundled vectors.
 */
class SemanticRescueTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();

    private static TopicVectors vectors() {
        Map<String, List<float[]>> topics = Map.of("a", List.of(new float[] {1, 0}), "b", List.of(new float[] {0, 1}),
                "c", List.of(TopicVectors.unit(new float[] {1, 1})));
        Map<Lang, String> prints = Map.of(Lang.EN, TopicVectors.fingerprint(KB, Lang.EN), Lang.ZH,
                TopicVectors.fingerprint(KB, Lang.ZH));
        return new TopicVectors(prints, Map.of(Lang.EN, topics, Lang.ZH, topics));
    }

    private static SemanticRescue rescue(float[] question) {
        return new SemanticRescue(vectors(), KB, lang -> text -> question);
    }

    @Test
    void givenNearestTopicAmongCandidatesAndClearlyAhead_whenPicked_thenThatTopic() {
        // GIVEN a question pointing at "c" (similarity 1, next 0.71; mean closeness 0.8)
        SemanticRescue r = rescue(new float[] {1, 1});
        // WHEN / THEN
        assertThat(r.pick("q", Lang.EN, List.of("b", "c"))).contains("c");
    }

    @Test
    void givenMeaningFarAheadOfTheWordsContestedPick_whenOverruled_thenTheMeaningsTopic() {
        // GIVEN a question pointing at "c" (similarity 1), where the words picked "a" (0.71), "c" among their candidates
        SemanticRescue r = rescue(new float[] {1, 1});
        // WHEN / THEN
        assertThat(r.overrule("q", Lang.EN, "a", List.of("a", "c"), false)).contains("c");
        // not when the meaning's topic is none of the words' candidates, nor when it is the words' own pick
        assertThat(r.overrule("q", Lang.EN, "a", List.of("a", "b"), false)).isEmpty();
        assertThat(r.overrule("q", Lang.EN, "c", List.of("c", "a"), false)).isEmpty();
    }

    @Test
    void givenMeaningOnlySlightlyAheadOfTheWordsPick_whenOverruled_thenNothing() {
        // GIVEN a question near "c" (0.97) but close to "a" too (0.86): a lead of 0.11, under the 0.12 needed
        SemanticRescue r = rescue(new float[] {1, 0.6f});
        // WHEN / THEN
        assertThat(r.overrule("q", Lang.EN, "a", List.of("a", "c"), false)).isEmpty();
        // and a wider lead (0.99 against 0.78) overrules
        assertThat(rescue(new float[] {1, 0.8f}).overrule("q", Lang.EN, "a", List.of("a", "c"), false)).contains("c");
    }

    @Test
    void givenMeaningSlightlyAheadAndFirstInTheWordsRanking_whenOverruled_thenTheMeaningsTopic() {
        // GIVEN a question near "c" (0.97) and "a" (0.86), where "c" is first in the words' own ranking and "a" their
        // coverage-based pick: two signals against one, so a lead of 0.11 is enough
        SemanticRescue r = rescue(new float[] {1, 0.6f});
        // WHEN / THEN
        assertThat(r.overrule("q", Lang.EN, "a", List.of("c", "a"), true)).contains("c");
        // not when a rule moved the pick (past a finished stage, among domains): then it is not the words' own
        assertThat(r.overrule("q", Lang.EN, "a", List.of("c", "a"), false)).isEmpty();
    }

    @Test
    void givenNearestTopicNotAmongTheLexicalCandidates_whenPicked_thenNothing() {
        assertThat(rescue(new float[] {1, 1}).pick("q", Lang.EN, List.of("a", "b"))).isEmpty();
    }

    @Test
    void givenTwoTopicsAlmostTied_whenPicked_thenNothing() {
        // GIVEN a question near "a" (0.98, next 0.83: clear), then halfway between "a" and "c" (0.92 each: a tie)
        assertThat(rescue(new float[] {1, 0.2f}).pick("q", Lang.EN, List.of("a"))).contains("a");
        assertThat(rescue(new float[] {1, 0.4142f}).pick("q", Lang.EN, List.of("a", "c"))).isEmpty();
    }

    @Test
    void givenLeadJustAboveOrBelowTheMargin_whenPicked_thenPickedOnlyAbove() {
        // GIVEN a question near "a", 0.025 ahead of "c" (above the 0.02 margin), then one only ~0.01 ahead
        assertThat(rescue(new float[] {1, 0.376f}).pick("q", Lang.EN, List.of("c", "a"))).contains("a");
        assertThat(rescue(new float[] {1, 0.395f}).pick("q", Lang.EN, List.of("c", "a"))).isEmpty();
    }

    @Test
    void givenNoLexicalCandidate_whenOffered_thenAClearMeaningAnswersElseTheNearestThreeAreOffered() {
        // GIVEN a question pointing at "c" (1 vs 0.71: clear) and one near "a" only 0.025 ahead of "c"
        SemanticRescue.Offer clear = rescue(new float[] {1, 1}).offer("q", Lang.EN).orElseThrow();
        SemanticRescue.Offer narrow = rescue(new float[] {1, 0.376f}).offer("q", Lang.EN).orElseThrow();
        // THEN the clear one is answered; the narrow one only offers the nearest topics, best first
        assertThat(clear.answer()).contains("c");
        assertThat(narrow.answer()).isEmpty();
        assertThat(narrow.nearest()).containsExactly("a", "c", "b");
    }

    @Test
    void givenQuestionFarFromTheRoadmap_whenOffered_thenNothing() {
        // GIVEN a question pointing away from every topic (mean similarity below zero, far under the 0.55 needed)
        assertThat(rescue(new float[] {-1, -1}).offer("q", Lang.EN)).isEmpty();
    }

    @Test
    void givenModelThatCannotLoad_whenPicked_thenNothingAndNoRetryPerQuestion() {
        AtomicInteger loads = new AtomicInteger();
        SemanticRescue r = new SemanticRescue(vectors(), KB, lang -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        });
        assertThat(r.pick("q", Lang.EN, List.of("a"))).isEmpty();
        assertThat(r.pick("q", Lang.EN, List.of("a"))).isEmpty();
        assertThat(loads).hasValue(1);
    }

    @Test
    void givenVectorsOfAnotherKnowledgeBase_whenPicked_thenRescueIsOff() {
        TopicVectors stale = new TopicVectors(Map.of(Lang.EN, "x", Lang.ZH, "y"), Map.of());
        SemanticRescue r = new SemanticRescue(stale, KB, lang -> text -> new float[] {1, 1});
        assertThat(r.usable()).isFalse();
        assertThat(r.pick("q", Lang.EN, List.of("a"))).isEmpty();
    }

    @Test
    void givenRealModels_whenUnsureRoadmapQuestionOrNearbyOutOfScope_thenRescuedOrStillRefused() {
        // GIVEN the service with the bundled vectors and the bge-small models
        QaService qa = QaService.shared();
        // WHEN / THEN a lexically unsure roadmap question gets the topic its meaning points to, in both languages
        Answer en = qa.answer("should i go to uni for this or nah", Lang.EN, Optional.empty());
        assertThat(en.confident()).isTrue();
        assertThat(en.topic()).isEqualTo("university");
        Answer zh = qa.answer("搞ML到底要多少数学", Lang.ZH, Optional.empty());
        assertThat(zh.topic()).isEqualTo("maths");
        // and a question near the roadmap's words but about another subject is not rescued
        assertThat(qa.answer("Does a cooking degree pay off?", Lang.EN, Optional.empty()).confident()).isFalse();
        assertThat(qa.answer("去读大学学画画值不值?", Lang.ZH, Optional.empty()).confident()).isFalse();
        // and the stored vectors are the models' own: a title embedded now is its stored vector
        KnowledgeBase.Entry maths = KB.entry("maths").orElseThrow();
        for (Lang lang : Lang.values()) {
            float[] now = TopicVectors.unit(SemanticRescue.bge(lang).embed(maths.title().in(lang)));
            float[] stored = TopicVectors.load().of(lang).get("maths").get(0);
            double dot = 0;
            for (int i = 0; i < now.length; i++) {
                dot += now[i] * stored[i];
            }
            assertThat(dot).as(lang.code()).isGreaterThan(0.999);
        }
    }
}
