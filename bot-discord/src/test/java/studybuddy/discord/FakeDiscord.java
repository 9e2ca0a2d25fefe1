package studybuddy.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A local stand-in for Discord, good enough for real JDA: a REST API (JDK HttpServer) that records every request,
 * and a gateway websocket (hand-written RFC 6455 server, zlib-stream like Discord's) that says HELLO, answers
 * IDENTIFY with READY, acknowledges heartbeats and lets the test dispatch events.
 */
final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "123456789012345678";
    /** A user whose DMs are closed: sending to them gets Discord's 50007. */
    static final String CLOSED_DMS_USER = "700000000000000099";

    record Request(String method, String path, String body) {
        DataObject json() {
            return DataObject.fromJson(body);
        }

        DataArray jsonArray() {
            return DataArray.fromJson(body);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Multipart requests (messages with files), raw: method, path, and the whole body as bytes. */
    record Upload(String method, String path, String contentType, byte[] raw) {
        /** Whether the body holds these bytes (e.g. a PNG's) somewhere. */
        boolean contains(byte[] data) {
            outer:
            for (int i = 0; i + data.length <= raw.length; i++) {
                for (int j = 0; j < data.length; j++) {
                    if (raw[i + j] != data[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    final List<Upload> uploads = new CopyOnWriteArrayList<>();
    /** Messages created, by id (a repeat Discord dropped by its nonce is the same id again: a set). */
    final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, DataObject> byNonce = new java.util.concurrent.ConcurrentHashMap<>();
    final List<DataObject> identifies = new CopyOnWriteArrayList<>();
    private final HttpServer http;
    private final ServerSocket gatewaySocket;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_400_000_000_000_000_000L);

    FakeDiscord() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::rest);
        http.start();
        gatewaySocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fake-gateway");
        accept.setDaemon(true);
        accept.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gatewaySocket.getLocalPort() + "/";
    }

    static DataObject user(String id, String name) {
        return DataObject.empty().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).put("avatar", null).put("bot", false);
    }

    /** Sends an event to every connected shard. */
    void dispatch(String type, DataObject data) {
        for (Connection c : connections) {
            try {
                c.dispatch(type, data);
            } catch (IllegalStateException e) {
                // a shard's old connection, closing after a restart: the new one gets it
            }
        }
    }

    /** Waits for the first recorded request that matches. */
    Request await(String method, String pathRegex) throws InterruptedException {
        return await(r -> r.method().equals(method) && r.path().matches(pathRegex), method + " " + pathRegex);
    }

    Request await(Predicate<Request> match, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            for (Request r : requests) {
                if (match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Discord never got " + what + "; got "
                + requests.stream().map(r -> r.method() + " " + r.path()).toList());
    }

    /**
     * A server the bot is on, as GUILD_CREATE tells JDA: one text channel, @everyone may read and write, the bot is
     * an administrator, and role {@code adminRoleId} has Manage Server.
     */
    static DataObject guild(String guildId, String channelId, String adminRoleId) {
        long viewSendEmbedAttachHistory = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16);
        DataArray roles = DataArray.empty()
                .add(role(guildId, "@everyone", viewSendEmbedAttachHistory, 0))
                .add(role(adminRoleId, "admins", 1L << 5, 1))
                .add(role("1500000000000000009", "bot", 1L << 3, 2));
        DataObject self = DataObject.empty().put("user", user(BOT_ID, "study-buddy").put("bot", true))
                .put("roles", DataArray.empty().add("1500000000000000009")).put("joined_at", "2025-01-01T00:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0);
        DataObject channel = DataObject.empty().put("id", channelId).put("type", 0).put("name", "study")
                .put("position", 0).put("permission_overwrites", DataArray.empty()).put("guild_id", guildId)
                .put("parent_id", null).put("nsfw", false).put("topic", null).put("last_message_id", null)
                .put("rate_limit_per_user", 0);
        return DataObject.empty().put("id", guildId).put("name", "Study server").put("icon", null).put("splash", null)
                .put("owner_id", "700000000000000001").put("afk_channel_id", null).put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("roles", roles).put("emojis", DataArray.empty()).put("stickers", DataArray.empty())
                .put("features", DataArray.empty()).put("mfa_level", 0).put("system_channel_id", null)
                .put("member_count", 3).put("large", false).put("unavailable", false)
                .put("channels", DataArray.empty().add(channel)).put("threads", DataArray.empty())
                .put("members", DataArray.empty().add(self)).put("voice_states", DataArray.empty())
                .put("presences", DataArray.empty()).put("guild_scheduled_events", DataArray.empty())
                .put("preferred_locale", "en-US").put("premium_tier", 0).put("nsfw_level", 0)
                .put("joined_at", "2025-01-01T00:00:00.000000+00:00");
    }

    private static DataObject role(String id, String name, long permissions, int position) {
        return DataObject.empty().put("id", id).put("name", name).put("permissions", Long.toString(permissions))
                .put("position", position).put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null)
                        .put("tertiary_color", null)).put("hoist", false).put("managed", false)
                .put("mentionable", false).put("flags", 0);
    }

    // ---- REST ----

    private void rest(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10/", "");
        byte[] raw = ex.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/")) {
            uploads.add(new Upload(method, path, contentType, raw));
            body = new String(multipartJson(body).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } else {
            body = new String(raw, StandardCharsets.UTF_8);
        }
        requests.add(new Request(method, path, body));
        String app = BOT_ID;
        if (method.equals("GET") && path.equals("users/@me")) {
            json(ex, 200, user(BOT_ID, "study-buddy").put("bot", true).toString());
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            json(ex, 200, DataObject.empty().put("url", gatewayUrl()).put("shards", 1)
                    .put("session_start_limit", DataObject.empty().put("total", 1000).put("remaining", 1000)
                            .put("reset_after", 0).put("max_concurrency", 1)).toString());
        } else if (method.equals("GET") && path.equals("gateway")) {
            json(ex, 200, DataObject.empty().put("url", gatewayUrl()).toString());
        } else if (method.equals("PUT") && path.matches("applications/" + app + "/(guilds/\\d+/)?commands")) {
            DataArray commands = DataArray.fromJson(body);
            DataArray out = DataArray.empty();
            for (int i = 0; i < commands.length(); i++) {
                out.add(commands.getObject(i).put("id", Long.toString(ids.incrementAndGet()))
                        .put("application_id", app).put("version", "1"));
            }
            json(ex, 200, out.toString());
        } else if (method.equals("POST") && path.matches("interactions/\\d+/[^/]+/callback")) {
            empty(ex);
        } else if (path.matches("webhooks/" + app + "/[^/]+(/messages/@original)?")) {
            if (method.equals("DELETE")) {
                empty(ex);
            } else {
                json(ex, 200, message("1200000000000000001", body).toString());
            }
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            String recipient = DataObject.fromJson(body).getString("recipient_id");
            json(ex, 200, DataObject.empty().put("id", "55" + recipient.substring(2)).put("type", 1)
                    .put("last_message_id", null)
                    .put("recipients", DataArray.empty().add(user(recipient, "someone"))).toString());
        } else if (method.equals("POST") && path.matches("channels/\\d+/messages")) {
            if (path.equals("channels/55" + CLOSED_DMS_USER.substring(2) + "/messages")) {
                json(ex, 403, "{\"message\": \"Cannot send messages to this user\", \"code\": 50007}");
            } else {
                // enforce_nonce: a nonce seen before in this channel returns the message it created, no new one
                DataObject sent = body.isBlank() ? DataObject.empty() : DataObject.fromJson(body);
                String nonce = sent.getBoolean("enforce_nonce", false) ? sent.getString("nonce", null) : null;
                String channel = path.split("/")[1];
                String posted = body;
                DataObject message = nonce == null ? message(channel, posted)
                        : byNonce.computeIfAbsent(channel + "/" + nonce, k -> message(channel, posted));
                created.add(message.getString("id"));
                json(ex, 200, message.toString());
            }
        } else {
            json(ex, 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
        }
    }

    private DataObject message(String channelId, String body) {
        DataObject sent = body.isBlank() ? DataObject.empty() : DataObject.fromJson(body);
        return DataObject.empty().put("id", Long.toString(ids.incrementAndGet())).put("channel_id", channelId)
                .put("type", 0).put("content", sent.getString("content", ""))
                .put("author", user(BOT_ID, "study-buddy").put("bot", true))
                .put("timestamp", "2025-01-01T00:00:00.000000+00:00").put("edited_timestamp", null)
                .put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty())
                .put("embeds", embeds(sent.optArray("embeds").orElseGet(DataArray::empty))).put("pinned", false)
                .put("flags", sent.getInt("flags", 0))
                .put("components", DataArray.empty());
    }

    /** Discord's echo of the embeds sent: each with its type, which JDA requires. */
    private static DataArray embeds(DataArray sent) {
        DataArray out = DataArray.empty();
        for (int i = 0; i < sent.length(); i++) {
            out.add(sent.getObject(i).put("type", "rich"));
        }
        return out;
    }

    /** The payload_json part of a multipart request (JDA sends messages with files that way). */
    private static String multipartJson(String body) {
        int name = body.indexOf("name=\"payload_json\"");
        if (name < 0) {
            return body;
        }
        int start = body.indexOf("\r\n\r\n", name) + 4;
        int end = body.indexOf("\r\n--", start);
        return body.substring(start, end);
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void empty(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    // ---- gateway ----

    private void acceptLoop() {
        while (!gatewaySocket.isClosed()) {
            try {
                Socket socket = gatewaySocket.accept();
                Connection c = new Connection(socket);
                connections.add(c);
                Thread t = new Thread(c::run, "fake-gateway-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Connection {
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
                String requestLine = handshake(in);
                zlib = requestLine.contains("compress=zlib-stream");
                send(DataObject.empty().put("op", 10).put("d", DataObject.empty().put("heartbeat_interval", 41250)));
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
                        onMessage(DataObject.fromJson(new String(payload, StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                // the shard went away
            } finally {
                connections.remove(this);
            }
        }

        private void onMessage(DataObject message) throws IOException {
            switch (message.getInt("op")) {
                case 1 -> send(DataObject.empty().put("op", 11));
                case 2 -> {
                    identifies.add(message.getObject("d"));
                    dispatch("READY", DataObject.empty().put("v", 10)
                            .put("user", user(BOT_ID, "study-buddy").put("bot", true).put("verified", true)
                                    .put("mfa_enabled", false).put("flags", 0))
                            .put("guilds", DataArray.empty()).put("private_channels", DataArray.empty())
                            .put("relationships", DataArray.empty()).put("presences", DataArray.empty())
                            .put("session_id", "fake-session").put("resume_gateway_url", gatewayUrl())
                            .put("shard", DataArray.empty().add(0).add(1))
                            .put("application", DataObject.empty().put("id", BOT_ID).put("flags", 0)));
                }
                default -> {
                }
            }
        }

        synchronized void dispatch(String type, DataObject d) {
            try {
                send(DataObject.empty().put("op", 0).put("t", type).put("s", seq.incrementAndGet()).put("d", d));
            } catch (IOException e) {
                throw new IllegalStateException("fake gateway could not send " + type, e);
            }
        }

        private synchronized void send(DataObject message) throws IOException {
            byte[] bytes = message.toString().getBytes(StandardCharsets.UTF_8);
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

    @Override
    public void close() throws IOException {
        http.stop(0);
        gatewaySocket.close();
        for (Connection c : connections) {
            c.socket.close();
        }
    }
}
