package studybuddy.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A local stand-in for the Telegram Bot API, driven by the real telegrambots client: serves
 * {@code /bot<token>/<method>} (method names in any case), hands out queued updates to {@code getUpdates} (long
 * polling for up to a second), records every call, and answers with real-shaped JSON or scripted errors.
 */
final class FakeBotApiServer implements AutoCloseable {
    static final String BOT_USERNAME = "StudyBuddyTestBot";
    static final long BOT_ID = 999_000_111L;

    /** A file uploaded in a multipart call (sendPhoto, sendDocument). */
    record Upload(String field, String fileName, String contentType, byte[] data) {
        boolean isPng() {
            return data.length > 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
        }
    }

    /**
     * One recorded API call; {@code files} are the uploads of a multipart call by part name, and also by the field
     * that refers to them ({@code photo=attach://checkins.png} puts the part "checkins.png" under "photo" too).
     */
    record Call(String method, JsonNode params, Instant at, Map<String, Upload> files) {
        String text(String field) {
            JsonNode v = params.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        String chatId() {
            return text("chat_id");
        }
    }

    private record Failure(int code, String description, Integer retryAfter) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, Deque<Failure>> nextFailures = new ConcurrentHashMap<>();
    private final Map<String, Failure> alwaysFailures = new ConcurrentHashMap<>();
    private final Map<String, String> memberStatus = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final AtomicInteger updateIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger(1);

    FakeBotApiServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
    }

    // ---- scripting -------------------------------------------------------------------------------------------

    /** Queues an update (its update_id is assigned here) and returns its id. */
    int push(ObjectNode update) {
        int id = updateIds.incrementAndGet();
        update.put("update_id", id);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        return id;
    }

    /** Queues an update as given, without assigning an update_id (an update no client library can read). */
    void pushRaw(ObjectNode update) {
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
    }

    /** The next call of {@code method} for {@code chatId} fails with this error. */
    void failNext(String method, String chatId, int code, String description, Integer retryAfter) {
        nextFailures.computeIfAbsent(key(method, chatId), k -> new ArrayDeque<>())
                .add(new Failure(code, description, retryAfter));
    }

    /** Every call of {@code method} for {@code chatId} fails with this error. */
    void failAlways(String method, String chatId, int code, String description) {
        alwaysFailures.put(key(method, chatId), new Failure(code, description, null));
    }

    /** Every call of {@code method} takes this long to answer (a slow platform). */
    void delay(String method, long millis) {
        delays.put(method.toLowerCase(Locale.ROOT), millis);
    }

    void memberStatus(long chatId, long userId, String status) {
        memberStatus.put(chatId + "/" + userId, status);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
    }

    /** The calls of a method to one chat. */
    List<Call> calls(String method, long chatId) {
        return calls(method).stream().filter(c -> Long.toString(chatId).equals(c.chatId())).toList();
    }

    List<Call> sent(long chatId) {
        return calls("sendmessage").stream().filter(c -> Long.toString(chatId).equals(c.chatId())).toList();
    }

    /** Waits up to 10 s for a call matching the predicate among calls after index {@code from}. */
    Call await(String method, Predicate<Call> match) {
        return await(method, match, 0);
    }

