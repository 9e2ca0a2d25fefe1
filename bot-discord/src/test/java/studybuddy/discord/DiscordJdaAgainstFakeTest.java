package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.PostgresLearnerRepository;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** Real JDA (sharded, as in production) against {@link FakeDiscord}: registration, interactions, DMs. */
class DiscordJdaAgainstFakeTest {
    private static FakeDiscord discord;
    private static Database db;
    private static ShardManager shards;
    private static ExecutorService executor;
    private static BotCore core;
    private static DiscordInbox inbox;

    @BeforeAll
    static void start() throws Exception {
        discord = new FakeDiscord();
        db = TestDatabase.fresh(4);
        core = new BotCore(db, Clock.systemUTC());
        CommandDispatcher dispatcher = TestSpecs.dispatcher(db, core.dispatcher().specs(), new TestSpecs());
        executor = Executors.newFixedThreadPool(2);
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", DiscordConfigTest.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        DiscordInteractionRouter router = new DiscordInteractionRouter(dispatcher);
        inbox = new DiscordInbox(db, Clock.systemUTC(), router, executor, 2).start();
        shards = DiscordBot.start(config, new DiscordListener(router, executor,
                DiscordCommandTranslator.translate(dispatcher.specs()), config.guildId(), inbox));
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
    }

    @AfterAll
    static void stop() throws Exception {
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
    void identifiesWithoutPrivilegedIntentsAndRegistersEveryCommandGlobally() throws Exception {
        int privileged = (1 << 1) | (1 << 8) | (1 << 15); // GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT
        assertThat(discord.identifies).isNotEmpty();
        assertThat(discord.identifies.get(0).getInt("intents") & privileged).isZero();
        assertThat(discord.identifies.get(0).getInt("intents") & (1 << 12)).as("DIRECT_MESSAGES").isNotZero();

        FakeDiscord.Request put = discord.await("PUT", "applications/" + FakeDiscord.BOT_ID + "/commands");
        DataArray commands = put.jsonArray();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < commands.length(); i++) {
            names.add(commands.getObject(i).getString("name"));
        }
        assertThat(names).contains("start", "next", "done", "skip", "roadmap", "progress", "lang", "cancel", "help",
                "settings");
    }

