package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a message is cut into the questions it asks, and where it is not. */
class MessagePartsTest {

    @Test
    void givenNumberedQuestions_whenSplit_thenOnePartEachWithoutNumbersOrPreamble() {
        // WHEN / THEN
        assertThat(MessageParts.split("Q1: which python book? Q2: how many projects?"))
                .containsExactly("which python book?", "how many projects?");
        assertThat(MessageParts.split("two questions: 1) which book 2) how long for a dev"))
                .containsExactly("which book", "how long for a dev");
        assertThat(MessageParts.split("两个问题：1. MLOps学什么课 2. 作品集要几个项目"))
                .containsExactly("MLOps学什么课", "作品集要几个项目");
        assertThat(MessageParts.split("①推荐什么书 ②要学多久")).containsExactly("推荐什么书", "要学多久");
        assertThat(MessageParts.split("q1 what does an MLE do q2 how long from scratch"))
                .containsExactly("what does an MLE do", "how long from scratch");
    }

    @Test
    void givenQuestionsNumberedInWords_whenSplit_thenOnePartEach() {
        // GIVEN: numbering said in words, Chinese and English, with or without an announcing preamble
        String zh = "想问两点：一是需要什么数学，二是MLOps在哪学";
        String zhFirstThen = "首先，要学哪些数学？其次，作品集做几个项目";
        String en = "firstly, which books do you recommend; secondly, how many portfolio projects";
        // WHEN / THEN
        assertThat(MessageParts.split(zh)).containsExactly("需要什么数学", "MLOps在哪学");
        assertThat(MessageParts.split(zhFirstThen)).containsExactly("要学哪些数学", "作品集做几个项目");
        assertThat(MessageParts.split(en)).containsExactly("which books do you recommend", "how many portfolio projects");
    }

    @Test
    void givenOrdinalWordsInsideAQuestion_whenSplit_thenNotCut() {
        // "第一份工作" and "first" are not numbering
        assertThat(MessageParts.split("零经验转行，第一份工作怎么找")).containsExactly("零经验转行，第一份工作怎么找");
        assertThat(MessageParts.split("should I do CS50 first, or Helsinki")).containsExactly("should I do CS50 first, or Helsinki");
    }

    @Test
    void givenAQuestionMarkBeforeItsOtherSide_whenSplit_thenNotCut() {
        // "…? or …", "…?还是…" is one question weighing two things
        assertThat(MessageParts.split("Kaggle要不要刷?还是做自己的项目好")).containsExactly("Kaggle要不要刷?还是做自己的项目好");
        assertThat(MessageParts.split("is CS50 enough? or should I do Helsinki too"))
                .containsExactly("is CS50 enough? or should I do Helsinki too");
        assertThat(MessageParts.split("is CS50 enough? how long is Helsinki")).containsExactly("is CS50 enough?", "how long is Helsinki");
    }

    @Test
    void givenAPlusBeforeAQuestionWord_whenSplit_thenTwoParts() {
        assertThat(MessageParts.split("what's mlops + how long for a dev to get job ready"))
                .containsExactly("what's mlops", "how long for a dev to get job ready");
    }

    @Test
    void givenDecimalsAgesAndVersions_whenSplit_thenNotCut() {
        assertThat(MessageParts.split("I study 2.5 hours a day, how long?")).containsExactly("I study 2.5 hours a day, how long?");
        assertThat(MessageParts.split("每天学1.5小时，要多久")).containsExactly("每天学1.5小时，要多久");
        assertThat(MessageParts.split("im 29, zero coding. how long")).containsExactly("im 29, zero coding. how long");
        assertThat(MessageParts.split("python 3.11 good enough for cs50")).containsExactly("python 3.11 good enough for cs50");
    }

    @Test
    void givenDoubleQuestionMarksOrACheckInNumber_whenSplit_thenNotCut() {
        // "??" ends one question, whose other side may follow ("?? or someone else"); "#7:" numbers a check-in
        assertThat(MessageParts.split("was it karpathy who said that?? or someone else"))
                .containsExactly("was it karpathy who said that?? or someone else");
        assertThat(MessageParts.split("check-in #7: fast.ai lesson 4 done 🎉 whats the book that goes with it"))
                .containsExactly("check-in #7: fast.ai lesson 4 done 🎉 whats the book that goes with it");
    }
}
