package studybuddy.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Caller;
import studybuddy.command.InputText;
import studybuddy.i18n.Lang;

/**
 * The thin JDA side: registers the slash commands and hands every interaction to the {@link DiscordInbox}, which
 * stores it, acknowledges it within Discord's 3 s, runs the core through {@link DiscordInteractionRouter} and sends
 * its {@link DiscordResponse}. A failing handler is answered with an apology, never left "thinking". Forms and
 * autocomplete are answered directly: they must be the interaction's first and only response and change nothing.
 */
public final class DiscordListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

    private final DiscordInteractionRouter router;
    private final Executor executor;
    private final List<SlashCommandData> commands;
    private final Optional<String> guildId;
    private final java.util.concurrent.ConcurrentMap<String, CompletableFuture<Void>> dmQueues =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final DiscordInbox inbox;

    public DiscordListener(DiscordInteractionRouter router, Executor executor, List<SlashCommandData> commands,
                           Optional<String> guildId, DiscordInbox inbox) {
        this.router = router;
        this.executor = executor;
        this.commands = List.copyOf(commands);
        this.guildId = guildId;
        this.inbox = inbox;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (guildId.isPresent() || event.getJDA().getShardInfo().getShardId() != 0) {
            return;
        }
        event.getJDA().updateCommands().addCommands(commands).queue(
                done -> log.info("Registered {} slash commands globally (Discord may take up to an hour to show them)",
                        done.size()),
                e -> log.error("Registering the slash commands globally failed; check the bot's application: {}",
                        e.toString()));
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (guildId.isEmpty() || !guildId.get().equals(event.getGuild().getId())) {
            return;
        }
        event.getGuild().updateCommands().addCommands(commands).queue(
                done -> log.info("Registered {} slash commands on server {}", done.size(), guildId.get()),
                e -> log.error("Registering the slash commands on server {} failed; is the bot invited with the "
                        + "applications.commands scope? {}", guildId.get(), e.toString()));
    }

    /**
     * Text typed in a DM with the bot, handled as on Telegram: questions, dialogue answers, command lines. Server
     * messages are never read (no message-content intent): there, slash commands and components do everything.
     */
    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.isFromGuild() || event.getAuthor().isBot() || event.getAuthor().isSystem()) {
            return;
        }
        User user = event.getAuthor();
        String text = InputText.clean(event.getMessage().getContentRaw());
        // A DM carries no locale: the core keeps the learner's language, or guesses it from the text itself
        Caller caller = new Caller(DiscordBot.PLATFORM, user.getId(), user.getId(), false, false,
                InputText.clean(user.getEffectiveName()), Lang.detect(text));
        Runnable work = () -> router.typed(caller, text).ifPresent(response -> {
            for (MessageCreateData m : response.messages()) {
                // complete(): the next message of this user is handled only once this answer is out
                try {
                    event.getChannel().sendMessage(m).complete();
                } catch (RuntimeException e) {
                    log.warn("Answering a DM of user {} failed: {}", user.getId(), e.toString());
                }
            }
        });
        // One user's messages are handled in the order they were typed ("/start", "developer", …)
        CompletableFuture<Void> queued = dmQueues.compute(user.getId(), (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(work, executor)
                        .exceptionally(e -> {
                            log.error("A DM of user {} could not be handled: {}", id, e.toString());
                            return null;
                        }));
        queued.whenComplete((v, e) -> dmQueues.remove(user.getId(), queued));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Caller caller = caller(event);
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), o.getAsString());
        }
        String command = event.getName();
        answer(event, DiscordRequest.SLASH, caller, command, options,
                router.expectsEphemeral(caller, command, options), "/" + command);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String action = event.getComponentId();
        runAction(event, caller(event), action);
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        if (!event.getComponentId().startsWith(DiscordRenderer.CHOICE_MENU) || event.getValues().isEmpty()) {
            return;
        }
        runAction(event, caller(event), event.getValues().get(0));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Caller caller = caller(event);
        Map<String, String> fields = new LinkedHashMap<>();
        for (ModalMapping m : event.getValues()) {
            fields.put(m.getCustomId(), m.getAsString());
        }
        String modalId = event.getModalId();
        String action = modalId.startsWith(DiscordInteractionRouter.MODAL_PREFIX)
                ? modalId.substring(DiscordInteractionRouter.MODAL_PREFIX.length()) : modalId;
        answer(event, DiscordRequest.MODAL, caller, modalId, fields, router.expectsEphemeral(caller, action),
                "modal " + action);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Caller caller = caller(event);
        String command = event.getName();
        String option = event.getFocusedOption().getName();
        String typed = event.getFocusedOption().getValue();
        try {
            executor.execute(() -> event.replyChoices(router.autocomplete(caller, command, option, typed)).queue(null,
                    e -> log.debug("Autocomplete answer for /{} came too late: {}", command, e.toString())));
        } catch (RuntimeException e) {
            event.replyChoices(List.of()).queue();
        }
    }

    private <E extends IReplyCallback & IModalCallback> void runAction(E event, Caller caller, String action) {
        Optional<Modal> modal = router.modalFor(caller, action);
        if (modal.isPresent()) {
            event.replyModal(modal.get()).queue(null,
                    e -> log.warn("Opening the form for {} failed: {}", action, e.toString()));
            return;
        }
        answer(event, DiscordRequest.ACTION, caller, action, Map.of(), router.expectsEphemeral(caller, action), action);
    }

    /** Stores the interaction, acknowledges it and answers it from the inbox. */
    private void answer(IReplyCallback event, String kind, Caller caller, String command, Map<String, String> options,
                        boolean ephemeral, String what) {
        inbox.receive(event, new DiscordRequest(event.getId(), event.getToken(), kind, caller, command, options,
                ephemeral, what));
    }

    /**
     * The first message replaces the "thinking…" one; if the answer turned out private but the deferral was public,
     * the public placeholder is deleted and everything goes as private follow-ups.
     */
    static void send(InteractionHook hook, boolean deferredEphemeral, DiscordResponse response, String what) {
        List<MessageCreateData> messages = response.messages();
        int from = 0;
        boolean ephemeral = deferredEphemeral || response.ephemeral();
        if (response.ephemeral() && !deferredEphemeral) {
            hook.deleteOriginal().queue(null, e -> log.debug("Deleting the placeholder of {} failed: {}", what, e.toString()));
        } else {
            hook.editOriginal(MessageEditData.fromCreateData(messages.get(0))).queue(null,
                    e -> log.warn("Answering {} failed: {}", what, e.toString()));
            from = 1;
        }
        for (MessageCreateData m : messages.subList(from, messages.size())) {
            hook.sendMessage(m).setEphemeral(ephemeral).queue(null,
                    e -> log.warn("Sending a follow-up of {} failed: {}", what, e.toString()));
        }
    }

    /**
     * Whether the member may change the server's settings (Manage Server, or Administrator which implies it): the
     * core's {@code Caller.chatAdmin}, e.g. for {@code /group action:setup}. On a server the bot does not have in
     * its cache (a "detached" one, e.g. not loaded yet) JDA can only answer for the interaction's channel, from the
     * permissions Discord sent with it; Manage Server is server-wide, so that is the same answer.
     */
    static boolean manageServer(Interaction interaction, Member member) {
        if (member == null) {
            return false;
        }
        try {
            if (interaction.getGuild().isDetached()) {
                return interaction.getGuildChannel() != null
                        && member.hasPermission(interaction.getGuildChannel(), Permission.MANAGE_SERVER);
            }
            return member.hasPermission(Permission.MANAGE_SERVER);
        } catch (RuntimeException e) {
            log.warn("Could not tell whether Discord user {} has Manage Server; treated as a member: {}",
                    interaction.getUser().getId(), e.toString());
            return false;
        }
    }

    /** Who is calling from where: on a server the channel is the chat; in a DM the user is (as in Caller.direct). */
    static Caller caller(Interaction interaction) {
        User user = interaction.getUser();
        Member member = interaction.getMember();
        boolean onServer = interaction.getGuild() != null;
        boolean admin = onServer && manageServer(interaction, member);
        String chatId = onServer && interaction.getChannelId() != null ? interaction.getChannelId() : user.getId();
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        Lang lang = Lang.fromLocaleTag(interaction.getUserLocale().getLocale());
        return new Caller(DiscordBot.PLATFORM, user.getId(), chatId, onServer, admin, name, lang);
    }
}
