package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;

/** The informal-question features of the service: situation, "did you mean", several parts, passages, follow-ups. */
class QaInformalTest {
    private final QaService qa = QaService.shared();

    @Test
    void givenStatedSituation_whenAsked_thenPersonalEstimateAndStartOptions() {
        // WHEN
        Answer a = qa.answer("I'm 35, a Java dev, 2 hours a day, realistic?", null, Optional.empty());
        // THEN: the one estimate model for a developer, at 2 h a day = 14 h a week
        assertThat(a.confident()).isTrue();
        assertThat(a.text()).contains("14 h a week").contains("h of coursework plus about").contains("Age is no obstacle");
        assertThat(a.startOptions()).containsEntry("background", "developer").containsEntry("hours", "14")
                .containsEntry("path", "software");
    }

    @Test
    void givenChineseSituationWithWeakMaths_whenAsked_thenAnsweredInChineseWithMathsAdvice() {
        Answer a = qa.answer("文科生，数学很烂，每周能学20个小时，大概要多久", null, Optional.empty());
        assertThat(a.lang()).isEqualTo(Lang.ZH);
        assertThat(a.text()).contains("每周 20 小时").contains("个月").contains("Mathematics for Machine Learning");
        assertThat(a.startOptions()).containsEntry("background", "scratch").containsEntry("hours", "20");
    }

    @Test
    void givenUnclearQuestion_whenAsked_thenThreeSuggestionsWithTheirAnswers() {
        Answer a = qa.answer("what about bugs and projects", Lang.EN, Optional.empty());
        assertThat(a.confident()).isFalse();
        assertThat(a.suggestions()).hasSizeLessThanOrEqualTo(3).extracting(Answer.Suggestion::id).contains("silent-bugs");
        assertThat(a.text()).contains("Did you mean").contains("The most dangerous bugs: silent logic errors");
        assertThat(a.suggestions()).allSatisfy(s -> assertThat(s.answer()).isNotBlank());
    }

