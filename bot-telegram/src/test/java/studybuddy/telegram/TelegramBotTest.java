package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.command.Attachment;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandSpec;
import studybuddy.command.Reply;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/**
 * The whole adapter, through the real telegrambots client (OkHttpTelegramClient and long polling), against a fake
 * Bot API server, on a real PostgreSQL database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramBotTest {
    static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra";

    /** A test-only group setting: only chat admins may use it. */
    static final CommandSpec GROUP_GOAL = new CommandSpec("groupgoal", List.of(), "core", "help.description", List.of(),
            Audience.GROUP_ADMIN, r -> Reply.text("Group goal set (admin=" + r.caller().chatAdmin() + ")"), null);

    /** A tiny valid PNG (1×1), enough for Telegram to take it as a photo. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** Test-only replies with files: a short text with a chart, a long text with a chart, a CSV. */
    static final CommandSpec CHART = new CommandSpec("chart", List.of(), "core", "help.description", List.of(),
            Audience.PERSONAL, r -> {
                Reply reply = switch (r.text().strip()) {
                    case "long" -> Reply.text("**Long report**\n" + "line of the report\n".repeat(80));
                    case "csv" -> Reply.text("Your data").withAttachment(
                            new Attachment("data.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
                    default -> Reply.text("**Your week** <3").withButtons(List.of(new Button("Next", "/next")));
                };
                return r.text().strip().equals("csv") ? reply
                        : reply.withAttachment(new Attachment("week.png", "image/png", PNG));
            }, null);

    FakeBotApiServer api;
    Database db;
    BotCore core;
    TelegramBot bot;

    @BeforeAll
    void start() throws Exception {
        api = new FakeBotApiServer(TOKEN);
        db = TestDatabase.fresh();
        core = new BotCore(db, Clock.systemUTC());
        List<CommandSpec> specs = new ArrayList<>(core.dispatcher().specs());
        specs.add(GROUP_GOAL);
        specs.add(CHART);
        CommandDispatcher dispatcher = new CommandDispatcher(specs, core.learners(), core.dialogues());
        TelegramConfig config = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN))
                .withApiUrl(api.url(), 1);
        TelegramClient client = TelegramBot.client(config);
        // as in TelegramMain: replies go through the core's paced sender, shared with the outbox
        bot = TelegramBot.start(config, core, dispatcher, client, TelegramBot.registerSender(core, client));
    }

    @AfterAll
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (api != null) {
            api.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void startupRegistersTheMenuInEnglishAndChineseAndClearsTheWebhook() {
        assertThat(api.calls("deletewebhook")).isNotEmpty();
        assertThat(bot.username()).isEqualTo(FakeBotApiServer.BOT_USERNAME);
        List<FakeBotApiServer.Call> menus = api.calls("setmycommands").subList(0, 2); // (the webhook test adds more)
        JsonNode en = menus.stream().filter(c -> !c.params().has("language_code")).findFirst().orElseThrow().params();
        JsonNode zh = menus.stream().filter(c -> "zh".equals(c.text("language_code"))).findFirst().orElseThrow().params();
        assertThat(en.get("commands")).anySatisfy(c -> {
            assertThat(c.get("command").asText()).isEqualTo("start");
            assertThat(c.get("description").asText()).matches("\\p{ASCII}+");
        });
        assertThat(zh.get("commands")).anySatisfy(c -> {
            assertThat(c.get("command").asText()).isEqualTo("start");
            assertThat(c.get("description").asText()).contains("设置");
        });
        for (JsonNode c : en.get("commands")) {
            assertThat(c.get("command").asText()).matches("[a-z0-9_]{1,32}");
            assertThat(c.get("description").asText().length()).isBetween(1, 256);
        }
    }

    @Test
    void onboardingByButtonsThenNextAndDone() {
        long user = 1001;
        ObjectNode chat = api.privateChat(user, "Ada");
        ObjectNode from = api.user(user, "Ada", "en");
        api.sendText(user, chat, from, "/start");

        int seen = 0;
        FakeBotApiServer.Call question = api.await("sendmessage", c -> c.chatId().equals("1001"), seen++);
        assertThat(question.text("text")).contains("where are you starting from");
        assertThat(question.text("parse_mode")).isEqualToIgnoringCase("HTML");
        JsonNode first = question.params().at("/reply_markup/inline_keyboard/0/0");
        assertThat(first.get("callback_data").asText()).startsWith("/start background=");

        for (int step = 0; step < 7; step++) {
            JsonNode button = question.params().at("/reply_markup/inline_keyboard/0/0");
            String queryId = "q-1001-" + step;
            api.press(chat, from, button.get("callback_data").asText(), queryId);
            api.await("answercallbackquery", c -> queryId.equals(c.text("callback_query_id")));
            question = api.await("sendmessage", c -> c.chatId().equals("1001"), seen++);
            if (question.text("text").contains("All set")) {
                break;
            }
        }
        assertThat(question.text("text")).contains("All set").contains("<b>Next:");
        Learner learner = core.learners().findByPlatformUser("telegram", "1001").orElseThrow();
        assertThat(learner.onboarded()).isTrue();
        assertThat(learner.displayName()).isEqualTo("Ada");
        // the unit buttons: done/skip as callbacks, the resource as a link
        JsonNode row = question.params().at("/reply_markup/inline_keyboard/0");
        assertThat(row.get(0).get("callback_data").asText()).startsWith("/done unit=");
        assertThat(row.get(2).get("url").asText()).startsWith("http");

        api.sendText(user, chat, from, "/next");
        FakeBotApiServer.Call next = api.await("sendmessage", c -> c.chatId().equals("1001"), seen++);
        assertThat(next.text("text")).contains("<b>Next:");

        api.sendText(user, chat, from, "/done");
        FakeBotApiServer.Call done = api.await("sendmessage", c -> c.chatId().equals("1001"), seen++);
        assertThat(done.text("text")).contains("Well done");
    }

    @Test
    void chineseUserGetsChineseReplies() {
        long user = 1002;
        ObjectNode chat = api.privateChat(user, "李雷");
        ObjectNode from = api.user(user, "李雷", "zh-hans");
        api.sendText(user, chat, from, "/ask 想动手实践深度学习,有什么课程?");
        FakeBotApiServer.Call reply = api.await("sendmessage", c -> c.chatId().equals("1002"));
        assertThat(reply.text("text")).contains("fast.ai").contains("深度学习");
        api.sendText(user, chat, from, "/help");
        FakeBotApiServer.Call help = api.await("sendmessage", c -> c.chatId().equals("1002"), 1);
        assertThat(help.text("text")).contains("<b>study-buddy</b>");
        assertThat(core.learners().findByPlatformUser("telegram", "1002").orElseThrow().lang().code()).isEqualTo("zh");
    }

    @Test
    void groupCommandsAddressedToThisBotWorkOthersAndChatterAreIgnored() {
        long group = -5001;
        ObjectNode chat = api.groupChat(group, "ML study group");
        ObjectNode from = api.user(1003, "Grace", "en");
        api.sendText(group, chat, from, "/help@OtherBot");
        api.sendText(group, chat, from, "hello everyone, who is joining tonight?");
        api.sendText(group, chat, from, "/help@" + FakeBotApiServer.BOT_USERNAME);
        FakeBotApiServer.Call help = api.await("sendmessage", c -> c.chatId().equals("-5001"));
        assertThat(help.text("text")).contains("study-buddy");
        // updates of one chat are handled in order: anything for the first two would have come before
        api.sendText(group, chat, from, "/lang@" + FakeBotApiServer.BOT_USERNAME);
        api.await("sendmessage", c -> c.chatId().equals("-5001"), 1);
        assertThat(api.sent(group)).hasSize(2);
    }

    @Test
    void groupSettingsOnlyForChatAdminsAsTelegramReportsThem() {
        long group = -5002;
        ObjectNode chat = api.groupChat(group, "Admins test");
        api.memberStatus(group, 1004, "member");
        api.memberStatus(group, 1005, "administrator");
        api.sendText(group, chat, api.user(1004, "Member", "en"), "/groupgoal@" + FakeBotApiServer.BOT_USERNAME);
        FakeBotApiServer.Call refused = api.await("sendmessage", c -> c.chatId().equals("-5002"));
        assertThat(refused.text("text")).contains("Only the group's admins");
        assertThat(api.calls("getchatmember")).anySatisfy(c -> {
            assertThat(c.chatId()).isEqualTo("-5002");
            assertThat(c.text("user_id")).isEqualTo("1004");
        });

        api.sendText(group, chat, api.user(1005, "Admin", "en"), "/groupgoal@" + FakeBotApiServer.BOT_USERNAME);
        FakeBotApiServer.Call accepted = api.await("sendmessage", c -> c.chatId().equals("-5002"), 1);
        assertThat(accepted.text("text")).isEqualTo("Group goal set (admin=true)");

        // a non-admin pressing a group-settings button gets the refusal as an alert only they see
        api.press(chat, api.user(1004, "Member", "en"), "/groupgoal", "q-5002");
        FakeBotApiServer.Call answer = api.await("answercallbackquery", c -> "q-5002".equals(c.text("callback_query_id")));
        assertThat(answer.text("text")).contains("Only the group's admins");
        assertThat(answer.params().path("show_alert").asBoolean()).isTrue();
        assertThat(api.sent(group)).hasSize(2);
        // Telegram was asked once per member: the command and the button press within a minute share the answer
        assertThat(api.calls("getchatmember")).filteredOn(c -> c.chatId().equals("-5002")
                && c.text("user_id").equals("1004")).hasSize(1);
    }

    @Test
    void anonymousGroupAdminsAreAnsweredAsAdmins() {
        long group = -5010;
        ObjectNode chat = api.groupChat(group, "Anonymous admins");
        // Telegram's fake sender of an anonymous admin's message: @GroupAnonymousBot, a bot, with the group as sender_chat
        ObjectNode anonymous = api.object().put("id", 1087968824L).put("is_bot", true).put("first_name", "Group")
                .put("username", "GroupAnonymousBot");
        ObjectNode message = api.message(chat, anonymous, "/groupgoal@" + FakeBotApiServer.BOT_USERNAME);
        message.set("sender_chat", chat);
        api.push(api.messageUpdate(message));
        FakeBotApiServer.Call answer = api.await("sendmessage", c -> c.chatId().equals("-5010"));
        assertThat(answer.text("text")).isEqualTo("Group goal set (admin=true)");
        // Telegram cannot say whether an anonymous admin is one (getChatMember on the fake sender): not asked
        assertThat(api.calls("getchatmember", group)).isEmpty();
    }

    @Test
    void attachmentsGoAsPhotoWithCaptionOrAfterALongTextAndOtherFilesAsDocuments() {
        long user = 1010;
        ObjectNode chat = api.privateChat(user, "Hedy");
        ObjectNode from = api.user(user, "Hedy", "en");

        // a short text becomes the photo's caption, with the buttons under it, and no separate message
        api.sendText(user, chat, from, "/chart");
        FakeBotApiServer.Call photo = api.await("sendphoto", c -> c.chatId().equals("1010"));
        assertThat(photo.text("caption")).isEqualTo("<b>Your week</b> &lt;3");
        assertThat(photo.text("parse_mode")).isEqualToIgnoringCase("HTML");
        assertThat(photo.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("/next");
        assertThat(photo.files().get("photo")).satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("week.png");
            assertThat(f.data()).isEqualTo(PNG);
        });
        assertThat(api.sent(user)).isEmpty();

        // a text over 1024 characters goes first as a message, then the photo without a caption
        api.sendText(user, chat, from, "/chart long");
        FakeBotApiServer.Call second = api.await("sendphoto", c -> c.chatId().equals("1010"), 1);
        FakeBotApiServer.Call text = api.await("sendmessage", c -> c.chatId().equals("1010"));
        assertThat(text.text("text")).startsWith("<b>Long report</b>");
        assertThat(text.at()).isBeforeOrEqualTo(second.at());
        assertThat(second.text("caption")).isNull();
        assertThat(second.files().get("photo").data()).isEqualTo(PNG);

        // other files go as documents, the short text as their caption
        api.sendText(user, chat, from, "/chart csv");
        FakeBotApiServer.Call document = api.await("senddocument", c -> c.chatId().equals("1010"));
        assertThat(document.text("caption")).isEqualTo("Your data");
        assertThat(document.files().get("document")).satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("data.csv");
            assertThat(new String(f.data(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        });
        assertThat(api.calls("sendphoto", user)).hasSize(2);
        assertThat(api.sent(user)).hasSize(1);
    }

    @Test
    void exportSendsTheJsonAsADocument_thenForgetAsksWithAButtonAndErases() throws Exception {
        long user = 1020;
        ObjectNode chat = api.privateChat(user, "Noor");
        ObjectNode from = api.user(user, "Noor", "en");
        api.sendText(user, chat, from, "/setup background=developer path=software hours=8 timezone=Europe/Berlin "
                + "lang=en day=mon time=09:00");
        api.await("sendmessage", c -> c.chatId().equals("1020"));

        api.sendText(user, chat, from, "/export");
        FakeBotApiServer.Call document = api.await("senddocument", c -> c.chatId().equals("1020"));
        assertThat(document.files().get("document")).satisfies(f -> {
            assertThat(f.fileName()).startsWith("study-buddy-data-").endsWith(".json");
            JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.data());
            assertThat(json.at("/tables/learner/0/user_id").asText()).isEqualTo("1020");
        });

        api.sendText(user, chat, from, "/forget");
        FakeBotApiServer.Call ask = api.await("sendmessage", c -> c.chatId().equals("1020")
                && c.text("text").contains("cannot be undone"));
        String confirm = ask.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        assertThat(confirm).startsWith("/forget ");
        api.press(chat, from, confirm, "q-forget-1020");
        api.await("sendmessage", c -> c.chatId().equals("1020") && c.text("text").contains("is erased"));
        assertThat(core.learners().findByPlatformUser("telegram", "1020")).isEmpty();
    }

    @Test
    void adminAnswersAreReusedForAMinutePerChatAndUser() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        TelegramCommandRouter router = new TelegramCommandRouter(core, core.dispatcher(),
                TelegramBot.client(TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN))
                        .withApiUrl(api.url(), 1)), null, FakeBotApiServer.BOT_USERNAME, nanos::get);
        long group = -5003;
        api.memberStatus(group, 1011, "administrator");
        assertThat(router.isAdmin(group, 1011)).isTrue();
        api.memberStatus(group, 1011, "member"); // demoted: noticed once the answer is a minute old
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(router.isAdmin(group, 1011)).isTrue();
        assertThat(router.isAdmin(group, 1012)).isFalse(); // another user: asked
        assertThat(router.isAdmin(-5004, 1011)).isFalse(); // another chat: asked
        assertThat(api.calls("getchatmember")).filteredOn(c -> c.chatId().equals("-5003")
                && c.text("user_id").equals("1011")).hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(router.isAdmin(group, 1011)).isFalse();
        assertThat(api.calls("getchatmember")).filteredOn(c -> c.chatId().equals("-5003")
                && c.text("user_id").equals("1011")).hasSize(2);
    }

    @Test
    void rateLimitedReplyIsRetriedAfterRetryAfter() {
        long user = 1006;
        api.failNext("sendMessage", "1006", 429, "Too Many Requests: retry after 1", 1);
        api.sendText(user, api.privateChat(user, "Ken"), api.user(user, "Ken", "en"), "/help");
        FakeBotApiServer.Call retried = api.await("sendmessage", c -> c.chatId().equals("1006"), 1);
        FakeBotApiServer.Call first = api.sent(user).get(0);
        assertThat(Duration.between(first.at(), retried.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(retried.text("text")).contains("study-buddy");
    }

    @Test
    void blockedUserIsMarkedUnreachable() {
        long user = 1007;
        api.failAlways("sendmessage", "1007", 403, "Forbidden: bot was blocked by the user");
        api.sendText(user, api.privateChat(user, "Bob"), api.user(user, "Bob", "en"), "/help");
        api.await("sendmessage", c -> c.chatId().equals("1007"));
        Learner learner = waitFor(() -> core.learners().findByPlatformUser("telegram", "1007")
                .filter(l -> !l.reachable()));
        assertThat(learner.unreachableReason()).hasValueSatisfying(r -> assertThat(r).contains("blocked"));
        assertThat(api.sent(user)).hasSize(1); // not retried
    }

    @Test
    void badUpdatesDoNotStopTheBot() {
        long user = 1008;
        ObjectNode chat = api.privateChat(user, "Eve");
        ObjectNode from = api.user(user, "Eve", "en");
        ObjectNode unknownType = api.object();
        unknownType.putObject("some_future_update").put("anything", 1);
        api.push(unknownType);
        ObjectNode reaction = api.object();
        reaction.putObject("message_reaction").put("message_id", 1).put("date", 1).set("chat", chat);
        api.push(reaction);
        api.push(api.messageUpdate(api.message(chat, null, "/help"))); // no sender
        ObjectNode sticker = api.message(chat, from, null);
        sticker.putObject("sticker").put("file_id", "x").put("file_unique_id", "y").put("width", 1).put("height", 1)
                .put("is_animated", false).put("is_video", false).put("type", "regular");
        api.push(api.messageUpdate(sticker));
        ObjectNode edited = api.object();
        edited.set("edited_message", api.message(chat, from, "/help edited").put("edit_date", 2));
        api.push(edited);
        ObjectNode noChat = api.object();
        noChat.putObject("message").put("message_id", 5).put("date", 1).put("text", "/help");
        api.push(noChat);
        ObjectNode weirdCallback = api.object();
        weirdCallback.putObject("callback_query").put("id", "q-weird").put("chat_instance", "c").set("from", from);
        api.push(weirdCallback);
        api.sendText(user, chat, from, "x".repeat(10_000));
        api.sendText(user, chat, from, "🎉🎉 /help 🎉");
        api.sendText(user, chat, from, "/help 🎉");

        FakeBotApiServer.Call tooLong = api.await("sendmessage", c -> c.chatId().equals("1008"));
        assertThat(tooLong.text("text")).contains("too long");
        // emoji chatter in a private chat is a question, answered as one: "not sure", or what the bot helps with
        FakeBotApiServer.Call chatter = api.await("sendmessage", c -> c.chatId().equals("1008"), 1);
        assertThat(chatter.text("text")).contains("/roadmap");
        FakeBotApiServer.Call help = api.await("sendmessage", c -> c.chatId().equals("1008"), 2);
        assertThat(help.text("text")).contains("study-buddy");
        api.await("answercallbackquery", c -> "q-weird".equals(c.text("callback_query_id")));
        assertThat(api.sent(user)).hasSize(3); // no reply to the sticker or the edit

        // and the bot still works for everyone else
        api.sendText(1009, api.privateChat(1009, "Zed"), api.user(1009, "Zed", "en"), "/help");
        api.await("sendmessage", c -> c.chatId().equals("1009"));
    }

    @Test
    void webhookRejectsMissingOrWrongSecretsAndAcceptsTheRightOne() throws Exception {
        String secret = TelegramConfig.newSecret();
        TelegramConfig config = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN))
                .withApiUrl(api.url(), 1).withWebhook(URI.create("https://bot.example.com/tg-hook"), secret, 0);
        TelegramClient client = TelegramBot.client(config);
        try (TelegramBot hooked = TelegramBot.start(config, core, client,
                new TelegramMessageSender(client, TelegramBot.markUnreachable(core)))) {
            FakeBotApiServer.Call registered = api.await("setwebhook", c -> true);
            assertThat(registered.text("url")).isEqualTo("https://bot.example.com/tg-hook");
            assertThat(registered.text("secret_token")).isEqualTo(secret);

            HttpClient http = HttpClient.newHttpClient();
            URI hook = URI.create("http://127.0.0.1:" + hooked.webhookPort() + "/tg-hook");
            String update = "{\"update_id\":77,\"message\":{\"message_id\":1,\"date\":1,"
                    + "\"chat\":{\"id\":2001,\"type\":\"private\"},\"from\":{\"id\":2001,\"is_bot\":false,"
                    + "\"first_name\":\"Mallory\"},\"text\":\"/help\"}}";
            assertThat(post(http, hook, update, null)).isEqualTo(401);
            assertThat(post(http, hook, update, "wrong-" + secret)).isEqualTo(403);
            Thread.sleep(300);
            assertThat(core.learners().findByPlatformUser("telegram", "2001")).isEmpty();
            assertThat(api.sent(2001)).isEmpty();

            assertThat(post(http, hook, update, secret)).isEqualTo(200);
            assertThat(api.await("sendmessage", c -> c.chatId().equals("2001")).text("text")).contains("study-buddy");
            assertThat(post(http, hook, "{not json", secret)).isEqualTo(200);
        }
    }

    private static int post(HttpClient http, URI uri, String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(TelegramWebhookServer.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("condition not met within 10 s");
    }
}