    Call await(String method, Predicate<Call> match, int skip) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Call> found = calls(method).stream().filter(match).toList();
            if (found.size() > skip) {
                return found.get(skip);
            }
            sleep(20);
        }
        throw new AssertionError("no " + method + " call matched within 10 s; calls were:\n" + describe());
    }

    String describe() {
        StringBuilder s = new StringBuilder();
        for (Call c : calls) {
            if (!c.method().equals("getupdates")) {
                String p = c.params().toString();
                s.append("  ").append(c.method()).append(' ').append(p.length() > 300 ? p.substring(0, 300) + "…" : p)
                        .append('\n');
            }
        }
        return s.toString();
    }

    // ---- update builders (shaped like Telegram's) ------------------------------------------------------------

    ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode u = json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    ObjectNode privateChat(long id, String firstName) {
        return json.createObjectNode().put("id", id).put("type", "private").put("first_name", firstName);
    }

    ObjectNode groupChat(long id, String title) {
        return json.createObjectNode().put("id", id).put("type", "supergroup").put("title", title);
    }

    ObjectNode message(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode m = json.createObjectNode().put("message_id", messageIds.incrementAndGet())
                .put("date", Instant.now().getEpochSecond());
        m.set("chat", chat);
        if (from != null) {
            m.set("from", from);
        }
        if (text != null) {
            m.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                ArrayNode entities = m.putArray("entities");
                entities.addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? text.length() : end);
            }
        }
        return m;
    }

    ObjectNode messageUpdate(ObjectNode message) {
        ObjectNode u = json.createObjectNode();
        u.set("message", message);
        return u;
    }

    int sendText(long chatId, ObjectNode chat, ObjectNode from, String text) {
        return push(messageUpdate(message(chat, from, text)));
    }

    /** A button press under a message the bot sent to {@code chat}. */
    int press(ObjectNode chat, ObjectNode from, String data, String queryId) {
        ObjectNode botUser = json.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                .put("first_name", "Study Buddy").put("username", BOT_USERNAME);
        ObjectNode q = json.createObjectNode().put("id", queryId).put("chat_instance", "ci-" + queryId).put("data", data);
        q.set("from", from);
        ObjectNode m = message(chat, botUser, "(the question)");
        q.set("message", m);
        ObjectNode u = json.createObjectNode();
        u.set("callback_query", q);
        return push(u);
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    // ---- the server ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length != 3 || !path[1].equals("bot" + token)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path[2].toLowerCase(Locale.ROOT);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, Upload> files = new java.util.LinkedHashMap<>();
            JsonNode params = params(exchange, body, files);
            calls.add(new Call(method, params, Instant.now(), Map.copyOf(files)));
            Long delay = delays.get(method);
            if (delay != null) {
                sleep(delay);
            }
            String chatId = params.hasNonNull("chat_id") ? params.get("chat_id").asText() : "";
            Failure failure = alwaysFailures.get(key(method, chatId));
            Deque<Failure> next = nextFailures.get(key(method, chatId));
            if (failure == null && next != null) {
                failure = next.poll();
            }
            if (failure != null) {
                ObjectNode e = error(failure.code(), failure.description());
                if (failure.retryAfter() != null) {
                    e.putObject("parameters").put("retry_after", failure.retryAfter());
                }
                respond(exchange, failure.code(), e);
                return;
            }
            JsonNode result = switch (method) {
                case "getupdates" -> updates(params);
                case "getme" -> json.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                        .put("first_name", "Study Buddy").put("username", BOT_USERNAME)
                        .put("can_join_groups", true).put("can_read_all_group_messages", false)
                        .put("supports_inline_queries", false);
                case "sendmessage", "sendphoto", "senddocument" -> sentMessage(params);
                case "sendpoll" -> sentPoll(params);
                case "getchatmember" -> chatMember(params);
                case "answercallbackquery", "setmycommands", "deletewebhook", "setwebhook" ->
                        json.getNodeFactory().booleanNode(true);
                default -> null;
            };
            if (result == null) {
                respond(exchange, 404, error(404, "Not Found: method not found"));
                return;
            }
            ObjectNode ok = json.createObjectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    private JsonNode params(HttpExchange exchange, byte[] body, Map<String, Upload> files) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String type = contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.contains("json") && body.length > 0) {
            return json.readTree(body);
        }
        ObjectNode p = json.createObjectNode();
        if (type.contains("multipart")) {
            Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!b.find()) {
                throw new IOException("multipart without a boundary: " + contentType);
            }
            for (Part part : multipart(body, b.group(1))) {
                if (part.fileName() != null) {
                    files.put(part.name(), new Upload(part.name(), part.fileName(), part.contentType(), part.data()));
                } else {
                    String value = new String(part.data(), StandardCharsets.UTF_8);
                    JsonNode parsed = value.startsWith("{") || value.startsWith("[") ? tryJson(value) : null;
                    if (parsed != null) {
                        p.set(part.name(), parsed);
                    } else {
                        p.put(part.name(), value);
                    }
                }
            }
            // As the Bot API does: a field "photo" = "attach://<name>" refers to the file part named <name>.
            p.fields().forEachRemaining(f -> {
                String v = f.getValue().isTextual() ? f.getValue().asText() : "";
                Upload file = v.startsWith("attach://") ? files.get(v.substring("attach://".length())) : null;
                if (file != null) {
                    files.put(f.getKey(), new Upload(f.getKey(), file.fileName(), file.contentType(), file.data()));
                }
            });
        } else if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                String[] kv = pair.split("=", 2);
                p.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return p;
    }

    private record Part(String name, String fileName, String contentType, byte[] data) {
    }

    private JsonNode tryJson(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    /** Splits a multipart/form-data body (RFC 7578) into its parts, on bytes so that files stay intact. */
    private static List<Part> multipart(byte[] body, String boundary) throws IOException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new IOException("malformed multipart body");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] data = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            Matcher name = Pattern.compile("(?i)content-disposition:[^\r\n]*[; ]name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("(?i)filename=\"([^\"]*)\"").matcher(headers);
            Matcher type = Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
            if (name.find()) {
                parts.add(new Part(name.group(1), file.find() ? file.group(1) : null,
                        type.find() ? type.group(1).strip() : null, data));
            }
            at = next + 2;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private JsonNode updates(JsonNode params) {
        int offset = params.path("offset").asInt(0);
        long waitMs = Math.min(1000, params.path("timeout").asLong(0) * 1000);
        long deadline = System.currentTimeMillis() + waitMs;
        ArrayNode result = json.createArrayNode();
        synchronized (updates) {
            while (true) {
                for (ObjectNode u : updates) {
                    // an update without a readable id is handed out until a later one is confirmed past it
                    if (!u.path("update_id").canConvertToInt() ? offset <= updateIdsAfter(u)
                            : u.get("update_id").asInt() >= offset) {
                        result.add(u);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (!result.isEmpty() || left <= 0) {
                    return result;
                }
                try {
                    updates.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
        }
    }

    /** The id of the next update pushed after {@code u} (or the next to be assigned). */
    private int updateIdsAfter(ObjectNode u) {
        boolean after = false;
        for (ObjectNode other : updates) {
            if (other == u) {
                after = true;
            } else if (after && other.path("update_id").canConvertToInt()) {
                return other.get("update_id").asInt();
            }
        }
        return updateIds.get() + 1;
    }

    private JsonNode sentMessage(JsonNode params) {
        String chatId = params.path("chat_id").asText();
        long id;
        try {
            id = Long.parseLong(chatId);
        } catch (NumberFormatException e) {
            id = -1;
        }
        ObjectNode m = json.createObjectNode().put("message_id", messageIds.incrementAndGet())
                .put("date", Instant.now().getEpochSecond());
        m.putObject("chat").put("id", id).put("type", id < 0 ? "supergroup" : "private");
        m.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Study Buddy")
                .put("username", BOT_USERNAME);
        if (params.has("text")) {
            m.put("text", params.get("text").asText());
        }
        if (params.has("caption")) {
            m.put("caption", params.get("caption").asText());
        }
        if (params.has("photo")) {
            m.putArray("photo").addObject().put("file_id", "photo-" + m.get("message_id").asInt())
                    .put("file_unique_id", "u-" + m.get("message_id").asInt()).put("width", 800).put("height", 400);
        }
        if (params.has("document")) {
            m.putObject("document").put("file_id", "doc-" + m.get("message_id").asInt())
                    .put("file_unique_id", "u-" + m.get("message_id").asInt());
        }
        return m;
    }

    /** A sent quiz as Telegram returns it: a message holding the poll, whose id is "poll-" + the message id. */
    private JsonNode sentPoll(JsonNode params) {
        ObjectNode m = (ObjectNode) sentMessage(params);
        ObjectNode poll = m.putObject("poll").put("id", "poll-" + m.get("message_id").asInt())
                .put("question", params.path("question").asText()).put("total_voter_count", 0).put("is_closed", false)
                .put("is_anonymous", params.path("is_anonymous").asBoolean(true))
                .put("type", params.path("type").asText("regular")).put("allows_multiple_answers", false);
        ArrayNode options = poll.putArray("options");
        JsonNode sent = params.path("options").isTextual() ? tryJson(params.path("options").asText()) : params.path("options");
        if (sent != null) {
            sent.forEach(o -> options.addObject().put("text", o.path("text").asText()).put("voter_count", 0));
        }
        if (params.has("correct_option_ids")) {
            poll.set("correct_option_ids", params.get("correct_option_ids"));
        }
        return m;
    }

    /** A user's answer to a non-anonymous poll the bot sent. */
    int answerPoll(String pollId, ObjectNode user, int option) {
        ObjectNode answer = json.createObjectNode().put("poll_id", pollId);
        answer.set("user", user);
        answer.putArray("option_ids").add(option);
        ObjectNode u = json.createObjectNode();
        u.set("poll_answer", answer);
        return push(u);
    }

    private JsonNode chatMember(JsonNode params) {
        long userId = params.path("user_id").asLong();
        String status = memberStatus.getOrDefault(params.path("chat_id").asText() + "/" + userId, "member");
        ObjectNode member = json.createObjectNode().put("status", status);
        member.set("user", user(userId, "Member", "en"));
        if (status.equals("administrator")) {
            member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false)
                    .put("can_change_info", true).put("can_invite_users", true);
        } else if (status.equals("creator")) {
            member.put("is_anonymous", false);
        }
        return member;
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String key(String method, String chatId) {
        return method.toLowerCase(Locale.ROOT) + "/" + chatId;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        synchronized (updates) {
            updates.notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
