package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatedNeedTest {

    @Test
    void givenANeedStatedInOtherWords_whenRead_thenTheTopicThatHoldsTheAnswer() {
        // WHEN / THEN
        assertThat(needOf("i keep comparing myself to kaggle grandmasters on twitter")).contains("motivation");
        assertThat(needOf("投了几十份简历都石沉大海,课都刷完了,按文章说我还缺啥")).contains("job-search");
        assertThat(needOf("what's the first step?")).isEmpty();
    }

    @Test
    void givenTheNeedBesideATimeQuestionSeveralQuestionsOrProjects_whenRead_thenNoNeedTakesOver() {
        // WHEN / THEN: how long is the situation's estimate; several asks are not one need; projects are their own question
        assertThat(needOf("我之前做了八年护士 要多久 之前的经验有用吗")).isEmpty();
        assertThat(needOf("do I do the maths first? and does my analyst experience count for anything?")).isEmpty();
        assertThat(needOf("15 small projects on github and zero callbacks. should i keep adding more?")).isEmpty();
    }

    /** The need as the service reads it: with the situation read from the same message. */
    private static Optional<String> needOf(String message) {
        return StatedNeed.topicOf(message, Situation.read(message));
    }
}