    @Test
    void givenUnclearChineseQuestion_whenAsked_thenTheOfferedTitlesUseChinesePunctuation() {
        // GIVEN a question the words and the meaning leave unsure (the knowledge base's titles carry half-width ":" ",")
        Answer a = qa.answer("每天学完脑子一团浆糊 正常吗", Lang.ZH, Optional.empty());
        // THEN
        assertThat(a.confident()).isFalse();
        assertThat(a.suggestions()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.title()).doesNotContainPattern("\\p{IsHan}[,:;?!]|[,:;?!]\\p{IsHan}");
            assertThat(s.answer()).doesNotContainPattern("\\p{IsHan}[,:;?!]|[,:;?!]\\p{IsHan}");
        });
        assertThat(a.text()).doesNotContainPattern("\\p{IsHan}[,:;?!]|[,:;?!]\\p{IsHan}");
    }

    @Test
    void givenQuestionWhoseWordsMatchNoTopic_whenAsked_thenDidYouMeanByMeaningRatherThanADeadEnd() {
        // GIVEN roadmap questions in words the knowledge base does not use, and no out-of-scope kind
        Answer en = qa.answer("feel like my head is full and nothing goes in anymore", Lang.EN, Optional.empty());
        // THEN "did you mean" with the three topics nearest its meaning (the words alone found it off the roadmap)
        assertThat(en.confident()).isFalse();
        assertThat(en.suggestions()).hasSize(3).extracting(Answer.Suggestion::id).contains("motivation");
        assertThat(en.text()).contains("Did you mean");
        // and a question outside the roadmap that a kind explains still gets its reason, without offers
        Answer refund = qa.answer("how do i get a refund for my coursera subscription", Lang.EN, Optional.empty());
        assertThat(refund.confident()).isFalse();
        assertThat(refund.suggestions()).isEmpty();
    }

    @Test
    void givenOffTopicQuestion_whenAsked_thenNoSuggestionsAndNoAnswer() {
        assertThat(qa.answer("what's the weather in Berlin tomorrow?", Lang.EN, Optional.empty()).suggestions()).isEmpty();
        assertThat(qa.answer("帮我用python写一个快速排序", null, Optional.empty()).confident()).isFalse();
        assertThat(qa.answer("write quicksort in python for me", null, Optional.empty()).confident()).isFalse();
    }

    @Test
    void givenTwoSeparateQuestions_whenAsked_thenEachPartAnswered() {
        Answer a = qa.answer("推荐几本书？另外作品集要做几个项目", null, Optional.empty());
        assertThat(a.confident()).isTrue();
        assertThat(a.topic()).isEqualTo("books+portfolio");
        assertThat(a.text()).contains("Dead Simple Python").contains("一两个");
    }

    @Test
    void givenRequestsUsingRoadmapWords_whenAsked_thenNotSureSayingWhyWithoutSuggestions() {
        // WHEN
        Answer fee = qa.answer("is the Andrew Ng course on Coursera free or do i have to pay", null, Optional.empty());
        Answer nan = qa.answer("训练时loss变成nan怎么办", null, Optional.empty());
        Answer derivation = qa.answer("gradient descent step by step please", null, Optional.empty());
        // THEN: refused in the asker's language, with what kind of request it is and what the bot can do instead
        assertThat(fee.confident()).isFalse();
        assertThat(fee.suggestions()).isEmpty();
        assertThat(fee.text()).contains("refunds").contains("/roadmap");
        assertThat(nan.confident()).isFalse();
        assertThat(nan.lang()).isEqualTo(Lang.ZH);
        assertThat(nan.text()).contains("报错").contains("/roadmap");
        assertThat(derivation.confident()).isFalse();
        assertThat(derivation.suggestions()).isEmpty();
    }

    @Test
    void givenAStatedSituationAndAQuestionOutsideTheRoadmap_whenAsked_thenNotSure() {
        // WHEN: 程序员 is a situation, but the question is where the job market is heading, not how long it takes
        Answer a = qa.answer("我是程序员，AI会不会取代程序员", null, Optional.empty());
        // THEN
        assertThat(a.confident()).isFalse();
        assertThat(a.text()).contains("就业行情");
    }

    @Test
    void givenRoadmapQuestionsAboutTheSameResources_whenAsked_thenStillAnswered() {
        // WHEN
        Answer course = qa.answer("is andrew ng's machine learning specialization a good start for classic ML?", null,
                Optional.empty());
        Answer maths = qa.answer("数学要学到什么程度，线性代数和概率都要吗", null, Optional.empty());
        // THEN
        assertThat(course.confident()).isTrue();
        assertThat(course.topic()).isEqualTo("classic-ml");
        assertThat(maths.confident()).isTrue();
        assertThat(maths.text()).contains("线性代数");
    }

    @Test
    void givenAStatedSituationMentioningHardware_whenAskedHowLong_thenTheSituationIsAnswered() {
        // WHEN: the situation and its time question win over a mention of the asker's laptop
        Answer a = qa.answer("Java dev, only a cheap laptop, 10 hours a week, how long to become an MLE?", null,
                Optional.empty());
        // THEN
        assertThat(a.confident()).isTrue();
        assertThat(a.topic()).isEqualTo("situation");
    }

    @Test
    void givenAStatedSituation_whenAnswered_thenThePersonalEstimateComesWithTheArticlesOwnWordForThatStart() {
        // WHEN an analyst and a Chinese developer with little time ask how long
        Answer en = qa.answer("data analyst here, sql and dashboards all day, how long till I can apply for MLE roles?",
                null, Optional.empty());
        Answer zh = qa.answer("swe w/ 5 yoe, can do 1-2h after work each evening. how many months?", null, Optional.empty());
        Answer dev = qa.answer("做后端开发三年了，每周能学10小时，转机器学习工程师要多久", null, Optional.empty());
        // THEN each gets the estimate for the hours and what the article says for that starting point
        assertThat(en.topic()).isEqualTo("situation");
        assertThat(en.text()).contains("What the article says for this starting point:").contains("a few months");
        assertThat(zh.topic()).isEqualTo("situation");
        assertThat(zh.text()).contains("already a developer").contains("six months");
        assertThat(dev.text()).contains("文章对这个起点的说法：").contains("六个月");
    }

    @Test
    void givenAChattyMessageNamingTheArticle_whenOneTopicIsFarAhead_thenItIsAnswered() {
        // WHEN the asker says it is about the article, among words about themselves
        Answer zh = qa.answer("兄弟们 文章里说的最坑的bug到底是哪种 肯定不是爆显存吧", null, Optional.empty());
        Answer en = qa.answer("my coworkers keep talking about mlops in standups and i just nod along, where does the "
                + "roadmap say to learn it", null, Optional.empty());
        // THEN the topic far ahead of the others answers
        assertThat(zh.confident()).isTrue();
        assertThat(zh.topic()).isEqualTo("silent-bugs");
        assertThat(en.confident()).isTrue();
        assertThat(en.topic()).isEqualTo("mlops");
    }

    @Test
    void givenAChattyQuestionWithAClearLeadingTopic_whenNotSure_thenItIsOfferedRatherThanADeadEnd() {
        // WHEN the question's words are few among many about the asker
        Answer a = qa.answer("眼睛不好 下班后不想再盯屏幕看网课了 这条路线里有没有推荐纸质书", null, Optional.empty());
        // THEN either answered or offered, never "not sure" with nothing to press
        assertThat(a.confident() ? List.of(a.topic())
                : a.suggestions().stream().map(Answer.Suggestion::id).toList()).contains("books");
    }

    @Test
    void givenNumberedQuestions_whenAsked_thenEachPartAnswered() {
        // WHEN
        Answer en = qa.answer("two questions: 1) which books are on the roadmap 2) what is MLOps", null, Optional.empty());
        Answer zh = qa.answer("两个问题：1. 推荐哪些书 2. MLOps学什么课", null, Optional.empty());
        // THEN
        assertThat(en.topic()).isEqualTo("books+mlops");
        assertThat(en.text()).contains("Dead Simple Python").contains("Full Stack Deep Learning");
        assertThat(zh.topic()).isEqualTo("books+mlops");
        assertThat(zh.text()).contains("Dead Simple Python").contains("Full Stack Deep Learning");
    }

    @Test
    void givenPastAStageInWordsTheIndexIsUnsureOf_whenAsked_thenTheStageAfterIt() {
        // WHEN: the meaning picks the classic-ML topic; being past it means the question is about what follows
        Answer zh = qa.answer("学完经典机器学习接下来学啥", null, Optional.empty());
        // THEN
        assertThat(zh.confident()).isTrue();
        assertThat(zh.topic()).isEqualTo("deep-learning");
    }

    @Test
    void givenColloquialChinese_whenAsked_thenTheTopicItMeans() {
        // WHEN / THEN: 干啥 = 做什么, 大佬 = others, 好菜 = discouraged
        assertThat(qa.answer("你能帮我干啥", null, Optional.empty()).topic()).isEqualTo("bot-help");
        assertThat(qa.answer("MLE是干啥的", null, Optional.empty()).topic()).isEqualTo("role");
        assertThat(qa.answer("群里大佬太多了，感觉自己好菜，学不下去了", null, Optional.empty()).topic())
                .isEqualTo("motivation");
    }

    @Test
    void givenTheTimeTopicsWordsWithoutATimeQuestion_whenAsked_thenNotTheTimeEstimate() {
        // WHEN
        Answer en = qa.answer("sum up the whole roadmap in 5 points for me", null, Optional.empty());
        Answer zh = qa.answer("把整个路线图浓缩成五点", null, Optional.empty());
        Answer time = qa.answer("how long does the whole roadmap take", null, Optional.empty());
        // THEN: the summary, not "it depends on where you start"; a time question keeps the estimate
        assertThat(en.topic()).isEqualTo("summary");
        assertThat(zh.topic()).isEqualTo("summary");
        assertThat(time.topic()).isEqualTo("time-overview");
    }

    @Test
    void givenOneQuestionWithAComma_whenAsked_thenNotCutApart() {
        assertThat(qa.answer("where do I start, total beginner here", Lang.EN, Optional.empty()).topic()).doesNotContain("+");
    }

    @Test
    void givenWhatTheArticleSaysButNoTopicHolds_whenAsked_thenPassageTiedToItsStage() {
        Answer a = qa.topic("article:software-engineering", Lang.ZH, Optional.empty()).orElseThrow();
        assertThat(a.text()).startsWith("文章原文（").contains("Fullstackopen");
        assertThat(a.relatedUnits()).contains("fso-1");
    }

    @Test
    void givenPreviousStageTopic_whenAfterThatOrWhy_thenNextStageOrTheArticlesReason() {
        assertThat(qa.followUp("and after that?", "classic-ml", Lang.EN, Optional.empty()))
                .map(Answer::topic).contains("deep-learning");
        assertThat(qa.followUp("那之后呢", "deep-learning", Lang.ZH, Optional.empty()))
                .map(Answer::topic).contains("choose-domain");
        assertThat(qa.followUp("why?", "why-software", Lang.EN, Optional.empty()))
                .map(Answer::topic).hasValueSatisfying(t -> assertThat(t).startsWith("article:"));
        // not a follow-up: a real question
        assertThat(qa.followUp("which maths do I need?", "classic-ml", Lang.EN, Optional.empty())).isEmpty();
    }
}
