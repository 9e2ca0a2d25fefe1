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
}
