package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

/**
 * Where a confident answer to another question would be worse than "did you mean": words shared with a topic that
 * the message does not ask about, a stage named beside "after" that is not the stage finished, a bare background.
 */
class QaConfidenceTest {
    private final QaService qa = QaService.shared();

    @Test
    void givenAJobQuestionWithWhenAndNoExperience_whenAsked_thenNotTheTimeEstimate() {
        // GIVEN: "when" joins a clause here, it does not ask about time
        String en = "any tips for landing a first ML job when you have no industry experience?";
        String zh = "零经验转行的人，第一份工作一般怎么找";
        // WHEN
        Answer enAnswer = qa.answer(en, null, Optional.empty());
        Answer zhAnswer = qa.answer(zh, null, Optional.empty());
        // THEN: never the from-scratch estimate; the job topic is one tap away at worst
        assertThat(enAnswer.topic()).isNotIn("time-scratch", "time-overview", "situation");
        assertThat(enAnswer.confident() ? enAnswer.topic() : enAnswer.suggestions().get(0).id()).isEqualTo("job-search");
        assertThat(zhAnswer.topic()).isNotIn("time-scratch", "time-overview", "situation");
    }

    @Test
    void givenWhetherMoreOfAFinishedStageIsWorthIt_whenAsked_thenThatStageNotTheNextOne() {
        // WHEN
        Answer en = qa.answer("is Dead Simple Python still worth reading after CS50?", null, Optional.empty());
        Answer zh = qa.answer("学完CS50之后还有必要看赫尔辛基的课吗", null, Optional.empty());
        Answer other = qa.answer("which Python book after CS50?", null, Optional.empty());
        Answer otherZh = qa.answer("CS50之后看哪本Python的书", null, Optional.empty());
        // THEN
        assertThat(en.topic()).isEqualTo("programming-basics");
        assertThat(zh.topic()).isEqualTo("programming-basics");
        assertThat(zh.text()).contains("赫尔辛基");
        assertThat(other.topic()).isEqualTo("programming-basics");
        assertThat(otherZh.topic()).isEqualTo("programming-basics");
    }

    @Test
    void givenAFinishedStageAndWhatNow_whenAsked_thenTheStageAfterIt() {
        // WHEN
        Answer en = qa.answer("done with the Andrew Ng specialization, what now?", null, Optional.empty());
        Answer zh = qa.answer("吴恩达的课学完了，接下来呢", null, Optional.empty());
        // THEN
        assertThat(en.topic()).isEqualTo("deep-learning");
        assertThat(zh.topic()).isEqualTo("deep-learning");
    }

    @Test
    void givenQuestionsNumberedInWords_whenAsked_thenEachPartAnswered() {
        // WHEN
        Answer zh = qa.answer("两个问题：一是推荐什么书，二是作品集要做几个项目", null, Optional.empty());
        Answer en = qa.answer("firstly, which books do you recommend; secondly, how many portfolio projects", null,
                Optional.empty());
        // THEN
        assertThat(zh.topic()).isEqualTo("books+portfolio");
        assertThat(zh.text()).contains("Dead Simple Python").contains("一两个");
        assertThat(en.topic()).isEqualTo("books+portfolio");
    }

    @Test
    void givenABareBackgroundAndAnotherQuestion_whenAsked_thenNoPersonalEstimate() {
        // WHEN: a background is stated, but the question is which way to go, not how long
        Answer zh = qa.answer("我是后端程序员，先做软件工程再转机器学习好吗", null, Optional.empty());
        Answer en = qa.answer("as a backend developer, is it smarter to go the software path first?", null, Optional.empty());
        // THEN
        assertThat(zh.topic()).isNotEqualTo("situation");
        assertThat(zh.startOptions()).isEmpty();
        assertThat(en.topic()).isNotEqualTo("situation");
    }

    @Test
    void givenABareBackgroundAskingWhereToStart_whenAsked_thenTheSituationAnswer() {
        // WHEN
        Answer en = qa.answer("complete beginner here, where should I start?", null, Optional.empty());
        Answer zh = qa.answer("纯小白，从哪开始", null, Optional.empty());
        // THEN: where the route starts for that background, with /start prefilled
        assertThat(en.topic()).isEqualTo("situation");
        assertThat(en.startOptions()).containsEntry("background", "scratch");
        assertThat(zh.topic()).isEqualTo("situation");
        assertThat(zh.lang()).isEqualTo(Lang.ZH);
    }

