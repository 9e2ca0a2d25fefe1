package studybuddy.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** Starts JDA for the bot: sharded, non-privileged intents only (DMs), REST and gateway where the settings say. */
public final class DiscordBot {
    public static final String PLATFORM = "discord";

    private DiscordBot() {
    }

    /**
     * Logs in and connects the shards Discord recommends (one gateway connection each) in the background.
     * Only the direct-messages intent (JDA always has the guilds intent): servers, channels and roles (Manage Server
     * checks) and text typed in DMs, whose content Discord delivers without the privileged message-content intent.
     * Interactions need no intent; server messages are never read.
     */
    public static ShardManager start(DiscordConfig config, Object... listeners) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token(),
                        EnumSet.of(GatewayIntent.DIRECT_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
                .setSessionController(new GatewaySessionController(config.gatewayUrl().orElse(null)))
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        return builder.build();
    }

    /** Moves the gateway when DISCORD_GATEWAY_URL is set, keeping the shard count and concurrency Discord names. */
    static final class GatewaySessionController extends ConcurrentSessionController {
        private final String gatewayUrl;

        GatewaySessionController(String gatewayUrl) {
            this.gatewayUrl = gatewayUrl;
        }

        @Override
        public String getGateway() {
            return gatewayUrl == null ? super.getGateway() : gatewayUrl;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            ShardedGateway gateway = super.getShardedGateway(api);
            return gatewayUrl == null ? gateway
                    : new ShardedGateway(gatewayUrl, gateway.getShardTotal(), gateway.getConcurrency());
        }
    }
}
