package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/**
 * Spaced review on Discord with real JDA against {@link FakeDiscord}: a due review arrives as a DM with one button
 * per option, pressing one answers it, and /progress puts its picture in the embed.
 */
class DiscordReviewTest {
    private static final String ANA = "700000000000000301";
    private static final String DM_CHANNEL = "55" + ANA.substring(2);
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant SUNDAY_0900_BERLIN = Instant.parse("2026-11-29T08:00:00Z");

    private FakeDiscord discord;
    private Database db;
    private ShardManager shards;
    private ExecutorService executor;
    private MutableClock clock;
    private BotCore core;
    private DiscordInbox inbox;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        db = TestDatabase.fresh(6);
        clock = new MutableClock(START);
        core = new BotCore(db, clock);
        executor = Executors.newFixedThreadPool(2);
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", DiscordConfigTest.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        DiscordInteractionRouter router = new DiscordInteractionRouter(core.dispatcher());
        inbox = new DiscordInbox(db, clock, router, executor, 2).start();
        shards = DiscordBot.start(config, new DiscordListener(router, executor,
                DiscordCommandTranslator.translate(core.dispatcher().specs()), config.guildId(), inbox));
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
        core.registerSender(DiscordMessageSender.over(shards, core.learners()));
    }

    @AfterEach
    void stop() throws Exception {
        if (inbox != null) {
            inbox.close();
        }
        if (shards != null) {
            shards.shutdown();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (discord != null) {
            discord.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("a due review is a DM with a button per option; pressing the right one answers it")
    void givenDueReview_whenSentAndButtonPressed_thenAnswered() throws Exception {
        // GIVEN Ana (Berlin, check-ins at 09:00) finished a unit on Friday
        Caller ana = new Caller("discord", ANA, ANA, false, false, "ana", Lang.EN);
        core.dispatcher().handle(ana, "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en"
                + " day=mon time=09:00");
        core.dispatcher().handle(ana, "/done cs50-1");

        // WHEN the review sweep runs at Sunday 09:00 Berlin and the outbox is sent through JDA
        clock.set(SUNDAY_0900_BERLIN);
        assertThat(core.reviews().sweep()).isEqualTo(1);
        core.outboxSender().drain();

        // THEN a DM holds the question and one button per option, each a /review answer action
        FakeDiscord.Request dm = discord.await(r -> r.method().equals("POST")
                && r.path().equals("channels/" + DM_CHANNEL + "/messages") && r.body().contains("binary search"), "the quiz DM");
        DataArray buttons = dm.json().getArray("components").getObject(0).getArray("components");
        assertThat(buttons.length()).isEqualTo(4);
        String right = null;
        for (int i = 0; i < buttons.length(); i++) {
            DataObject b = buttons.getObject(i);
            assertThat(b.getString("custom_id")).startsWith("/review answer ");
            if (b.getString("label").equals("It must be sorted")) {
                right = b.getString("custom_id");
            }
        }
        assertThat(right).isNotNull();

        // WHEN she presses the right button
        String id = snowflake();
        discord.dispatch("INTERACTION_CREATE", press(id, "tok-right", right));
        // THEN the answer counts and the reply says when the unit comes back
        FakeDiscord.Request reply = discord.await(r -> r.path().startsWith("webhooks/" + FakeDiscord.BOT_ID + "/tok-right")
                && r.body().contains("Right!"), "the answer's reply");
        assertThat(reply.body()).contains("in 7 days");
        assertThat(count("select count(*) from review_answer where correct")).isEqualTo(1);
    }

    @Test
    @DisplayName("/progress on Discord shows its picture as the embed's image")
    void givenProgress_whenAsked_thenEmbedImage() throws Exception {
        Caller ana = new Caller("discord", ANA, ANA, false, false, "ana", Lang.EN);
        core.dispatcher().handle(ana, "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en"
                + " day=mon time=09:00");
        core.dispatcher().handle(ana, "/done cs50-1");
        var progress = core.dispatcher().handle(ana, "/progress").orElseThrow();
        DiscordResponse rendered = DiscordRenderer.render(progress, false);
        var message = rendered.messages().get(rendered.messages().size() - 1);
        assertThat(message.getEmbeds().get(0).getImage().getUrl()).isEqualTo("attachment://progress.png");
        assertThat(message.getFiles()).singleElement().satisfies(f -> assertThat(f.getName()).isEqualTo("progress.png"));
        assertThat(message.getEmbeds().get(0).getDescription()).contains("**Review:** 1 unit under review");
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A button press under a message the bot sent in Ana's DM. */
    private static DataObject press(String id, String token, String customId) {
        DataObject user = FakeDiscord.user(ANA, "ana");
        DataObject message = DataObject.empty().put("id", "1400000000000000001").put("channel_id", DM_CHANNEL)
                .put("type", 0).put("content", "").put("author", FakeDiscord.user(FakeDiscord.BOT_ID, "study-buddy")
                        .put("bot", true))
                .put("timestamp", "2025-01-01T00:00:00.000000+00:00").put("edited_timestamp", null)
                .put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty())
                .put("embeds", DataArray.empty()).put("pinned", false).put("flags", 0)
                .put("components", DataArray.empty());
        return DataObject.empty().put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", 3)
                .put("token", token).put("version", 1).put("locale", "en-US").put("context", 1)
                .put("channel_id", DM_CHANNEL)
                .put("channel", DataObject.empty().put("id", DM_CHANNEL).put("type", 1)
                        .put("last_message_id", null).put("recipients", DataArray.empty().add(user)))
                .put("user", user).put("app_permissions", "0").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("1", ANA))
                .put("message", message)
                .put("data", DataObject.empty().put("custom_id", customId).put("component_type", 2));
    }

    /** JDA refuses interactions older than 15 minutes, judged by the snowflake's time. */
    private static String snowflake() {
        return Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | (long) (Math.random() * 4000));
    }
}