    @Test
    void givenWordsClearlyForOneTopicAndMeaningForAnother_whenAsked_thenDidYouMeanWithTheWordsTopic() {
        // GIVEN: the words point clearly to sharing what you learn; "学习" alone pulls the meaning elsewhere
        String zh = "学习笔记要不要发到网上";
        // WHEN
        Answer a = qa.answer(zh, null, Optional.empty());
        // THEN: never a confident answer about another topic: the words' topic answers, or is a tap away
        if (a.confident()) {
            assertThat(a.topic()).isEqualTo("share-learning");
        } else {
            assertThat(a.suggestions()).extracting(Answer.Suggestion::id).contains("share-learning");
            assertThat(a.text()).contains("你是想问");
        }
    }

    @Test
    void givenARoadmapQuestionAndAnOutOfScopeOne_whenAsked_thenTheRoadmapPartAnsweredAndTheRestSaidToBeOutside() {
        // WHEN
        Answer en = qa.answer("which books do you recommend? and what salary can I expect as an MLE", null, Optional.empty());
        Answer zh = qa.answer("推荐什么书？另外，机器学习工程师工资多少", null, Optional.empty());
        // THEN: the books answered, then why the salary part is not
        assertThat(en.confident()).isTrue();
        assertThat(en.topic()).isEqualTo("books");
        assertThat(en.text()).contains("Dead Simple Python").contains("As for the rest of your message: Salary figures are outside");
        assertThat(zh.confident()).isTrue();
        assertThat(zh.text()).contains("Dead Simple Python").contains("至于你消息里的另一个问题：");
    }

    @Test
    void givenAPartReferringToAnOutOfScopePart_whenAsked_thenTheWholeMessageIsNotAnswered() {
        // WHEN: "it" is the course whose price is asked; answering "a good start" alone would answer about something else
        Answer en = qa.answer("is the Coursera ML spec free? and is it a good start?", null, Optional.empty());
        Answer zh = qa.answer("吴恩达的课在Coursera上免费吗？这门课适合入门吗", null, Optional.empty());
        // THEN
        assertThat(en.confident()).isFalse();
        assertThat(zh.confident()).isFalse();
    }

    @Test
    void givenARequestForSomethingTheRoadmapNeverLists_whenAsked_thenNotSureSayingSoWithoutSuggestions() {
        // WHEN
        Answer en = qa.answer("any good youtube channels to follow for ML?", null, Optional.empty());
        Answer zh = qa.answer("练手的数据集去哪里找", null, Optional.empty());
        // THEN: not the nearest topic, and why
        assertThat(en.confident()).isFalse();
        assertThat(en.suggestions()).isEmpty();
        assertThat(en.text()).contains("The roadmap does not go into that");
        assertThat(zh.confident()).isFalse();
        assertThat(zh.text()).contains("路线图没有谈到这些");
    }

    @Test
    void givenTheArticlesTimeWordsWithoutATimeQuestion_whenAsked_thenNotTheTimePassage() {
        // WHEN
        Answer zh = qa.answer("路线图里的课是不是一门都不能落下，全都要学", null, Optional.empty());
        Answer en = qa.answer("the roadmap's courses: all of them, without skipping one?", null, Optional.empty());
        Answer zhTime = qa.answer("从零开始学完整条路线要多久", null, Optional.empty());
        // THEN: the time passage answers only how long
        assertThat(zh.topic()).isNotEqualTo(ArticlePassages.ID_PREFIX + "time");
        assertThat(en.topic()).isNotEqualTo(ArticlePassages.ID_PREFIX + "time");
        assertThat(zhTime.confident()).isTrue();
        assertThat(zhTime.text()).contains("个月");
    }
    @Test
    void givenFinishedStageNamedTwiceOrWithTheNextStage_whenAsked_thenTheStageTheQuestionIsAbout() {
        // another resource of the finished stage is a question about that stage, not the next one
        assertThat(qa.answer("done with cs50, will the helsinki mooc just repeat it?", Lang.EN, Optional.empty()).topic())
                .isEqualTo("programming-basics");
        // the finished stage and the one after it both named: the later one is asked about
        assertThat(qa.answer("吴恩达的机器学习课学完了，深度学习也能接着跟他学吗", Lang.ZH, Optional.empty()).topic())
                .isEqualTo("deep-learning");
        // one name read in both languages ("DL", 深度学习) is still one stage: what comes after it
        assertThat(qa.answer("what comes after DL", Lang.EN, Optional.empty()).topic()).isEqualTo("choose-domain");
    }
}
