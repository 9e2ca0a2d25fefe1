package studybuddy.discord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * The adapter's settings from the environment. {@code toString} never shows the token.
 *
 * @param token      DISCORD_BOT_TOKEN (required)
 * @param guildId    DISCORD_GUILD_ID: register the commands on this server only (instant, for development);
 *                   empty → globally
 * @param apiUrl     DISCORD_API_URL: REST base, default Discord's own (https://discord.com/api/v10/)
 * @param gatewayUrl DISCORD_GATEWAY_URL: gateway websocket; empty → the one Discord names
 */
public record DiscordConfig(String token, Optional<String> guildId, String apiUrl, Optional<String> gatewayUrl) {

    /** A setting that stops the start-up; its message is one sentence for the operator. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    public static DiscordConfig fromEnvironment(Map<String, String> env) {
        String token = env.getOrDefault("DISCORD_BOT_TOKEN", "").strip();
        if (token.isEmpty()) {
            throw new ConfigException("DISCORD_BOT_TOKEN is not set: set it to the bot token from the Discord "
                    + "developer portal (Applications > your app > Bot > Reset Token).");
        }
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).strip();
        }
        if (!looksLikeBotToken(token)) {
            throw new ConfigException("DISCORD_BOT_TOKEN does not look like a Discord bot token (three parts separated "
                    + "by dots): copy it again from the Discord developer portal (Bot > Reset Token).");
        }
        Optional<String> guild = Optional.ofNullable(env.get("DISCORD_GUILD_ID")).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (guild.isPresent() && !guild.get().matches("\\d{15,21}")) {
            throw new ConfigException("DISCORD_GUILD_ID must be a server id (15 to 21 digits; right-click the server "
                    + "> Copy Server ID), or unset to register the commands globally.");
        }
        String api = Optional.ofNullable(env.get("DISCORD_API_URL")).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(RestConfig.DEFAULT_BASE_URL);
        if (!api.matches("https?://.+")) {
            throw new ConfigException("DISCORD_API_URL must be an http(s) address such as https://discord.com/api/v10/.");
        }
        api = api.endsWith("/") ? api : api + "/";
        Optional<String> gateway = Optional.ofNullable(env.get("DISCORD_GATEWAY_URL")).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (gateway.isPresent() && !gateway.get().matches("wss?://.+")) {
            throw new ConfigException("DISCORD_GATEWAY_URL must be a websocket address such as wss://gateway.discord.gg.");
        }
        return new DiscordConfig(token, guild, api, gateway);
    }

    /** Three base64url parts; the first is the bot's user id in base64. */
    static boolean looksLikeBotToken(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].length() < 20) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[A-Za-z0-9_-]+")) {
                return false;
            }
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(pad(parts[0])), StandardCharsets.US_ASCII);
            return id.matches("\\d{15,21}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String pad(String s) {
        return s + "===".substring(0, (4 - s.length() % 4) % 4);
    }

    @Override
    public String toString() {
        return "DiscordConfig[guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
