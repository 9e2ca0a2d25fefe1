package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

class TopicVectorsTest {

    @Test
    void givenBundledKnowledge_whenCompared_thenTheStoredVectorsWereComputedFromItsCurrentTexts() {
        // GIVEN the knowledge base and the precomputed vectors
        KnowledgeBase knowledge = KnowledgeBase.load();
        TopicVectors vectors = TopicVectors.load();
        // THEN a knowledge base edited without running TopicVectorsGenerator fails here
        assertThat(vectors.matches(knowledge))
                .as("qa/topic-vectors.json is stale: run studybuddy.qa.TopicVectorsGenerator (see README)").isTrue();
        for (Lang lang : Lang.values()) {
            for (KnowledgeBase.Entry e : knowledge.entries()) {
                List<float[]> v = vectors.of(lang).get(e.id());
                assertThat(v).as("%s %s", lang, e.id()).hasSize(TopicVectors.texts(e, lang).size());
                // bge-small-en has 384 dimensions, bge-small-zh 512
                assertThat(v.stream().map(x -> x.length).distinct().toList()).as("%s %s", lang, e.id())
                        .containsExactly(lang == Lang.ZH ? 512 : 384);
            }
        }
    }

    @Test
    void givenEditedKnowledge_whenCompared_thenTheVectorsNoLongerMatch() {
        // GIVEN one phrasing added to one entry
        KnowledgeBase knowledge = KnowledgeBase.load();
        List<KnowledgeBase.Entry> entries = new java.util.ArrayList<>(knowledge.entries());
        KnowledgeBase.Entry e = entries.get(0);
        List<String> en = new java.util.ArrayList<>(e.phrasings().en());
        en.add("a new way to ask");
        entries.set(0, new KnowledgeBase.Entry(e.id(), e.units(), e.intent(), e.background(), e.title(), e.answer(),
                new KnowledgeBase.Texts(en, e.phrasings().zh()), e.keywords(), e.stage()));
        // WHEN / THEN
        assertThat(TopicVectors.load().matches(new KnowledgeBase(entries, knowledge.timeFigures()))).isFalse();
    }

    @Test
    void givenVector_whenEncodedAndDecoded_thenSameValuesAtUnitLength() {
        float[] v = TopicVectors.unit(new float[] {3, 4});
        assertThat(TopicVectors.decode(TopicVectors.encode(v))).containsExactly(0.6f, 0.8f);
    }
}
