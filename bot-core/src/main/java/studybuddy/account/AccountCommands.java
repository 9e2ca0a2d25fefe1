package studybuddy.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studybuddy.command.ActionCodec;
import studybuddy.command.Attachment;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.LearnerSettings;
import studybuddy.reminders.Outbox;
import studybuddy.reminders.OutboxMessage;
import studybuddy.storage.Database;

/** /link, /unlink, /export and /forget: one learner across platforms, and the learner's own data. */
public final class AccountCommands {
    private static final String BUNDLE = "account_commands";
    private static final Messages MSG = new Messages("account");
    private static final List<String> PLATFORMS = List.of("telegram", "discord", "console");
    private static final java.time.Duration CONFIRM_VALIDITY = java.time.Duration.ofMinutes(10);

    private final Database db;
    private final LearnerRepository learners;
    private final AccountLinks links;
    private final Clock clock;

    public AccountCommands(Database db, LearnerRepository learners, AccountLinks links,
                           Clock clock) {
        this.db = db;
        this.learners = learners;
        this.links = links;
        this.clock = clock;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("link", List.of(), BUNDLE, "link", List.of(
                        OptionSpec.text("code", false, "link.code"),
                        OptionSpec.choice("home", false, PLATFORMS.subList(0, 2), "link.home")),
                        Audience.PERSONAL, this::link, null),
                new CommandSpec("unlink", List.of(), BUNDLE, "unlink", List.of(
                        OptionSpec.choice("platform", false, PLATFORMS, "unlink.platform")),
                        Audience.PERSONAL, this::unlink, null),
                new CommandSpec("export", List.of("mydata"), BUNDLE, "export", List.of(), Audience.PERSONAL,
                        this::export, null),
                new CommandSpec("forget", List.of(), BUNDLE, "forget", List.of(), Audience.PERSONAL, this::forget,
                        null));
    }

    // ---------------------------------------------------------------- /link

    private Reply link(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        if (r.caller().groupChat()) {
            return Reply.text(MSG.get(lang, "privateOnly", "link")).asEphemeral();
        }
        String text = r.text();
        String home = r.has("home") ? r.option("home")
                : text.toLowerCase(Locale.ROOT).matches("(home|主页|主平台)\\s+\\S+") ? text.split("\\s+")[1] : null;
        if (home != null) {
            return home(learner, home.toLowerCase(Locale.ROOT));
        }
        if (text.equalsIgnoreCase("home") || text.equals("主页") || text.equals("主平台")) {
            List<PersonalData.Account> accounts = db.inTransaction(c -> PersonalData.accounts(c, learner.id()));
            List<Button> choices = accounts.stream().map(a -> new Button(platform(lang, a.platform()),
                    ActionCodec.encode("link", "home", a.platform()))).toList();
            return Reply.text(MSG.get(lang, "home.ask", accountsText(lang, accounts))).withChoices(choices);
        }
        String code = r.has("code") ? r.option("code") : text;
        if (code.isBlank()) {
            return issue(learner, r.caller().platform());
        }
        if (!AccountLinks.looksLikeCode(code)) {
            return Reply.text(MSG.get(lang, "link.notACode", shorten(code)));
        }
        AccountLinks.Outcome outcome = links.redeem(learner.id(), r.caller().platform(), code);
        if (outcome instanceof AccountLinks.Locked l) {
            return Reply.text(MSG.get(lang, "link.locked", time(l.until(), learner)));
        } else if (outcome instanceof AccountLinks.WrongCode w) {
            return Reply.text(MSG.get(lang, "link.wrong", w.triesLeft()));
        } else if (outcome instanceof AccountLinks.OwnCode) {
            return Reply.text(MSG.get(lang, "link.ownCode"));
        } else if (outcome instanceof AccountLinks.AlreadyLinked) {
            return Reply.text(MSG.get(lang, "link.already"));
        } else if (outcome instanceof AccountLinks.SamePlatform s) {
            return Reply.text(MSG.get(lang, "link.samePlatform", platform(lang, s.platform())));
        }
        return merged((AccountLinks.Merged) outcome, r);
    }

    private Reply issue(Learner learner, String platform) {
        Lang lang = learner.lang();
        AccountLinks.Issued issued = links.issue(learner.id(), platform);
        List<PersonalData.Account> accounts = db.inTransaction(c -> PersonalData.accounts(c, learner.id()));
        StringBuilder text = new StringBuilder(MSG.get(lang, "link.code", issued.code(),
                AccountLinks.CODE_VALIDITY.toMinutes(), time(issued.expiresAt(), learner)));
        if (accounts.size() > 1) {
            text.append("\n\n").append(accountsText(lang, accounts));
        }
        return Reply.text(text.toString());
    }

    private Reply merged(AccountLinks.Merged m, CommandRequest r) {
        Learner kept = learners.find(m.keptId()).orElseThrow();
        Lang lang = kept.lang();
        List<PersonalData.Account> accounts = db.inTransaction(c -> PersonalData.accounts(c, kept.id()));
        String names = String.join(MSG.get(lang, "and"), accounts.stream().map(a -> platform(lang, a.platform())).toList());
        StringBuilder text = new StringBuilder(MSG.get(lang, "merged.title", names));
        text.append("\n• ").append(MSG.get(lang, m.olderWon() ? "merged.settingsOlder" : "merged.settingsOnlyPlan",
                platform(lang, m.settingsFrom())));
        text.append("\n• ").append(MSG.get(lang, "merged.progress"));
        text.append("\n• ").append(MSG.get(lang, "merged.kept", m.reminders(), m.groups(), zone(kept).getId()));
        text.append("\n• ").append(MSG.get(lang, "merged.home", platform(lang, m.homePlatform()),
                otherPlatform(accounts, m.homePlatform())));
        // the account that asked for the code learns it on its own platform too (unless that is this chat)
        PersonalData.Account asked = m.codeAccount();
        if (!asked.platform().equals(r.caller().platform())) {
            db.inTransaction(c -> {
                Outbox.enqueue(c, List.of(new OutboxMessage(kept.id(), asked.platform(), asked.chatId(), true, "account",
                        "linked:" + kept.id() + ":" + r.caller().platform() + ":" + clock.instant().getEpochSecond(),
                        text.toString(), List.of(), null)), clock.instant());
                return null;
            });
        }
        return Reply.text(text.toString());
    }

    private Reply home(Learner learner, String platform) {
        Lang lang = learner.lang();
        if (!PLATFORMS.contains(platform)) {
            return Reply.text(MSG.get(lang, "home.unknown", shorten(platform)));
        }
        if (!links.setHome(learner.id(), platform)) {
            return Reply.text(MSG.get(lang, "home.noAccount", platform(lang, platform)));
        }
        return Reply.text(MSG.get(lang, "home.set", platform(lang, platform)));
    }

    // ---------------------------------------------------------------- /unlink

    private Reply unlink(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        if (r.caller().groupChat()) {
            return Reply.text(MSG.get(lang, "privateOnly", "unlink")).asEphemeral();
        }
        List<PersonalData.Account> accounts = db.inTransaction(c -> PersonalData.accounts(c, learner.id()));
        if (accounts.size() < 2) {
            return Reply.text(MSG.get(lang, "unlink.nothing"));
        }
        String wanted = r.has("platform") ? r.option("platform").toLowerCase(Locale.ROOT)
                : r.text().isBlank() ? null : r.text().strip().toLowerCase(Locale.ROOT);
        Optional<PersonalData.Account> target;
        if (wanted != null) {
            target = accounts.stream().filter(a -> a.platform().equals(wanted)).findFirst();
            if (target.isEmpty()) {
                return Reply.text(MSG.get(lang, "home.noAccount", platform(lang, shorten(wanted))));
            }
        } else {
            List<PersonalData.Account> others = accounts.stream().filter(a -> !a.home()).toList();
            Optional<PersonalData.Account> self = others.stream()
                    .filter(a -> a.platform().equals(r.caller().platform())).findFirst();
            target = self.isPresent() ? self : others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
            if (target.isEmpty()) {
                List<Button> choices = new ArrayList<>();
                others.forEach(a -> choices.add(new Button(platform(lang, a.platform()),
                        ActionCodec.encode("unlink", "platform", a.platform()))));
                return Reply.text(MSG.get(lang, "unlink.which")).withChoices(choices);
            }
        }
        PersonalData.Account account = target.get();
        if (account.home()) {
            String other = otherPlatform(accounts, account.platform());
            return Reply.text(MSG.get(lang, "unlink.home", platform(lang, account.platform()), other));
        }
        links.unlink(learner.id(), account);
        PersonalData.Account home = accounts.get(0);
        return Reply.text(MSG.get(lang, "unlink.done", platform(lang, account.platform()), platform(lang, home.platform())));
    }

    // ---------------------------------------------------------------- /export

    private Reply export(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        if (r.caller().groupChat()) {
            return Reply.text(MSG.get(lang, "privateOnly", "export")).asEphemeral();
        }
        Instant now = clock.instant();
        PersonalData.Export export = db.inTransaction(c -> PersonalData.export(c, learner.id(), now));
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(now.atZone(zone(learner)));
        return Reply.text(summary(lang, learner, export))
                .withAttachment(new Attachment("study-buddy-data-" + date + ".json", "application/json", export.json()));
    }

    private String summary(Lang lang, Learner learner, PersonalData.Export e) {
        StringBuilder text = new StringBuilder(MSG.get(lang, "export.title"));
        String settings = learner.settings().map(s -> describe(lang, s)).orElse(MSG.get(lang, "export.noPlan"));
        text.append("\n• ").append(MSG.get(lang, "export.profile", learner.displayName(), settings));
        text.append("\n• ").append(MSG.get(lang, "export.accounts", String.join(MSG.get(lang, "and"),
                e.accounts().stream().map(a -> platform(lang, a.platform())).toList())));
        int known = e.count("learner") + e.count("learner_account");
        int listed = known;
        for (Map.Entry<String, String> line : List.of(
                Map.entry("unit_progress", "export.progress"), Map.entry("weekly_goal", "export.goals"),
                Map.entry("reminder", "export.reminders"), Map.entry("learner_note", "export.notes"),
                Map.entry("work_link", "export.links"), Map.entry("project", "export.projects"),
                Map.entry("group_member", "export.groups"), Map.entry("checkin_answer", "export.checkins"),
                Map.entry("outbox", "export.messages"))) {
            int n = e.count(line.getKey());
            listed += n;
            if (n > 0) {
                text.append("\n• ").append(MSG.get(lang, line.getValue(), n));
            }
        }
        listed += e.count("project_milestone");
        int other = e.total() - listed;
        if (other > 0) {
            text.append("\n• ").append(MSG.get(lang, "export.other", other));
        }
        text.append("\n\n").append(MSG.get(lang, "export.footer"));
        return text.toString();
    }

    private static String describe(Lang lang, LearnerSettings s) {
        return MSG.get(lang, "export.settings", s.weeklyHours(), s.zone().getId(),
                s.checkinDay().getDisplayName(java.time.format.TextStyle.FULL, lang.locale()), s.checkinTime());
    }

    // ---------------------------------------------------------------- /forget

    private Reply forget(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        if (r.caller().groupChat()) {
            return Reply.text(MSG.get(lang, "privateOnly", "forget")).asEphemeral();
        }
        String typed = r.text().strip();
        Instant now = clock.instant();
        if (typed.equalsIgnoreCase("keep")) {
            return Reply.text(MSG.get(lang, "forget.kept"));
        }
        if (typed.isBlank()) {
            long until = now.plus(CONFIRM_VALIDITY).getEpochSecond();
            String token = Long.toString(until, 36) + "-" + confirmation(learner, until);
            List<PersonalData.Account> accounts = db.inTransaction(c -> PersonalData.accounts(c, learner.id()));
            String where = String.join(MSG.get(lang, "and"), accounts.stream().map(a -> platform(lang, a.platform())).toList());
            return Reply.text(MSG.get(lang, "forget.confirm", where, CONFIRM_VALIDITY.toMinutes())).withButtons(List.of(
                    new Button(MSG.get(lang, "forget.button.yes"), ActionCodec.encode("forget") + " " + token,
                            Button.Style.DANGER),
                    new Button(MSG.get(lang, "forget.button.no"), ActionCodec.encode("forget") + " keep")));
        }
        if (!confirmed(learner, typed, now)) {
            return Reply.text(MSG.get(lang, "forget.expired"));
        }
        int rows = db.inTransaction(c -> {
            try (var ps = c.prepareStatement("select id from learner where id = ? for update")) {
                ps.setLong(1, learner.id());
                ps.executeQuery().close();
            }
            return PersonalData.erase(c, learner.id());
        });
        return Reply.text(MSG.get(lang, "forget.done", rows));
    }

    /**
     * The confirmation of /forget is "expiry-check": the check ties it to this learner and that expiry, so an old
     * button or a typo erases nothing. It guards against accidents, not attackers: only the learner can send it.
     */
    private static String confirmation(Learner learner, long until) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    ("forget:" + learner.id() + ":" + learner.platform() + ":" + learner.userId() + ":" + until)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean confirmed(Learner learner, String typed, Instant now) {
        int dash = typed.indexOf('-');
        if (dash < 1) {
            return false;
        }
        long until;
        try {
            until = Long.parseLong(typed.substring(0, dash), 36);
        } catch (NumberFormatException e) {
            return false;
        }
        return until > now.getEpochSecond() && until <= now.plus(CONFIRM_VALIDITY).getEpochSecond()
                && typed.substring(dash + 1).equals(confirmation(learner, until));
    }

    // ---------------------------------------------------------------- texts

    private static String accountsText(Lang lang, List<PersonalData.Account> accounts) {
        String home = accounts.stream().filter(PersonalData.Account::home).findFirst().map(a -> platform(lang, a.platform()))
                .orElse("?");
        return MSG.get(lang, "accounts", String.join(MSG.get(lang, "and"),
                accounts.stream().map(a -> platform(lang, a.platform())).toList()), home);
    }

    private static String otherPlatform(List<PersonalData.Account> accounts, String not) {
        return accounts.stream().map(PersonalData.Account::platform).filter(p -> !p.equals(not)).findFirst().orElse(not);
    }

    static String platform(Lang lang, String id) {
        String key = "platform." + id;
        return MSG.has(key) ? MSG.get(lang, key) : id;
    }

    private String time(Instant at, Learner learner) {
        return DateTimeFormatter.ofPattern("HH:mm", lang(learner).locale()).format(at.atZone(zone(learner)))
                + " (" + zone(learner).getId() + ")";
    }

    private static Lang lang(Learner learner) {
        return learner.lang();
    }

    private static ZoneId zone(Learner learner) {
        return learner.settings().map(LearnerSettings::zone).orElse(ZoneOffset.UTC);
    }

    private static String shorten(String s) {
        String one = s.strip();
        return one.length() > 30 ? one.substring(0, 29) + "…" : one;
    }
}
