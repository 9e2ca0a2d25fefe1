package studybuddy.when;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import studybuddy.learner.SettingParsers;

/** The clock-time grammar onboarding and /remind share, through onboarding's entry point. */
class ClockTimeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "7pm            | 19:00", "7 PM           | 19:00", "7.30 p.m.      | 19:30", "half past 7 pm | 19:30",
            "quarter to 8   | 07:45", "7 o'clock      | 07:00", "19h30          | 19:30", "midnight       | 00:00",
            "noon           | 12:00", "晚上8点        | 20:00", "晚上八点       | 20:00", "九点半         | 09:30",
            "下午3:30       | 15:30", "8点一刻        | 08:15", "晚上8点三刻    | 20:45", "十九点         | 19:00",
            "１９：００     | 19:00", "晚上１０点     | 22:00", "8 in the evening | 20:00", "凌晨12点     | 00:00"})
    void givenATimeAsPeopleTypeIt_whenParsedForOnboarding_thenTheWallClockTime(String input, String expected) {
        assertThat(SettingParsers.time(input)).contains(LocalTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"24:00", "7pm tomorrow", "下午7pm", "上午15点", "seven", "13am", "晚上", "7 in the evening at night"})
    void givenSomethingElse_whenParsedForOnboarding_thenNoTime(String input) {
        assertThat(SettingParsers.time(input)).isEmpty();
    }
}
