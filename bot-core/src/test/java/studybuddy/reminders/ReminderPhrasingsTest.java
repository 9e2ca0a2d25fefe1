package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reminder phrasings as learners write them, in English and Chinese, each with the exact rule it must give in the
 * learner's zone at a fixed moment: Wednesday 2026-05-06 10:00 (English in Europe/Berlin, Chinese in
 * Asia/Shanghai). Columns: what follows /remind | the rule (local times) | the reminder text.
 */
class ReminderPhrasingsTest {
    static final ZonedDateTime EN_NOW = ZonedDateTime.of(2026, 5, 6, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    static final ZonedDateTime ZH_NOW = ZonedDateTime.of(2026, 5, 6, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    private static final String ENGLISH = """
            me every monday at 19:00 to study           | weekly MON 19:00                | study
            tomorrow 7pm call mom                       | once 2026-05-07T19:00           | call mom
            8am standup                                 | once 2026-05-07T08:00           | standup
            tonight review notes                        | once 2026-05-06T20:00           | review notes
            next monday plan the week                   | once 2026-05-11T09:00           | plan the week
            in 90 seconds stretch                       | once 2026-05-06T10:01:30        | stretch
            23:44 check the oven                        | once 2026-05-06T23:44           | check the oven
            every weekday 8am flashcards                | weekly MON,TUE,WED,THU,FRI 08:00 | flashcards
            every other day 21:00 one exercise          | every 2d from 2026-05-06 21:00  | one exercise
            in 1h30 break                               | once 2026-05-06T11:30           | break
            tomorrow at 7pm review                      | once 2026-05-07T19:00           | review
            at 7pm tomorrow review                      | once 2026-05-07T19:00           | review
            7pm tomorrow review                         | once 2026-05-07T19:00           | review
            tomorrow 19:00 review notes                 | once 2026-05-07T19:00           | review notes
            tomorrow morning run                        | once 2026-05-07T09:00           | run
            tomorrow evening at 8 read                  | once 2026-05-07T20:00           | read
            tomorrow afternoon call the bank            | once 2026-05-07T15:00           | call the bank
            tomorrow at noon lunch with Ana             | once 2026-05-07T12:00           | lunch with Ana
            tomorrow at midnight submit                 | once 2026-05-08T00:00           | submit
            today 18:00 gym                             | once 2026-05-06T18:00           | gym
            today at 6pm gym                            | once 2026-05-06T18:00           | gym
            this evening read chapter 3                 | once 2026-05-06T20:00           | read chapter 3
            this afternoon quiz                         | once 2026-05-06T15:00           | quiz
            tonight at 9 watch the lecture              | once 2026-05-06T21:00           | watch the lecture
            tonight at 9:30pm watch                     | once 2026-05-06T21:30           | watch
            9pm tonight watch the lecture               | once 2026-05-06T21:00           | watch the lecture
            at 5 in the afternoon tea                   | once 2026-05-06T17:00           | tea
            at 8 in the evening read                    | once 2026-05-06T20:00           | read
            7.30pm revise                               | once 2026-05-06T19:30           | revise
            7:30 pm revise                              | once 2026-05-06T19:30           | revise
            11am meeting                                | once 2026-05-06T11:00           | meeting
            12pm lunch                                  | once 2026-05-06T12:00           | lunch
            12am backup                                 | once 2026-05-07T00:00           | backup
            noon lunch                                  | once 2026-05-06T12:00           | lunch
            midnight sleep                              | once 2026-05-07T00:00           | sleep
            half past 6 pm dinner                       | once 2026-05-06T18:30           | dinner
            quarter to 8 pm call                        | once 2026-05-06T19:45           | call
            at 7 o'clock stretch                        | once 2026-05-07T07:00           | stretch
            in 10 minutes tea                           | once 2026-05-06T10:10           | tea
            in 10 min tea                               | once 2026-05-06T10:10           | tea
            in 5 mins tea                               | once 2026-05-06T10:05           | tea
            in 2h stretch                               | once 2026-05-06T12:00           | stretch
            in 2 hours stretch                          | once 2026-05-06T12:00           | stretch
            in an hour check the oven                   | once 2026-05-06T11:00           | check the oven
            in half an hour tea                         | once 2026-05-06T10:30           | tea
            in an hour and a half leave                 | once 2026-05-06T11:30           | leave
            in 1.5 hours leave                          | once 2026-05-06T11:30           | leave
            in 1 hour and 30 minutes leave              | once 2026-05-06T11:30           | leave
            in 1h 30m leave                             | once 2026-05-06T11:30           | leave
            in 45m leave                                | once 2026-05-06T10:45           | leave
            in 3 days review                            | once 2026-05-09T10:00           | review
            in a week review                            | once 2026-05-13T10:00           | review
            in 2 weeks review                           | once 2026-05-20T10:00           | review
            in 3 days at 9am review                     | once 2026-05-09T09:00           | review
            90 minutes from now leave                   | once 2026-05-06T11:30           | leave
            in 30 seconds test                          | once 2026-05-06T10:00:30        | test
            after 20 minutes tea                        | once 2026-05-06T10:20           | tea
            in 1 day review notes                       | once 2026-05-07T10:00           | review notes
            in two hours stretch                        | once 2026-05-06T12:00           | stretch
            next friday 6pm submit                      | once 2026-05-08T18:00           | submit
            friday 6pm submit                           | once 2026-05-08T18:00           | submit
            on friday at 6pm submit                     | once 2026-05-08T18:00           | submit
            this friday submit                          | once 2026-05-08T09:00           | submit
            wednesday 9am quiz                          | once 2026-05-13T09:00           | quiz
            wednesday 3pm quiz                          | once 2026-05-06T15:00           | quiz
            next wednesday 3pm quiz                     | once 2026-05-13T15:00           | quiz
            next week plan                              | once 2026-05-11T09:00           | plan
            the day after tomorrow exam                 | once 2026-05-08T09:00           | exam
            day after tomorrow 8am exam                 | once 2026-05-08T08:00           | exam
            dec 25 gifts                                | once 2026-12-25T09:00           | gifts
            december 25th at 3pm gifts                  | once 2026-12-25T15:00           | gifts
            25 dec gifts                                | once 2026-12-25T09:00           | gifts
            1st of june 10:00 deadline                  | once 2026-06-01T10:00           | deadline
            jan 3 2027 9am back to work                 | once 2027-01-03T09:00           | back to work
            2026-12-01 08:30 exam                       | once 2026-12-01T08:30           | exam
            2026/12/01 08:30 exam                       | once 2026-12-01T08:30           | exam
            may 5 birthday                              | once 2027-05-05T09:00           | birthday
            every day 21:00 flashcards                  | daily 21:00                     | flashcards
            every day at 9pm flashcards                 | daily 21:00                     | flashcards
            daily 7am vitamins                          | daily 07:00                     | vitamins
            everyday 7am vitamins                       | daily 07:00                     | vitamins
            every morning review                        | daily 09:00                     | review
            every evening at 8 read                     | daily 20:00                     | read
            every night at 10 journal                   | daily 22:00                     | journal
            nightly 22:30 journal                       | daily 22:30                     | journal
            every mon 09:00 plan                        | weekly MON 09:00                | plan
            every monday and wednesday at 7pm gym       | weekly MON,WED 19:00            | gym
            every mon, wed and fri 6:30am run           | weekly MON,WED,FRI 06:30        | run
            every tue/thu 18:00 class                   | weekly TUE,THU 18:00            | class
            mondays and thursdays at 19:00 study        | weekly MON,THU 19:00            | study
            on mondays 8am plan                         | weekly MON 08:00                | plan
            every monday to friday at 7am wake up       | weekly MON,TUE,WED,THU,FRI 07:00 | wake up
            weekdays at 8am flashcards                  | weekly MON,TUE,WED,THU,FRI 08:00 | flashcards
            every workday 9am standup                   | weekly MON,TUE,WED,THU,FRI 09:00 | standup
            every weekend 10am long study               | weekly SAT,SUN 10:00            | long study
            weekends at 10 review                       | weekly SAT,SUN 10:00            | review
            every 2 days 21:00 review                   | every 2d from 2026-05-06 21:00  | review
            every 3 days at 8pm review                  | every 3d from 2026-05-06 20:00  | review
            every other day at 7am run                  | every 2d from 2026-05-07 07:00  | run
            every second day 7pm run                    | every 2d from 2026-05-06 19:00  | run
            every week review                           | weekly WED 09:00                | review
            weekly on friday 5pm retro                  | weekly FRI 17:00                | retro
            every other week on monday 9am one to one   | every 14d from 2026-05-11 09:00 | one to one
            every 2 weeks on friday 5pm retro           | every 14d from 2026-05-08 17:00 | retro
            every other monday 9am sync                 | every 14d from 2026-05-11 09:00 | sync
            biweekly on thursday 18:00 meetup           | every 14d from 2026-05-07 18:00 | meetup
            every fortnight 09:00 review                | every 14d from 2026-05-13 09:00 | review
            remind me to study every monday at 19:00    | weekly MON 19:00                | study
            me to drink water at 3pm                    | once 2026-05-06T15:00           | drink water
            to call mom tomorrow at 6pm                 | once 2026-05-07T18:00           | call mom
            review notes in 2 hours                     | once 2026-05-06T12:00           | review notes
            submit the report next friday               | once 2026-05-08T09:00           | submit the report
            stretch every weekday at 11am               | weekly MON,TUE,WED,THU,FRI 11:00 | stretch
            TOMORROW 7PM Call Mom                       | once 2026-05-07T19:00           | Call Mom
            Every Monday At 19:00 Study                 | weekly MON 19:00                | Study
            tmrw 8am gym                                | once 2026-05-07T08:00           | gym
            in １０ min tea                              | once 2026-05-06T10:10           | tea
            at 15:00 call                               | once 2026-05-06T15:00           | call
            @ 15:00 call                                | once 2026-05-06T15:00           | call
            tomorrow 9 am gym                           | once 2026-05-07T09:00           | gym
            8 pm read                                   | once 2026-05-06T20:00           | read
            tomorrow 7pm do the 2 exercises             | once 2026-05-07T19:00           | do the 2 exercises
            tomorrow 19:00 morning run                  | once 2026-05-07T19:00           | morning run
            every sat and sun at 10 long study          | weekly SAT,SUN 10:00            | long study
            every thursday 7pm: group call              | weekly THU 19:00                | group call
            tomorrow, 8am, gym                          | once 2026-05-07T08:00           | gym
            """;

    private static final String CHINESE = """
            每天晚上9点 背单词                   | daily 21:00                       | 背单词
            明天晚上7点 复习                     | once 2026-05-07T19:00             | 复习
            每天晚上9点背单词                    | daily 21:00                       | 背单词
            明天晚上7点复习笔记                  | once 2026-05-07T19:00             | 复习笔记
            下周一早上 制定计划                  | once 2026-05-11T09:00             | 制定计划
            每周三和周五晚上 学习                | weekly WED,FRI 20:00              | 学习
            每周三和周五晚上8点 学习             | weekly WED,FRI 20:00              | 学习
            每周一三五早上7点 跑步               | weekly MON,WED,FRI 07:00          | 跑步
            每周一、三、五 19:00 健身            | weekly MON,WED,FRI 19:00          | 健身
            每周一到周五 早上8点 背单词          | weekly MON,TUE,WED,THU,FRI 08:00  | 背单词
            周一到周五早上8点 背单词             | weekly MON,TUE,WED,THU,FRI 08:00  | 背单词
            工作日早上8点 背单词                 | weekly MON,TUE,WED,THU,FRI 08:00  | 背单词
            每个工作日 8:00 背单词               | weekly MON,TUE,WED,THU,FRI 08:00  | 背单词
            每个周末上午10点 复习                | weekly SAT,SUN 10:00              | 复习
            每周末 10:00 复习                    | weekly SAT,SUN 10:00              | 复习
            隔天晚上9点 练习                     | every 2d from 2026-05-06 21:00    | 练习
            每隔一天 21:00 练习                  | every 2d from 2026-05-06 21:00    | 练习
            每两天 21:00 练习                    | every 2d from 2026-05-06 21:00    | 练习
            每3天 20:00 练习                     | every 3d from 2026-05-06 20:00    | 练习
            每隔两天 20:00 练习                  | every 3d from 2026-05-06 20:00    | 练习
            每两周周五 17:00 复盘                | every 14d from 2026-05-08 17:00   | 复盘
            每隔一周 周一 9:00 一对一            | every 14d from 2026-05-11 09:00   | 一对一
            每周一 09:00 计划本周                | weekly MON 09:00                  | 计划本周
            每星期二 晚上8点 上课                | weekly TUE 20:00                  | 上课
            每个星期天 下午3点 总结              | weekly SUN 15:00                  | 总结
            每礼拜六 10点 大扫除                 | weekly SAT 10:00                  | 大扫除
            每周 复盘                            | weekly WED 09:00                  | 复盘
            每天 21:00 背卡片                    | daily 21:00                       | 背卡片
            每日 7:00 打卡                       | daily 07:00                       | 打卡
            天天早上7点 晨读                     | daily 07:00                       | 晨读
            每晚10点 写日记                      | daily 22:00                       | 写日记
            每天早上 背单词                      | daily 09:00                       | 背单词
            每天中午12点半 午休                  | daily 12:30                       | 午休
            每天下午3点15分 喝水                 | daily 15:15                       | 喝水
            明天 19:00 复习笔记                  | once 2026-05-07T19:00             | 复习笔记
            明天早上8点 跑步                     | once 2026-05-07T08:00             | 跑步
            明天上午9点半 开会                   | once 2026-05-07T09:30             | 开会
            明天中午 吃饭                        | once 2026-05-07T12:00             | 吃饭
            明天下午3点 开会                     | once 2026-05-07T15:00             | 开会
            明早8点 跑步                         | once 2026-05-07T08:00             | 跑步
            明晚 看课程                          | once 2026-05-07T20:00             | 看课程
            明晚9点 看课程                       | once 2026-05-07T21:00             | 看课程
            今晚8点 复习                         | once 2026-05-06T20:00             | 复习
            今晚 复习                            | once 2026-05-06T20:00             | 复习
            今天下午4点 交作业                   | once 2026-05-06T16:00             | 交作业
            后天 上午10点 考试                   | once 2026-05-08T10:00             | 考试
            大后天 考试                          | once 2026-05-09T09:00             | 考试
            下周一 计划                          | once 2026-05-11T09:00             | 计划
            下周五晚上7点 聚会                   | once 2026-05-15T19:00             | 聚会
            这周五 下午5点 交报告                | once 2026-05-08T17:00             | 交报告
            本周六 上午10点 图书馆               | once 2026-05-09T10:00             | 图书馆
            周五 晚上8点 看电影                  | once 2026-05-08T20:00             | 看电影
            星期天 下午 整理笔记                 | once 2026-05-10T15:00             | 整理笔记
            下下周一 交论文                      | once 2026-05-18T09:00             | 交论文
            下个星期三 上课                      | once 2026-05-13T09:00             | 上课
            晚上9点 复习                         | once 2026-05-06T21:00             | 复习
            9点 开会                             | once 2026-05-07T09:00             | 开会
            21点 复习                            | once 2026-05-06T21:00             | 复习
            晚上九点半 复习                      | once 2026-05-06T21:30             | 复习
            下午三点 开会                        | once 2026-05-06T15:00             | 开会
            八点一刻 早会                        | once 2026-05-07T08:15             | 早会
            晚上8点三刻 散步                     | once 2026-05-06T20:45             | 散步
            10分钟后 喝水                        | once 2026-05-06T10:10             | 喝水
            十分钟后 喝水                        | once 2026-05-06T10:10             | 喝水
            半小时后 活动一下                    | once 2026-05-06T10:30             | 活动一下
            一个半小时后 出门                    | once 2026-05-06T11:30             | 出门
            2小时后 活动一下                     | once 2026-05-06T12:00             | 活动一下
            两个小时后 休息                      | once 2026-05-06T12:00             | 休息
            1小时30分钟后 出门                   | once 2026-05-06T11:30             | 出门
            90秒后 关火                          | once 2026-05-06T10:01:30          | 关火
            过10分钟 喝水                        | once 2026-05-06T10:10             | 喝水
            3天后 复习                           | once 2026-05-09T10:00             | 复习
            3天后早上8点 复习                    | once 2026-05-09T08:00             | 复习
            一周后 复习                          | once 2026-05-13T10:00             | 复习
            12月25日 买礼物                      | once 2026-12-25T09:00             | 买礼物
            12月25号晚上8点 聚会                 | once 2026-12-25T20:00             | 聚会
            2027年1月3日 上午9点 开学            | once 2027-01-03T09:00             | 开学
            20号 交房租                          | once 2026-05-20T09:00             | 交房租
            提醒我明天晚上7点复习                | once 2026-05-07T19:00             | 复习
            明天晚上7点提醒我复习                | once 2026-05-07T19:00             | 复习
            每天晚上9点提醒我背单词              | daily 21:00                       | 背单词
            晚上12点 睡觉                        | once 2026-05-07T00:00             | 睡觉
            凌晨1点 看比赛                       | once 2026-05-07T01:00             | 看比赛
            中午1点 午饭                         | once 2026-05-06T13:00             | 午饭
            ２０２６－１２－０１ ０８：３０ 考试 | once 2026-12-01T08:30             | 考试
            每周三和周五晚上8点半 学习           | weekly WED,FRI 20:30              | 学习
            复习 明天晚上7点                     | once 2026-05-07T19:00             | 复习
            明天 下午 3:30 开会                  | once 2026-05-07T15:30             | 开会
            明天晚上７点 复习                    | once 2026-05-07T19:00             | 复习
            每周二和周四 晚上7点半 上网课        | weekly TUE,THU 19:30              | 上网课
            每天早上7点，背单词                  | daily 07:00                       | 背单词
            """;

    static Stream<Arguments> english() {
        return rows(ENGLISH, EN_NOW);
    }

    static Stream<Arguments> chinese() {
        return rows(CHINESE, ZH_NOW);
    }

    private static Stream<Arguments> rows(String table, ZonedDateTime now) {
        return table.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] cols = l.split("\\|");
            return Arguments.of(cols[0].strip(), cols[1].strip(), cols[2].strip(), now);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"english", "chinese"})
    void givenAPhrasing_whenParsed_thenTheExactRuleInTheLearnersZoneAndTheText(String input, String rule, String text,
                                                                                ZonedDateTime now) {
        // GIVEN the fixed moment and zone of the table; WHEN
        ReminderParser.Result result = ReminderParser.parse(input, now);
        // THEN
        assertThat(result).isInstanceOfSatisfying(ReminderParser.Parsed.class, p -> {
            assertThat(show(p.rule(), now.getZone())).isEqualTo(rule);
            assertThat(p.text()).isEqualTo(text);
            assertThat(p.rule().zone()).isEqualTo(now.getZone());
        });
    }

    @org.junit.jupiter.api.Test
    void givenTheTables_whenCounted_thenAtLeast150Phrasings() {
        assertThat(english().count() + chinese().count()).isGreaterThanOrEqualTo(150);
    }

    /** A rule in words of the table, local times in {@code zone}. */
    static String show(ReminderRule r, ZoneId zone) {
        return switch (r.kind()) {
            case ONCE -> "once " + LocalDateTime.ofInstant(r.once(), zone);
            case DAILY -> "daily " + r.time();
            case WEEKLY -> "weekly " + r.days().stream().map(ReminderPhrasingsTest::abbr).collect(Collectors.joining(","))
                    + " " + r.time();
            case EVERY_N_DAYS -> "every " + r.everyDays() + "d from " + r.anchor() + " " + r.time();
        };
    }

    private static String abbr(DayOfWeek d) {
        return d.name().substring(0, 3);
    }

    static Instant instant(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static String[] split(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).toArray(String[]::new);
    }
}