    @Test
    void aSlashCommandInADmIsDeferredThenAnsweredInTheUsersLanguageWithButtons() throws Exception {
        String id = snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "tok-next", "next", "zh-CN", "700000000000000001"));
        FakeDiscord.Request ack = discord.await("POST", "interactions/" + id + "/tok-next/callback");
        assertThat(ack.json().getInt("type")).isEqualTo(5); // deferred channel message
        FakeDiscord.Request answer = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-next/messages/@original");
        DataObject body = answer.json();
        assertThat(body.getString("content")).containsPattern("\\p{IsHan}");
        assertThat(body.getArray("components").toString()).contains("\"custom_id\":\"/start\"");
    }

    @Test
    void aFailingHandlerGetsAPrivateApologyInsteadOfHanging() throws Exception {
        String id = snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "tok-boom", "boom", "en-US", "700000000000000002"));
        discord.await("POST", "interactions/" + id + "/tok-boom/callback");
        FakeDiscord.Request apology = discord.await(r -> r.method().equals("POST")
                && r.path().equals("webhooks/" + FakeDiscord.BOT_ID + "/tok-boom"), "the apology follow-up");
        assertThat(apology.json().getString("content")).contains("something went wrong");
        assertThat(apology.json().getInt("flags") & 64).isEqualTo(64); // ephemeral
        discord.await("DELETE", "webhooks/" + FakeDiscord.BOT_ID + "/tok-boom/messages/@original");
    }

    @Test
    void aDmDiscordRefusesIsUnreachableAndMarksTheLearner() throws Exception {
        PostgresLearnerRepository learners = new PostgresLearnerRepository(db);
        long id = learners.findOrCreate(Caller.direct("discord", FakeDiscord.CLOSED_DMS_USER, "Dee", Lang.EN)).id();
        DiscordMessageSender sender = DiscordMessageSender.over(shards, learners);
        SendResult refused = sender.send(new OutgoingMessage("discord", FakeDiscord.CLOSED_DMS_USER, true,
                Reply.text("Your weekly goals")));
        assertThat(refused).isInstanceOf(SendResult.Unreachable.class);
        assertThat(learners.find(id).orElseThrow().reachable()).isFalse();

        SendResult sent = sender.send(new OutgoingMessage("discord", "700000000000000042", true, Reply.text("Reminder")));
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        FakeDiscord.Request dm = discord.await("POST", "channels/550000000000000042/messages");
        assertThat(discord.requests).anyMatch(r -> r.path().equals("users/@me/channels"));
        assertThat(dm.body()).contains("Reminder");
    }

    @Test
    void anOutboxMessageSentTwiceCarriesOneNonceAndDiscordKeepsOneMessage() throws Exception {
        // GIVEN the outbox sends row 42 and then, after a crash before its result was written, sends it again
        DiscordMessageSender sender = DiscordMessageSender.over(shards, new PostgresLearnerRepository(db));
        OutgoingMessage reminder = new OutgoingMessage("discord", "700000000000000077", true, Reply.text("Read ch. 3"));
        // WHEN
        SendResult first = sender.send(reminder, "sb42");
        SendResult again = sender.send(reminder, "sb42");
        // THEN both posts carry the same enforced nonce, and Discord answered both with the one message it made
        String path = "channels/550000000000000077/messages";
        discord.await("POST", path);
        java.util.List<FakeDiscord.Request> posts = discord.requests.stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
        assertThat(posts).hasSize(2).allSatisfy(p -> {
            assertThat(p.json().getString("nonce")).isEqualTo("sb42.0");
            assertThat(p.json().getBoolean("enforce_nonce")).isTrue();
        });
        assertThat(first).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) again).messageId()).isEqualTo(((SendResult.Sent) first).messageId());
    }

    private static final String GUILD = "1100000000000000001";
    private static final String CHANNEL = "1200000000000000555";
    private static final String ADMIN_ROLE = "1500000000000000001";

    /** The bot is on one server with one channel (sent once, before the tests that need it). */
    private static synchronized void onServer() throws InterruptedException {
        if (shards.getTextChannelById(CHANNEL) != null) {
            return;
        }
        discord.dispatch("GUILD_CREATE", FakeDiscord.guild(GUILD, CHANNEL, ADMIN_ROLE));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shards.getTextChannelById(CHANNEL) == null && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(shards.getTextChannelById(CHANNEL)).as("channel cached after GUILD_CREATE").isNotNull();
    }

    @Test
    void theCheckinSummaryIsUploadedOnceToTheChannelAsMultipartWithItsChartInTheEmbed() throws Exception {
        onServer();
        byte[] png = studybuddy.groups.CheckinChart.render(java.util.List.of(
                new studybuddy.groups.CheckinChart.Week(java.time.LocalDate.parse("2026-11-23"), 2, 3),
                new studybuddy.groups.CheckinChart.Week(java.time.LocalDate.parse("2026-11-30"), 3, 5)), Lang.EN);
        Reply summary = Reply.text("**Weekly check-in summary** (week of Nov 30, 2026): 3 of 5 checked in.")
                .withAttachment(new studybuddy.command.Attachment("checkins.png", "image/png", png));
        DiscordMessageSender sender = DiscordMessageSender.over(shards, new PostgresLearnerRepository(db));
        SendResult sent = sender.send(new OutgoingMessage("discord", CHANNEL, false, summary));
        assertThat(sent).isInstanceOf(SendResult.Sent.class);

        String path = "channels/" + CHANNEL + "/messages";
        FakeDiscord.Request posted = discord.await("POST", path);
        assertThat(discord.requests).filteredOn(r -> r.method().equals("POST") && r.path().equals(path)).hasSize(1);
        assertThat(discord.uploads).filteredOn(u -> u.path().equals(path)).singleElement().satisfies(u -> {
            assertThat(u.contentType()).startsWith("multipart/form-data");
            assertThat(u.contains(png)).as("the PNG's bytes are in the upload").isTrue();
            assertThat(new String(u.raw(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("name=\"files[0]\"; filename=\"checkins.png\"");
        });
        DataObject payload = posted.json();
        assertThat(payload.getArray("embeds").getObject(0).getString("description")).contains("3 of 5 checked in");
        assertThat(payload.getArray("embeds").getObject(0).getObject("image").getString("url"))
                .isEqualTo("attachment://checkins.png");
        assertThat(payload.getArray("attachments").getObject(0).getString("filename")).isEqualTo("checkins.png");
    }

    @Test
    void onAServerGroupSetupNeedsManageServerAndARefusalIsPrivateFromTheStart() throws Exception {
        onServer();
        String member = snowflake();
        discord.dispatch("INTERACTION_CREATE", groupSetup(member, "tok-member", "700000000000000201", false));
        FakeDiscord.Request ack = discord.await("POST", "interactions/" + member + "/tok-member/callback");
        assertThat(ack.json().getInt("type")).isEqualTo(5);
        assertThat(ack.json().getObject("data").getInt("flags", 0) & 64).as("deferred privately").isEqualTo(64);
        FakeDiscord.Request refusal = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-member/messages/@original");
        assertThat(refusal.json().getString("content")).contains("Only the group's admins");

        String admin = snowflake();
        discord.dispatch("INTERACTION_CREATE", groupSetup(admin, "tok-admin", "700000000000000202", true));
        FakeDiscord.Request adminAck = discord.await("POST", "interactions/" + admin + "/tok-admin/callback");
        assertThat(adminAck.json().optObject("data").map(d -> d.getInt("flags", 0) & 64).orElse(0)).isZero();
        FakeDiscord.Request saved = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-admin/messages/@original");
        assertThat(saved.json().getString("content")).contains("Weekly check-in set");
    }

    @Test
    void textTypedInADmIsAnsweredLikeOnTelegram_questionsAndDialogueAnswers() throws Exception {
        // GIVEN a user writing to the bot in a DM (no slash command)
        String user = "700000000000000301";
        String dm = "1200000000000000301";
        // WHEN they type /start, then answer the first question in words, then ask a plain question
        discord.dispatch("MESSAGE_CREATE", dmMessage(dm, user, "/start"));
        FakeDiscord.Request first = discord.await("POST", "channels/" + dm + "/messages");
        discord.dispatch("MESSAGE_CREATE", dmMessage(dm, user, "developer"));
        FakeDiscord.Request second = discord.await(r -> r.method().equals("POST")
                && r.path().equals("channels/" + dm + "/messages") && r != first, "the answer to the typed answer");
        // THEN the setup asks its questions in order, answered by typing
        assertThat(first.json().getString("content")).contains("where are you starting from");
        assertThat(second.json().getString("content")).contains("Which path");
        // and a typed question is answered from the roadmap
        discord.dispatch("MESSAGE_CREATE", dmMessage(dm, user, "/cancel"));
        discord.dispatch("MESSAGE_CREATE", dmMessage(dm, user, "What does an ML engineer do?"));
        String path = "channels/" + dm + "/messages";
        discord.await(r -> discord.requests.stream().filter(q -> q.method().equals("POST") && q.path().equals(path))
                .count() >= 4, "the cancel and the Q&A answer");
        FakeDiscord.Request answer = discord.requests.stream()
                .filter(q -> q.method().equals("POST") && q.path().equals(path)).skip(3).findFirst().orElseThrow();
        assertThat(answer.json().getString("content")).contains("business").doesNotContain("not sure");
    }

    @Test
    void onAServerRepliesNeverInviteTyping() throws Exception {
        onServer();
        // WHEN /help and a /start that reaches the hours question are used in a server channel
        String help = snowflake();
        discord.dispatch("INTERACTION_CREATE", onServerSlash(help, "tok-help", "700000000000000401", "help",
                DataArray.empty()));
        FakeDiscord.Request helpText = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-help/messages/@original");
        String start = snowflake();
        discord.dispatch("INTERACTION_CREATE", onServerSlash(start, "tok-start", "700000000000000401", "start",
                DataArray.empty().add(DataObject.empty().put("name", "background").put("type", 3).put("value", "developer"))
                        .add(DataObject.empty().put("name", "path").put("type", 3).put("value", "software"))));
        FakeDiscord.Request hours = discord.await("PATCH",
                "webhooks/" + FakeDiscord.BOT_ID + "/tok-start/messages/@original");
        // THEN nothing asks them to type, and the hours question points to the command option
        assertThat(helpText.json().getString("content")).contains("/ask").doesNotContain("just ask me");
        assertThat(hours.json().getString("content")).contains("How many hours").contains("hours option of /start")
                .doesNotContainPattern("(?i)\\btype\\b");
    }

    private static DataObject dmMessage(String channelId, String userId, String content) {
        return DataObject.empty().put("id", snowflake()).put("channel_id", channelId).put("type", 0)
                .put("author", FakeDiscord.user(userId, "dee")).put("content", content)
                .put("timestamp", java.time.OffsetDateTime.now().toString()).put("edited_timestamp", null)
                .put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty())
                .put("embeds", DataArray.empty()).put("pinned", false).put("flags", 0);
    }

    private static DataObject onServerSlash(String id, String token, String userId, String command, DataArray options) {
        DataObject data = groupSetup(id, token, userId, false);
        return data.put("data", DataObject.empty().put("id", "1300000000000000003").put("name", command).put("type", 1)
                .put("options", options));
    }

    private static DataObject groupSetup(String id, String token, String userId, boolean admin) {
        DataObject user = FakeDiscord.user(userId, admin ? "ana" : "ben");
        DataArray roles = admin ? DataArray.empty().add(ADMIN_ROLE) : DataArray.empty();
        long perms = ((1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16)) | (admin ? 1L << 5 : 0);
        return DataObject.empty().put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", 2)
                .put("token", token).put("version", 1).put("locale", "en-US").put("guild_locale", "en-US")
                .put("context", 0).put("guild_id", GUILD).put("channel_id", CHANNEL)
                .put("guild", DataObject.empty().put("id", GUILD).put("locale", "en-US").put("features", DataArray.empty()))
                .put("channel", DataObject.empty().put("id", CHANNEL).put("type", 0).put("guild_id", GUILD)
                        .put("name", "study").put("position", 0).put("permission_overwrites", DataArray.empty())
                        .put("nsfw", false).put("parent_id", null).put("last_message_id", null)
                        .put("rate_limit_per_user", 0).put("topic", null))
                .put("member", DataObject.empty().put("user", user).put("roles", roles)
                        .put("permissions", Long.toString(perms)).put("joined_at", "2025-01-01T00:00:00.000000+00:00")
                        .put("deaf", false).put("mute", false).put("flags", 0).put("nick", null).put("avatar", null))
                .put("app_permissions", "8").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", GUILD))
                .put("data", DataObject.empty().put("id", "1300000000000000002").put("name", "group").put("type", 1)
                        .put("options", DataArray.empty().add(DataObject.empty().put("name", "action").put("type", 3)
                                .put("value", "setup"))));
    }

    /** JDA refuses interactions older than 15 minutes, judged by the snowflake's time. */
    private static String snowflake() {
        return Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | (long) (Math.random() * 4000));
    }

    private static DataObject slash(String id, String token, String command, String locale,
                                    String userId) {
        DataObject user = FakeDiscord.user(userId, "ann");
        return DataObject.empty().put("id", id).put("application_id", FakeDiscord.BOT_ID).put("type", 2)
                .put("token", token).put("version", 1).put("locale", locale).put("context", 1)
                .put("channel_id", "1200000000000000001")
                .put("channel", DataObject.empty().put("id", "1200000000000000001").put("type", 1)
                        .put("last_message_id", null).put("recipients", DataArray.empty().add(user)))
                .put("user", user).put("app_permissions", "0").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("1", userId))
                .put("data", DataObject.empty().put("id", "1300000000000000001").put("name", command).put("type", 1)
                        .put("options", DataArray.empty()));
    }
}
