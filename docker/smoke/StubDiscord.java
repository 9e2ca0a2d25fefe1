// A stand-in for Discord for docker/smoke-test.sh only: it runs as a container on the compose network (never on a
// public address). REST on PORT (/api/v10/: gateway/bot, users/@me, command registration, interaction callbacks,
// webhook follow-ups, DMs) and a gateway websocket on PORT+1 (HELLO, READY on IDENTIFY, heartbeat ACKs), enough
// for the real JDA. The smoke test drives it through two control paths on the REST port:
//   POST /control/slash?user=ID&command=NAME   dispatches a slash command from user ID in a DM (token tok-<n>)
//   GET  /control/answers?token=TOKEN          the JSON bodies the bot answered that interaction with, one per line
// Run with: java StubDiscord.java PORT HOSTNAME   (JDK only, no dependencies; docker/smoke/Dockerfile compiles it)
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

public class StubDiscord {
    static final String BOT_ID = "123456789012345678";
    static final AtomicLong ids = new AtomicLong(1_400_000_000_000_000_000L);
    static final AtomicInteger tokens = new AtomicInteger();
    static final List<Connection> connections = new CopyOnWriteArrayList<>();
    static final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    static String gatewayUrl;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8082;
        String host = args.length > 1 ? args[1] : "localhost";
        gatewayUrl = "ws://" + host + ":" + (port + 1) + "/";
        HttpServer http = HttpServer.create(new InetSocketAddress(port), 64);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/control/", StubDiscord::control);
        http.createContext("/", StubDiscord::rest);
        http.start();
        ServerSocket gateway = new ServerSocket(port + 1, 50);
        Thread accept = new Thread(() -> {
            while (true) {
                try {
                    Connection c = new Connection(gateway.accept());
                    connections.add(c);
                    new Thread(c::run, "gateway-conn").start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "gateway-accept");
        accept.start();
        System.out.println("stub Discord: REST on " + port + ", gateway " + gatewayUrl);
    }

    static String user(String id, String name, boolean bot) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + name + "\",\"discriminator\":\"0\",\"global_name\":\"" + name
                + "\",\"avatar\":null,\"bot\":" + bot + "}";
    }

    static void control(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String path = ex.getRequestURI().getPath();
        if (path.equals("/control/slash")) {
            String userId = q.get("user");
            String token = "tok-" + tokens.incrementAndGet() + "-" + System.currentTimeMillis();
            String u = user(userId, "smoke", false);
            // a snowflake of now: JDA refuses to answer an interaction whose id says it is older than 15 minutes
            long id = ((System.currentTimeMillis() - 1_420_070_400_000L) << 22) + tokens.get();
            String d = "{\"id\":\"" + id + "\",\"application_id\":\"" + BOT_ID + "\",\"type\":2,"
                    + "\"token\":\"" + token + "\",\"version\":1,\"locale\":\"en-US\",\"context\":1,"
                    + "\"channel_id\":\"1200000000000000001\",\"channel\":{\"id\":\"1200000000000000001\",\"type\":1,"
                    + "\"last_message_id\":null,\"recipients\":[" + u + "]},\"user\":" + u + ",\"app_permissions\":\"0\","
                    + "\"entitlements\":[],\"authorizing_integration_owners\":{\"1\":\"" + userId + "\"},"
                    + "\"data\":{\"id\":\"1300000000000000001\",\"name\":\"" + q.get("command") + "\",\"type\":1,\"options\":[]}}";
            int delivered = 0;
            for (Connection c : connections) {
                c.dispatch("INTERACTION_CREATE", d);
                delivered++;
            }
            respond(ex, delivered > 0 ? 200 : 503, "text/plain", delivered > 0 ? token + "\n" : "no shard connected\n");
        } else if (path.equals("/control/answers")) {
            respond(ex, 200, "text/plain", String.join("\n", answers.getOrDefault(q.get("token"), List.of())) + "\n");
        } else {
            respond(ex, 404, "text/plain", "unknown control path\n");
        }
    }

    static void rest(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10/", "");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher webhook = Pattern.compile("webhooks/" + BOT_ID + "/([^/]+)(/messages/@original)?").matcher(path);
        if (method.equals("GET") && path.equals("users/@me")) {
            respond(ex, 200, "application/json", user(BOT_ID, "study-buddy", true));
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            respond(ex, 200, "application/json", "{\"url\":\"" + gatewayUrl + "\",\"shards\":1,\"session_start_limit\":"
                    + "{\"total\":1000,\"remaining\":1000,\"reset_after\":0,\"max_concurrency\":1}}");
        } else if (method.equals("GET") && path.equals("gateway")) {
            respond(ex, 200, "application/json", "{\"url\":\"" + gatewayUrl + "\"}");
        } else if (method.equals("PUT") && path.matches("applications/" + BOT_ID + "/(guilds/\\d+/)?commands")) {
            respond(ex, 200, "application/json", "[]");
        } else if (method.equals("POST") && path.matches("interactions/\\d+/[^/]+/callback")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else if (webhook.matches()) {
            if (!method.equals("DELETE") && !body.isBlank()) {
                // the whole JSON body: an answer may be in content or in an embed's description
                answers.computeIfAbsent(webhook.group(1), k -> new CopyOnWriteArrayList<>()).add(body.replace("\n", " "));
            }
            if (method.equals("DELETE")) {
                ex.sendResponseHeaders(204, -1);
                ex.close();
            } else {
                respond(ex, 200, "application/json", message("1200000000000000001"));
            }
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            Matcher r = Pattern.compile("\"recipient_id\"\\s*:\\s*\"(\\d+)\"").matcher(body);
            String recipient = r.find() ? r.group(1) : "700000000000000001";
            respond(ex, 200, "application/json", "{\"id\":\"55" + recipient.substring(2) + "\",\"type\":1,"
                    + "\"last_message_id\":null,\"recipients\":[" + user(recipient, "someone", false) + "]}");
        } else if (method.equals("POST") && path.matches("channels/\\d+/messages")) {
            respond(ex, 200, "application/json", message(path.split("/")[1]));
        } else {
            respond(ex, 404, "application/json", "{\"message\": \"404: Not Found\", \"code\": 0}");
        }
    }

    /** Discord's echo of a sent message (the bot does not read it back; an empty content will do). */
    static String message(String channelId) {
        return "{\"id\":\"" + ids.incrementAndGet() + "\",\"channel_id\":\"" + channelId + "\",\"type\":0,\"content\":\"\",\"author\":" + user(BOT_ID, "study-buddy", true)
                + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],\"embeds\":[],"
                + "\"pinned\":false,\"flags\":0,\"components\":[]}";
    }

    static final class Connection {
        private final Socket socket;
        private final Deflater deflater = new Deflater();
        private final AtomicInteger seq = new AtomicInteger();
        private boolean zlib;
        private OutputStream out;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket) {
                InputStream in = socket.getInputStream();
                out = socket.getOutputStream();
                zlib = handshake(in).contains("compress=zlib-stream");
                send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
                DataInputStream data = new DataInputStream(in);
                while (true) {
                    int b0 = data.readUnsignedByte();
                    int b1 = data.readUnsignedByte();
                    long len = b1 & 0x7F;
                    if (len == 126) {
                        len = data.readUnsignedShort();
                    } else if (len == 127) {
                        len = data.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        data.readFully(mask);
                    }
                    byte[] payload = new byte[(int) len];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0F;
                    if (opcode == 8) {
                        return;
                    }
                    if (opcode == 1 || opcode == 2) {
                        onMessage(new String(payload, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the shard went away
            } finally {
                connections.remove(this);
            }
        }

        private void onMessage(String message) throws IOException {
            Matcher op = Pattern.compile("\"op\"\\s*:\\s*(\\d+)").matcher(message);
            int code = op.find() ? Integer.parseInt(op.group(1)) : -1;
            if (code == 1) {
                send("{\"op\":11}");
            } else if (code == 2 || code == 6) {
                dispatch("READY", "{\"v\":10,\"user\":" + user(BOT_ID, "study-buddy", true).replace("}", ",\"verified\":true,"
                        + "\"mfa_enabled\":false,\"flags\":0}") + ",\"guilds\":[],\"private_channels\":[],"
                        + "\"relationships\":[],\"presences\":[],\"session_id\":\"stub-session\",\"resume_gateway_url\":\""
                        + gatewayUrl + "\",\"shard\":[0,1],\"application\":{\"id\":\"" + BOT_ID + "\",\"flags\":0}}");
            }
        }

        synchronized void dispatch(String type, String d) {
            try {
                send("{\"op\":0,\"t\":\"" + type + "\",\"s\":" + seq.incrementAndGet() + ",\"d\":" + d + "}");
            } catch (IOException e) {
                System.out.println("could not send " + type + ": " + e);
            }
        }

        private synchronized void send(String message) throws IOException {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            if (zlib) {
                deflater.setInput(bytes);
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                do {
                    n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                    buf.write(chunk, 0, n);
                } while (n == chunk.length);
                frame(2, buf.toByteArray());
            } else {
                frame(1, bytes);
            }
        }

        private void frame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                f.write(126);
                f.write(payload.length >>> 8);
                f.write(payload.length & 0xFF);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) {
                    f.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
                }
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }

        private String handshake(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    String l = line.toString().strip();
                    if (l.isEmpty()) {
                        break;
                    }
                    lines.add(l);
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            String key = lines.stream().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst()
                    .orElseThrow(() -> new IOException("not a websocket handshake: " + lines));
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                        (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return lines.get(0);
        }
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

    static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
