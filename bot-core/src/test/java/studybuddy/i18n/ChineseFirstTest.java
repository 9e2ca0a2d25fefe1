package studybuddy.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.InputNormalizer;
import studybuddy.command.Reply;
import studybuddy.qa.KnowledgeBase;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** A Chinese learner never sees English: language guessed first, Chinese commands, full-width input, typography. */
class ChineseFirstTest {
    private static final Pattern HALF_WIDTH_IN_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,:;()!?]|[,:;()!?][\\u4e00-\\u9fff《“「]");
    private static final String SETUP_ZH =
            "/setup background=developer path=software hours=8 timezone=Asia/Shanghai lang=zh day=mon time=09:00";

    private Database db;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A Telegram user whose app is in English, as many Chinese users' are. */
    private Reply say(String user, String line) {
        return core.dispatcher().handle(Caller.direct("telegram", user, user, Lang.EN), line).orElseThrow();
    }

    @Test
    void givenFirstMessageInChinese_whenStart_thenEveryOnboardingQuestionIsChinese() {
        // GIVEN an English platform locale and a first message in Chinese
        say("li", "你好");
        // WHEN they start and answer the questions
        List<String> questions = new ArrayList<>();
        questions.add(say("li", "/start").text());
        for (String answer : List.of("developer", "software", "8", "Asia/Shanghai")) {
            questions.add(say("li", answer).text());
        }
        // THEN every question (background, path, hours, timezone, language) came in Chinese
        assertThat(questions).allSatisfy(q -> assertThat(q).containsPattern("\\p{IsHan}{4}"));
        assertThat(questions.get(0)).contains("欢迎");
        assertThat(questions.get(2)).contains("每周");
    }

    @Test
    void givenEnglishLearnerMidSetup_whenAnsweringTheTimezoneWithAChineseCityName_thenStillEnglish() {
        // GIVEN an English learner at the timezone question
        say("ann", "/start");
        for (String answer : List.of("developer", "software", "8")) {
            say("ann", answer);
        }
        // WHEN they answer with the city name in Chinese, as the question suggests
        String next = say("ann", "上海").text();
        // THEN the next question is still in English
        assertThat(next).contains("Which language");
        assertThat(say("ann", "/help").text()).contains("walks you along");
    }

    @Test
    void givenChineseLearner_whenUnknownCommandOrCheckinUsage_thenChinese() {
        say("wang", "你好");
        assertThat(say("wang", "/foo").text()).contains("我不认识命令 /foo");
        assertThat(say("wang", "/checkin").text()).containsPattern("\\p{IsHan}{4}").doesNotContain("Check in with");
    }

    @Test
    void givenChineseCommandNames_whenTyped_thenTheyWorkAndHelpShowsThem() {
        // GIVEN / WHEN
        String start = say("zhao", "/开始").text();
        say("zhao", "/取消");
        say("zhao", SETUP_ZH);
        String next = say("zhao", "/下一步").text();
        String help = say("zhao", "/帮助").text();
        // THEN
        assertThat(start).contains("欢迎");
        assertThat(next).contains("下一步").contains("机器学习");
        assertThat(help).contains("/next（/下一步）").contains("/progress（/进度）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"／next", "/next，", "/next！", "/next。", "／ｎｅｘｔ", "/next ，", "　/next"})
    void givenFullWidthFormsAndTrailingPunctuation_whenTyped_thenTheCommandWorks(String typed) {
        say("qian", SETUP_ZH);
        assertThat(say("qian", typed).text()).startsWith("**下一步");
    }

    @Test
    void givenFullWidthDigits_whenSetupAndDialogueAnswer_thenRead() {
        // one line with a full-width number and a trailing comma
        assertThat(say("sun", "/setup background=developer path=software hours=１２ timezone=Asia/Shanghai lang=zh day=mon time=０９：００，").text())
                .contains("每周 12 小时").contains("09:00");
        // a dialogue answer typed with full-width digits
        say("sun", "/setup hours");
        assertThat(say("sun", "１０").text()).contains("每周 10 小时");
        assertThat(InputNormalizer.normalize("/remind 明天 19：30 复习，")).isEqualTo("/remind 明天 19:30 复习");
        assertThat(InputNormalizer.normalize("什么是 MLOps？")).isEqualTo("什么是 MLOps？");
    }

    @Test
    void givenChineseTexts_whenShown_thenChineseTypographyAndTwentyFourHourTimes() {
        // every Q&A answer in Chinese, as served
        KnowledgeBase kb = KnowledgeBase.load();
        List<String> bad = new ArrayList<>();
        for (KnowledgeBase.Entry e : kb.entries()) {
            String served = ChineseTypography.fix(e.answer().in(Lang.ZH));
            if (HALF_WIDTH_IN_CHINESE.matcher(served).find()) {
                bad.add(e.id() + ": " + served);
            }
        }
        assertThat(bad).isEmpty();
        assertThat(ChineseTypography.fix("开发人员,很快就能创造价值:下班后(大约)学 18:00 见 https://x.org/a?b=c"))
                .isEqualTo("开发人员，很快就能创造价值：下班后（大约）学 18:00 见 https://x.org/a?b=c");
        // times: 24-hour, never 上午/下午
        ZonedDateTime t = ZonedDateTime.of(2026, 12, 1, 0, 36, 0, 0, ZoneId.of("Asia/Shanghai"));
        assertThat(TimeFormats.dateTime(Lang.ZH, t)).isEqualTo("2026年12月1日 00:36");
        assertThat(TimeFormats.dateTime(Lang.ZH, t.withHour(12))).doesNotContain("上午").doesNotContain("下午");
    }

    @Test
    void givenChineseAnswer_whenAskedInChinese_thenChinesePunctuation() {
        say("zhou", SETUP_ZH);
        String answer = say("zhou", "开发人员要学多久？").text();
        assertThat(answer).containsPattern("\\p{IsHan}").doesNotContainPattern(HALF_WIDTH_IN_CHINESE.pattern());
    }
}
