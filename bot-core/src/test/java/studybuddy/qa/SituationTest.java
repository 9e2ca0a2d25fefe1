package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import studybuddy.roadmap.Background;

class SituationTest {

    @Test
    void givenAgeJobAndDailyHours_whenRead_thenWeeklyHoursAndDeveloper() {
        Situation s = Situation.read("I'm 35, a Java dev, 2 hours a day, realistic?");
        assertThat(s.background()).contains(Background.DEVELOPER);
        assertThat(s.weeklyHours()).isEqualTo(14);
        assertThat(s.age()).isEqualTo(35);
        assertThat(s.asksTime()).isTrue();
        assertThat(s.weakMaths()).isFalse();
    }

    @Test
    void givenChineseSituation_whenRead_thenBackgroundHoursAndWeakMaths() {
        Situation arts = Situation.read("文科生，每周能学10个小时，大概要多久能转行");
        assertThat(arts.background()).contains(Background.SCRATCH);
        assertThat(arts.weeklyHours()).isEqualTo(10);
        assertThat(arts.asksTime()).isTrue();

        Situation dev = Situation.read("前端切图仔，数学很烂，每天两小时，来得及吗");
        assertThat(dev.background()).contains(Background.DEVELOPER);
        assertThat(dev.weeklyHours()).isEqualTo(14);
        assertThat(dev.weakMaths()).isTrue();
    }

    @Test
    void givenYearsInAStack_whenRead_thenDeveloper() {
        // GIVEN years in a stack rather than a job title
        Situation backend = Situation.read("php后端五年了 每晚学一个半小时 要多久");
        Situation years = Situation.read("写了3年java 想转机器学习");
        // THEN
        assertThat(backend.background()).contains(Background.DEVELOPER);
        assertThat(backend.asksTime()).isTrue();
        assertThat(years.background()).contains(Background.DEVELOPER);
        assertThat(Situation.read("我是前端,写了4年React,白天上班晚上学").background()).contains(Background.DEVELOPER);
    }

    @Test
    void givenARoleNamedAsWhoseJobItIs_whenRead_thenNotTheAskersBackground() {
        // GIVEN "is that the data scientist's job": another person's work
        Situation zh = Situation.read("统计学需要单独学吗,还是那是数据分析师的事");
        Situation en = Situation.read("do i need data wrangling too or is that the data scientist's job");
        // THEN
        assertThat(zh.background()).isEmpty();
        assertThat(en.background()).isEmpty();
        assertThat(Situation.read("我是数据分析师,想转MLE").background()).contains(Background.DATA_SCIENTIST);
    }

    @Test
    void givenTheArticlesDemandQuotedOrEnoughWithoutTime_whenRead_thenNoBackgroundNorTimeQuestion() {
        // GIVEN "a good software engineer" as what the article asks for, and "enough" about coding, not hours
        Situation s = Situation.read("凭什么MLE要当个软件工程师 懂点python还不够吗");
        // THEN
        assertThat(s.background()).isEmpty();
        assertThat(s.asksTime()).isFalse();
        assertThat(Situation.read("每天一小时时间够不够").asksTime()).isTrue();
    }

    @Test
    void givenAgeAndHours_whenFiguresRemoved_thenOnlyTheQuestionWordsStay() {
        // WHEN / THEN the asker's age and hours go, in both languages; the rest of the question stays
        assertThat(Situation.withoutFigures("I'm 35, 2 hours a day, which maths do I need"))
                .doesNotContain("35").doesNotContain("hours").contains("which maths do I need");
        assertThat(Situation.withoutFigures("32岁 每天能学两小时 数学要学哪些")).doesNotContain("32岁")
                .doesNotContain("两小时").contains("数学要学哪些");
        // and a message that is nothing but figures is kept as it is
        assertThat(Situation.withoutFigures("35岁")).isEqualTo("35岁");
    }

    @Test
    void givenAnalystOrFullTime_whenRead_thenDataScientistOr40Hours() {
        assertThat(Situation.read("data analyst, ~6h/week, timeline?").background()).contains(Background.DATA_SCIENTIST);
        assertThat(Situation.read("data analyst, ~6h/week, timeline?").weeklyHours()).isEqualTo(6);
        assertThat(Situation.read("零基础全职学要多久").weeklyHours()).isEqualTo(40);
    }

    @Test
    void givenRoadmapQuestionWithoutSituation_whenRead_thenNothingStated() {
        Situation s = Situation.read("which deep learning course is hands-on? 2 of them?");
        assertThat(s.statesSomething()).isFalse();
        assertThat(s.background()).isEqualTo(Optional.empty());
        // "machine learning engineer" is the goal, not the asker's job
        assertThat(Situation.read("机器学习工程师要会什么").statesSomething()).isFalse();
        // absurd figures are clamped to what /start accepts
        assertThat(Situation.read("I can do 500 hours a week").weeklyHours()).isEqualTo(80);
    }

    @Test
    void givenApproximateChineseFiguresOrMinutes_whenRead_thenWeeklyHours() {
        // GIVEN / WHEN / THEN: 十来个 is about ten, 十几个 ten-odd, 两三个 two or three, minutes are a daily habit
        assertThat(Situation.read("996之外每周能挤出十来个小时").weeklyHours()).isEqualTo(10);
        assertThat(Situation.read("每周十几个小时够不够").weeklyHours()).isEqualTo(15);
        assertThat(Situation.read("每天下班后两三个小时").weeklyHours()).isEqualTo(18);
        assertThat(Situation.read("一天一两个小时能学完吗").weeklyHours()).isEqualTo(11);
        assertThat(Situation.read("34 y/o, two kids, 45 min a night max, realistic?").weeklyHours()).isEqualTo(5);
        assertThat(Situation.read("每天40分钟").weeklyHours()).isEqualTo(5);
        assertThat(Situation.read("每周10个小时").weeklyHours()).isEqualTo(10);
        assertThat(Situation.read("做了几年 golang 开发，每周十来个小时").background()).contains(Background.DEVELOPER);
    }
}
