package studybuddy.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {

    @ParameterizedTest
    @CsvSource({"Europe/Berlin,Europe/Berlin", "europe/berlin,Europe/Berlin", "Berlin,Europe/Berlin",
            "new york,America/New_York", "上海,Asia/Shanghai", "Beijing,Asia/Shanghai", "Tokyo,Asia/Tokyo", "UTC,UTC",
            "Asia/shanghai,Asia/Shanghai", "北京时间,Asia/Shanghai", "东八区,Asia/Shanghai", "UTC+0,UTC", "GMT-00:00,UTC"})
    void givenNamedZone_whenParsed_thenIanaZoneThatFollowsDst(String input, String expected) {
        TimezoneParser.Result r = TimezoneParser.parse(input).orElseThrow();
        assertThat(r.zone()).isEqualTo(ZoneId.of(expected));
        assertThat(r.fixedOffset()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"UTC+8,+08:00", "+05:30,+05:30", "GMT-3,-03:00", "utc + 1,+01:00",
            "+0530,+05:30", "GMT+8,+08:00", "UTC＋8,+08:00", "UTC−5,-05:00", "UTC+5：45,+05:45"})
    void givenOffset_whenParsed_thenFixedOffsetFlagged(String input, String expected) {
        TimezoneParser.Result r = TimezoneParser.parse(input).orElseThrow();
        assertThat(r.zone()).isEqualTo(ZoneOffset.of(expected));
        assertThat(r.fixedOffset()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "", "UTC+99", "'; drop table learner; --", "🚀"})
    void givenNonsense_whenParsed_thenEmpty(String input) {
        assertThat(TimezoneParser.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"09:00,09:00", "9,09:00", "7pm,19:00", "12am,00:00", "21点,21:00", "晚上8点,20:00", "19.30,19:30",
            "9.30,09:30", "12pm,12:00", "12 am,00:00", "上午9点,09:00", "早上7点半,07:30", "晚上9点半,21:30",
            "下午3点15分,15:15", "中午12点,12:00", "中午1点,13:00", "晚上12点,00:00", "晚上9:30,21:30", "noon,12:00"})
    void givenTime_whenParsed_thenWallClock(String input, String expected) {
        assertThat(SettingParsers.time(input)).contains(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "13pm", "9:75", "noon-ish", "上午15点", "晚上7pm", "0am"})
    void givenBadTime_whenParsed_thenEmpty(String input) {
        assertThat(SettingParsers.time(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"mon,MONDAY", "Sunday,SUNDAY", "周三,WEDNESDAY", "星期天,SUNDAY", "5,FRIDAY"})
    void givenDay_whenParsed_thenDayOfWeek(String input, DayOfWeek expected) {
        assertThat(SettingParsers.day(input)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"8,8", "8h,8", "10 hours,10", "12小时,12"})
    void givenHours_whenParsed_thenNumber(String input, int expected) {
        assertThat(SettingParsers.hours(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "81", "-3", "lots", "1000000000000"})
    void givenAbsurdHours_whenParsed_thenEmpty(String input) {
        assertThat(SettingParsers.hours(input)).isEmpty();
    }
}
