package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givenInOneDayAcrossSpringForward_whenParsed_thenSameWallClockTimeNextDay() {
        // GIVEN Saturday 2026-03-28 10:00 in Berlin (UTC+1); the clocks go forward that night
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 28, 10, 0, 0, 0, BERLIN);
        // WHEN
        ReminderParser.Result result = ReminderParser.parse("in 1 day review notes", now);
        // THEN Sunday 10:00 local (UTC+2), i.e. 23 h later, not 11:00
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Parsed.class, p -> {
            assertThat(p.rule().once()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
            assertThat(p.text()).isEqualTo("review notes");
        });
    }

    @Test
    void givenInTwoHoursAcrossSpringForward_whenParsed_thenTwoHoursOfElapsedTime() {
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, BERLIN);
        ReminderParser.Result result = ReminderParser.parse("in 2h stretch", now);
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Parsed.class,
                p -> assertThat(p.rule().once()).isEqualTo(now.toInstant().plusSeconds(7200)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "every 5 minutes drink      | every.often",
            "every hour stretch         | every.often",
            "每小时 喝水                  | every.often",
            "每月1号 交房租               | every.often",
            "every 0 days x             | every.zero",
            "tomorrow 25:00 x           | time.invalid",
            "明天 25:00 x                | time.invalid",
            "13pm x                     | time.invalid",
            "2026-02-30 08:00 x         | date.invalid",
            "feb 30 x                   | date.invalid",
            "today 08:00 x              | past",
            "this morning x             | past",
            "9999-12-01 08:30 x         | tooFar",
            "in 99999 days x            | tooFar",
            "in 0 minutes x             | in.zero",
            "tomorrow 7pm               | text.missing",
            "明天晚上7点                  | text.missing",
            "whenever you like x        | when.unknown",
            "someday maybe              | when.unknown",
            "every blue moon x          | every.unknown",
            "每周八 x                    | every.unknown",
            "me                         | when.missing"})
    void givenAPhrasingThatCannotBeARule_whenParsed_thenRefusedWithTheRightReason(String input, String key) {
        // GIVEN Wednesday 2026-05-06 10:00 in Berlin; WHEN
        ReminderParser.Result result = ReminderParser.parse(input, ZonedDateTime.of(2026, 5, 6, 10, 0, 0, 0, BERLIN));
        // THEN
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Refused.class, r -> assertThat(r.key()).isEqualTo(key));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource(delimiter = '|', value = {
            // Berlin springs forward on 2026-03-29 at 02:00: 02:30 does not exist and becomes 03:00 (01:00 UTC)
            "2026-03-28T10:00 | Europe/Berlin    | tomorrow 2:30am x      | 2026-03-29T01:00:00Z",
            "2026-03-28T10:00 | Europe/Berlin    | 明天凌晨2点半 x          | 2026-03-29T01:00:00Z",
            // elapsed hours stay elapsed: 24 h later is 11:00 local on the short day
            "2026-03-28T10:00 | Europe/Berlin    | in 24 hours x          | 2026-03-29T09:00:00Z",
            // a calendar day keeps the wall-clock time: 10:00 local, 23 h later
            "2026-03-28T10:00 | Europe/Berlin    | tomorrow 10am x        | 2026-03-29T08:00:00Z",
            // New York falls back on 2026-11-01: 01:30 happens twice, the earlier (EDT) is taken
            "2026-10-31T12:00 | America/New_York | tomorrow 1:30am x      | 2026-11-01T05:30:00Z",
            "2026-10-31T12:00 | America/New_York | next sunday 9am x      | 2026-11-01T14:00:00Z",
            "2026-10-31T23:00 | America/New_York | in 3 hours x           | 2026-11-01T06:00:00Z"})
    void givenAOneTimePhrasingNextToADstChange_whenParsed_thenTheExactInstant(String local, String zone, String input,
                                                                             String expected) {
        ZonedDateTime now = java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of(zone));
        assertThat(ReminderParser.parse(input, now)).isInstanceOfSatisfying(ReminderParser.Parsed.class,
                p -> assertThat(p.rule().once()).isEqualTo(Instant.parse(expected)));
    }

    @Test
    void givenEveryOtherDayAtATimeInTheSpringGap_whenAskedForOccurrences_thenTheGapDayFiresAtTheEndOfTheGap() {
        // GIVEN every other day at 02:30 from Friday 2026-03-27, Berlin
        ReminderRule rule = ReminderRule.everyDays(2, java.time.LocalDate.of(2026, 3, 27), java.time.LocalTime.of(2, 30),
                BERLIN);
        // WHEN
        Instant first = rule.nextAfter(Instant.parse("2026-03-26T12:00:00Z")).orElseThrow();
        Instant second = rule.nextAfter(first).orElseThrow();
        Instant third = rule.nextAfter(second).orElseThrow();
        // THEN 02:30 CET, 03:00 CEST (the gap), 02:30 CEST
        assertThat(List.of(first, second, third)).containsExactly(Instant.parse("2026-03-27T01:30:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void givenTenThousandCharacters_whenParsed_thenARefusalNotAHang() {
        ZonedDateTime now = ZonedDateTime.of(2026, 5, 6, 10, 0, 0, 0, BERLIN);
        long started = System.nanoTime();
        // GIVEN / WHEN words, Chinese characters and digits without a "when", and a long text after a good one
        ReminderParser.Result words = ReminderParser.parse("study ".repeat(1700), now);
        ReminderParser.Result chinese = ReminderParser.parse("复习一下".repeat(2500), now);
        ReminderParser.Result digits = ReminderParser.parse("1 2 3 ".repeat(1700), now);
        ReminderParser.Result longText = ReminderParser.parse("tomorrow 7pm " + "x".repeat(10_000), now);
        System.out.println("Four 10 000-character phrasings parsed in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        // THEN
        assertThat(List.of(words, chinese, digits)).allSatisfy(r -> assertThat(r).isInstanceOf(ReminderParser.Refused.class));
        assertThat(longText).isInstanceOfSatisfying(ReminderParser.Refused.class,
                r -> assertThat(r.key()).isEqualTo("text.tooLong"));
    }
}
