// A stand-in for the Telegram Bot API for docker/smoke-test.sh only: it runs as a container on the compose
// network (never on a public address), answers the methods the bot calls (getMe, setMyCommands, deleteWebhook,
// getUpdates by long polling, sendMessage/sendPhoto/sendDocument, answerCallbackQuery) and records what the bot
// sends. The smoke test drives it through two control paths:
//   POST /control/say?chat=ID&text=TEXT   queues a private message from user ID
//   GET  /control/sent?chat=ID            the texts the bot sent to chat ID, one JSON string per line
// Run with: java StubTelegram.java PORT   (JDK only, no dependencies; docker/smoke/Dockerfile compiles it)
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class StubTelegram {
    record Update(int id, String json) {
    }

    static final List<Update> updates = new ArrayList<>();
    static final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    // update ids grow across restarts of the stub (the bot keeps its offset while the stub may restart)
    static final AtomicInteger updateIds = new AtomicInteger((int) (System.currentTimeMillis() / 1000 - 1_700_000_000L) * 10);
    static final AtomicInteger messageIds = new AtomicInteger(1);

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/control/", StubTelegram::control);
        server.createContext("/", StubTelegram::api);
        server.start();
        System.out.println("stub Telegram Bot API listening on port " + port);
    }

    static void control(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String path = ex.getRequestURI().getPath();
        if (path.equals("/control/say")) {
            long chat = Long.parseLong(q.get("chat"));
            String text = q.getOrDefault("text", "");
            int id = updateIds.incrementAndGet();
            String entities = text.startsWith("/") ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                    + (text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ')) + "}]" : "";
            String json = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + messageIds.incrementAndGet()
                    + ",\"date\":" + System.currentTimeMillis() / 1000
                    + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Smoke\"}"
                    + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Smoke\",\"language_code\":\"en\"}"
                    + ",\"text\":" + quote(text) + entities + "}}";
            synchronized (updates) {
                updates.add(new Update(id, json));
                updates.notifyAll();
            }
            respond(ex, 200, "queued " + id + "\n");
        } else if (path.equals("/control/sent")) {
            StringBuilder out = new StringBuilder();
            for (String t : sent.getOrDefault(q.getOrDefault("chat", ""), List.of())) {
                out.append(quote(t)).append('\n');
            }
            respond(ex, 200, out.toString());
        } else {
            respond(ex, 404, "unknown control path\n");
        }
    }

    static void api(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        if (parts.length != 3 || !parts[1].startsWith("bot")) {
            respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        String method = parts[2].toLowerCase();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String result = switch (method) {
            case "getme" -> "{\"id\":777000111,\"is_bot\":true,\"first_name\":\"Study Buddy\",\"username\":\"StubBuddyBot\","
                    + "\"can_join_groups\":true,\"can_read_all_group_messages\":false,\"supports_inline_queries\":false}";
            case "setmycommands", "deletewebhook", "setwebhook", "answercallbackquery", "deletemycommands" -> "true";
            case "getupdates" -> updates(number(body, "offset"), number(body, "timeout"));
            case "sendmessage", "sendphoto", "senddocument" -> {
                String chat = field(body, "chat_id");
                String text = field(body, "text");
                if (text == null) {
                    text = field(body, "caption");
                }
                sent.computeIfAbsent(chat == null ? "?" : chat, k -> new CopyOnWriteArrayList<>())
                        .add(text == null ? "(" + method + ")" : text);
                yield "{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":" + System.currentTimeMillis() / 1000
                        + ",\"chat\":{\"id\":" + (chat == null ? "0" : chat) + ",\"type\":\"private\"},\"text\":"
                        + quote(text == null ? "" : text) + "}";
            }
            default -> null;
        };
        if (result == null) {
            respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
        } else {
            respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}");
        }
    }

    static String updates(long offset, long timeout) {
        long deadline = System.currentTimeMillis() + Math.min(timeout, 25) * 1000;
        synchronized (updates) {
            while (true) {
                List<String> due = new ArrayList<>();
                for (Update u : updates) {
                    if (u.id() >= offset) {
                        due.add(u.json());
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (!due.isEmpty() || left <= 0) {
                    return "[" + String.join(",", due) + "]";
                }
                try {
                    updates.wait(left);
                } catch (InterruptedException e) {
                    return "[]";
                }
            }
        }
    }

    /** A field of a JSON body (the client sends JSON; multipart for files), scanned by hand: no regex recursion. */
    static String field(String body, String name) {
        String key = "\"" + name + "\"";
        int at = body.indexOf(key);
        if (at >= 0) {
            int i = at + key.length();
            while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == ':')) {
                i++;
            }
            if (i < body.length() && body.charAt(i) == '"') {
                int end = i + 1;
                while (end < body.length() && body.charAt(end) != '"') {
                    end += body.charAt(end) == '\\' ? 2 : 1;
                }
                return unescape(body.substring(i + 1, Math.min(end, body.length())));
            }
            int end = i;
            while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == '-')) {
                end++;
            }
            return end > i ? body.substring(i, end) : null;
        }
        String part = "name=\"" + name + "\"";
        int p = body.indexOf(part);
        if (p < 0) {
            return null;
        }
        int start = body.indexOf("\r\n\r\n", p);
        int end = start < 0 ? -1 : body.indexOf("\r\n--", start + 4);
        return start < 0 || end < 0 ? null : body.substring(start + 4, end);
    }

    static long number(String body, String name) {
        String v = field(body, name);
        return v == null ? 0 : Long.parseLong(v);
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new ConcurrentHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
