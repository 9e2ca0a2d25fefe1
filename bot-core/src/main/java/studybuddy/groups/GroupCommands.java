package studybuddy.groups;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studybuddy.command.ActionCodec;
import studybuddy.command.Audience;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.command.Suggest;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.DialogueRepository;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;
import studybuddy.learner.SettingParsers;
import studybuddy.learner.TimezoneParser;
import studybuddy.reminders.WallClock;

/** /group (setup, status, pause, resume, off, join, leave), /checkin, /away and /note. */
public final class GroupCommands {
    private static final String BUNDLE = "groups_commands";
    private static final Messages MSG = new Messages("groups");
    private static final List<String> SETUP_KEYS = List.of("day", "time", "timezone", "window", "lang");
    private static final List<String> ACTIONS = List.of("status", "setup", "pause", "resume", "off", "join", "leave");
    private static final List<String> ANSWER_KEYS = List.of("done", "next", "blockers");
    private static final Pattern AWAY = Pattern.compile("(?i)^(\\d{1,3})\\s*(d|days?|w|wks?|weeks?|天|周|星期)$");
    private static final int MAX_NOTE = 1000;
    private static final int MAX_AWAY_DAYS = 183;

    private final GroupRepository groups;
    private final LearnerRepository learners;
    private final DialogueRepository dialogues;
    private final Clock clock;

    public GroupCommands(GroupRepository groups, LearnerRepository learners, DialogueRepository dialogues, Clock clock) {
        this.groups = groups;
        this.learners = learners;
        this.dialogues = dialogues;
        this.clock = clock;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("group", List.of(), BUNDLE, "group", List.of(
                        OptionSpec.choice("action", false, ACTIONS, "group.action"),
                        OptionSpec.choice("day", false, List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "group.day"),
                        OptionSpec.text("time", false, "group.time"),
                        OptionSpec.autocomplete("timezone", false, "group.timezone"),
                        OptionSpec.integer("window", false, "group.window"),
                        OptionSpec.choice("lang", false, List.of("en", "zh"), "group.lang")),
                        Audience.GROUP, this::group, (caller, option, typed) -> TimezoneParser.suggest(typed, 25).stream()
                        .map(z -> new Button(z, z)).toList()),
                new CommandSpec("checkin", List.of(), BUNDLE, "checkin", List.of(
                        OptionSpec.text("done", false, "checkin.done"),
                        OptionSpec.text("next", false, "checkin.next"),
                        OptionSpec.text("blockers", false, "checkin.blockers")),
                        Audience.GROUP, this::checkin, null),
                new CommandSpec("away", List.of(), BUNDLE, "away",
                        List.of(OptionSpec.text("for", false, "away.for")), Audience.GROUP, this::away, null),
                new CommandSpec("note", List.of("journal"), BUNDLE, "note",
                        List.of(OptionSpec.text("text", false, "note.text")), Audience.GROUP, this::note, null));
    }

    // ---------------------------------------------------------------- /group

    private Reply group(CommandRequest r) {
        Caller caller = r.caller();
        Learner learner = learners.findOrCreate(caller);
        Lang lang = learner.lang();
        String action = r.has("action") ? r.option("action").toLowerCase(Locale.ROOT)
                : r.text().isBlank() ? "status" : r.text().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            return Reply.text(MSG.get(lang, "group.unknownAction", shorten(action), String.join(", ", ACTIONS)));
        }
        if (!caller.groupChat()) {
            return Reply.text(MSG.get(lang, "group.onlyInGroup"));
        }
        boolean settingChange = List.of("setup", "pause", "resume", "off").contains(action);
        if (settingChange && !caller.chatAdmin()) {
            return Reply.text(MSG.get(lang, "group.adminOnly")).asEphemeral();
        }
        Optional<StudyGroup> existing = groups.findGroup(caller.platform(), caller.chatId());
        if (!action.equals("setup") && existing.isEmpty()) {
            return Reply.text(MSG.get(lang, "group.notSetUp"));
        }
        Instant now = clock.instant();
        return switch (action) {
            case "setup" -> setup(r, learner, existing);
            case "status" -> status(existing.get(), lang);
            case "pause" -> {
                groups.setStatus(existing.get().id(), StudyGroup.Status.PAUSED, null, now);
                yield Reply.text(MSG.get(existing.get().settings().lang(), "group.paused"));
            }
            case "resume" -> {
                GroupSettings s = existing.get().settings();
                Instant next = WallClock.nextWeekly(s.day(), s.time(), s.zone(), now);
                groups.setStatus(existing.get().id(), StudyGroup.Status.ACTIVE, next, now);
                yield Reply.text(MSG.get(s.lang(), "group.resumed", formatLocal(next, s.zone(), s.lang())));
            }
            case "off" -> {
                groups.setStatus(existing.get().id(), StudyGroup.Status.OFF, null, now);
                yield Reply.text(MSG.get(existing.get().settings().lang(), "group.off"));
            }
            case "join" -> {
                boolean added = groups.join(existing.get().id(), learner.id(), now);
                yield Reply.text(MSG.get(lang, added ? "group.joined" : "group.alreadyMember", caller.displayName()));
            }
            case "leave" -> {
                boolean removed = groups.leave(existing.get().id(), learner.id());
                yield Reply.text(MSG.get(lang, removed ? "group.left" : "group.notMember"));
            }
            default -> throw new IllegalStateException(action);
        };
    }

    private Reply setup(CommandRequest r, Learner admin, Optional<StudyGroup> existing) {
        List<String> unknown = Suggest.unknownKeys(r.text(), SETUP_KEYS);
        if (!unknown.isEmpty()) {
            String key = shorten(unknown.get(0));
            String text = MSG.get(admin.lang(), "group.unknownKey", key, String.join(", ", SETUP_KEYS));
            return Reply.text(Suggest.closest(unknown.get(0), SETUP_KEYS)
                    .map(k -> text + " " + MSG.get(admin.lang(), "group.didYouMean", k)).orElse(text));
        }
        Lang lang = Lang.parse(r.option("lang")).orElse(admin.lang());
        if (r.has("lang") && Lang.parse(r.option("lang")).isEmpty()) {
            return Reply.text(MSG.get(admin.lang(), "group.invalid.lang", shorten(r.option("lang"))));
        }
        Optional<GroupSettings> current = existing.map(StudyGroup::settings);
        ZoneId zone;
        if (r.has("timezone")) {
            Optional<TimezoneParser.Result> parsed = TimezoneParser.parse(r.option("timezone"));
            if (parsed.isEmpty()) {
                return Reply.text(MSG.get(lang, "group.invalid.timezone", shorten(r.option("timezone"))));
            }
            zone = parsed.get().zone();
        } else {
            zone = current.map(GroupSettings::zone)
                    .or(() -> admin.settings().map(s -> s.zone())).orElse(ZoneId.of("UTC"));
        }
        DayOfWeek day;
        if (r.has("day")) {
            Optional<DayOfWeek> d = SettingParsers.day(r.option("day"));
            if (d.isEmpty()) {
                return Reply.text(MSG.get(lang, "group.invalid.day", shorten(r.option("day"))));
            }
            day = d.get();
        } else {
            day = current.map(GroupSettings::day).orElse(DayOfWeek.MONDAY);
        }
        LocalTime time;
        if (r.has("time")) {
            Optional<LocalTime> t = SettingParsers.time(r.option("time"));
            if (t.isEmpty()) {
                return Reply.text(MSG.get(lang, "group.invalid.time", shorten(r.option("time"))));
            }
            time = t.get();
        } else {
            time = current.map(GroupSettings::time).orElse(LocalTime.of(18, 0));
        }
        int window;
        if (r.has("window")) {
            Optional<Integer> w = parseWindow(r.option("window"));
            if (w.isEmpty()) {
                return Reply.text(MSG.get(lang, "group.invalid.window", shorten(r.option("window"))));
            }
            window = w.get();
        } else {
            window = current.map(GroupSettings::windowHours).orElse(GroupSettings.DEFAULT_WINDOW_HOURS);
        }
        GroupSettings settings = new GroupSettings(zone, day, time, window, lang);
        Instant now = clock.instant();
        Instant next = WallClock.nextWeekly(day, time, zone, now);
        groups.saveGroup(r.caller().platform(), r.caller().chatId(), "", settings, admin.id(),
                r.caller().userId(), next, now);
        return Reply.text(MSG.get(lang, "group.saved", day.getDisplayName(TextStyle.FULL, lang.locale()),
                        time.toString(), zone.getId(), window, formatLocal(next, zone, lang)))
                .withButtons(List.of(new Button(MSG.get(lang, "button.join"), ActionCodec.encode("group", "action", "join"),
                        Button.Style.PRIMARY)));
    }

    private static Optional<Integer> parseWindow(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceAll("(h|hours?|小时)$", "").strip();
        if (!v.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int h = Integer.parseInt(v);
        return h >= 1 && h <= 168 ? Optional.of(h) : Optional.empty();
    }

    private Reply status(StudyGroup group, Lang lang) {
        GroupSettings s = group.settings();
        List<Member> members = groups.members(group.id());
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder(MSG.get(lang, "group.status",
                s.day().getDisplayName(TextStyle.FULL, lang.locale()), s.time().toString(), s.zone().getId(),
                s.windowHours(), MSG.get(lang, "group.state." + group.status().name().toLowerCase(Locale.ROOT)),
                members.size()));
        group.nextOpenAt().ifPresent(n -> text.append('\n').append(MSG.get(lang, "group.nextOpen",
                formatLocal(n, s.zone(), lang))));
        groups.latestWindow(group.id()).filter(w -> w.acceptsEdits(now)).ifPresent(w -> text.append('\n')
                .append(MSG.get(lang, "group.openNow", checkedInMembers(groups.answers(w.id()).keySet(), members),
                        members.size(),
                        formatLocal(w.closesAt(), s.zone(), lang))));
        long away = members.stream().filter(m -> m.awayAt(now)).count();
        if (away > 0) {
            text.append('\n').append(MSG.get(lang, "group.awayCount", away));
        }
        return Reply.text(text.toString());
    }

    /** Answers of current members only: someone who answered and then left is not "2 of 1". */
    static long checkedInMembers(java.util.Set<Long> answered, List<Member> members) {
        return members.stream().filter(m -> answered.contains(m.learnerId())).count();
    }

    // ---------------------------------------------------------------- /checkin

    private static final String DIALOGUE = "checkin";
    private static final String GROUP_KEY = "_group";
    private static final String AWAITING = "_awaiting";

    private Reply checkin(CommandRequest r) {
        Caller caller = r.caller();
        Learner learner = learners.findOrCreate(caller);
        Lang lang = learner.lang();
        Map<String, String> answers = new LinkedHashMap<>();
        Optional<DialogueRepository.Dialogue> dialogue = dialogues.find(learner.id())
                .filter(d -> d.command().equals(DIALOGUE));
        String typed = r.option(CommandDispatcher.ANSWER);
        if (typed != null && dialogue.isPresent()) {
            answers.putAll(dialogue.get().answers());
            answers.put(answers.getOrDefault(AWAITING, "done"), typed.strip());
        } else {
            answers.putAll(CheckinText.parse(r.text()));
            if (!r.text().isBlank() && answers.isEmpty()) {
                // A bare "/checkin finished course 1" is what they did.
                answers.put("done", r.text());
            }
        }
        for (String k : ANSWER_KEYS) {
            if (r.has(k)) {
                answers.put(k, r.option(k).strip());
            }
        }
        answers.remove(AWAITING);

        Optional<StudyGroup> group = resolveGroup(caller, learner, answers.get(GROUP_KEY));
        if (group.isEmpty()) {
            dialogues.clear(learner.id());
            return Reply.text(MSG.get(lang, caller.groupChat() ? "group.notSetUp" : "checkin.noGroup"));
        }
        Lang groupLang = caller.groupChat() ? group.get().settings().lang() : lang;
        for (String k : ANSWER_KEYS) {
            String v = answers.get(k);
            if (v != null && v.codePointCount(0, v.length()) > CheckinText.MAX_ANSWER) {
                return Reply.text(MSG.get(lang, "checkin.tooLong", CheckinText.MAX_ANSWER)).asEphemeral();
            }
        }
        Optional<String> missing = ANSWER_KEYS.stream().filter(k -> !answers.containsKey(k)).findFirst();
        if (missing.isPresent()) {
            if (caller.groupChat()) {
                return Reply.text(MSG.get(groupLang, "checkin.usage")).asEphemeral();
            }
            answers.put(GROUP_KEY, Long.toString(group.get().id()));
            answers.put(AWAITING, missing.get());
            dialogues.save(learner.id(), new DialogueRepository.Dialogue(DIALOGUE, answers), clock.instant());
            return Reply.text(MSG.get(lang, "checkin.ask." + missing.get()));
        }
        dialogues.clear(learner.id());
        return save(learner, group.get(), answers, lang);
    }

    private Optional<StudyGroup> resolveGroup(Caller caller, Learner learner, String groupId) {
        if (groupId != null) {
            try {
                return groups.findGroup(Long.parseLong(groupId));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (caller.groupChat()) {
            return groups.findGroup(caller.platform(), caller.chatId()).filter(g -> g.status() != StudyGroup.Status.OFF);
        }
        Instant now = clock.instant();
        List<StudyGroup> mine = groups.groupsOf(learner.id());
        return mine.stream()
                .filter(g -> groups.latestWindow(g.id()).map(w -> w.acceptsEdits(now)).orElse(false))
                .findFirst()
                .or(() -> mine.stream().findFirst());
    }

    private Reply save(Learner learner, StudyGroup group, Map<String, String> a, Lang lang) {
        Instant now = clock.instant();
        Optional<CheckinWindow> window = groups.latestWindow(group.id());
        GroupSettings s = group.settings();
        if (window.isEmpty()) {
            String next = group.nextOpenAt().map(n -> formatLocal(n, s.zone(), lang)).orElse("—");
            return Reply.text(MSG.get(lang, "checkin.notOpen", next)).asEphemeral();
        }
        CheckinWindow w = window.get();
        Map<Long, CheckinAnswer> existing = groups.answers(w.id());
        boolean closed = !w.acceptsEdits(now);
        if (closed && existing.containsKey(learner.id())) {
            return Reply.text(MSG.get(lang, "checkin.closedNoEdit")).asEphemeral();
        }
        // Late: after the nudge (they had to be reminded) or after the window closed.
        boolean late = closed || (!existing.containsKey(learner.id()) && !now.isBefore(w.nudgeAt()));
        groups.join(group.id(), learner.id(), now);
        CheckinAnswer saved = groups.saveAnswer(w.id(), learner.id(), a.get("done"), a.get("next"), a.get("blockers"),
                late, now);
        String key = closed ? "checkin.savedAfterClose" : saved.editedAt().isPresent() ? "checkin.edited"
                : late ? "checkin.savedLate" : "checkin.saved";
        return Reply.text(MSG.get(lang, key, formatLocal(w.closesAt(), s.zone(), lang))).asEphemeral();
    }

    // ---------------------------------------------------------------- /away, /note

    private Reply away(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        String value = (r.has("for") ? r.option("for") : r.text()).strip();
        if (groups.groupsOf(learner.id()).isEmpty()) {
            return Reply.text(MSG.get(lang, "away.noGroup")).asEphemeral();
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("back") || v.equals("回来") || v.equals("取消")) {
            groups.setAway(learner.id(), null);
            return Reply.text(MSG.get(lang, "away.back")).asEphemeral();
        }
        Matcher m = AWAY.matcher(v.isEmpty() ? "1w" : v);
        if (!m.matches()) {
            return Reply.text(MSG.get(lang, "away.invalid", shorten(value))).asEphemeral();
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2);
        int days = unit.startsWith("w") || unit.equals("周") || unit.equals("星期") ? n * 7 : n;
        if (days < 1 || days > MAX_AWAY_DAYS) {
            return Reply.text(MSG.get(lang, "away.invalid", shorten(value))).asEphemeral();
        }
        Instant until = clock.instant().plus(Duration.ofDays(days));
        groups.setAway(learner.id(), until);
        ZoneId zone = learner.settings().map(s -> s.zone()).orElse(ZoneId.of("UTC"));
        return Reply.text(MSG.get(lang, "away.set", formatLocal(until, zone, lang))).asEphemeral();
    }

    private Reply note(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        Lang lang = learner.lang();
        String text = (r.has("text") ? r.option("text") : r.text()).strip();
        if (text.isEmpty()) {
            return Reply.text(MSG.get(lang, "note.usage")).asEphemeral();
        }
        if (text.codePointCount(0, text.length()) > MAX_NOTE) {
            return Reply.text(MSG.get(lang, "note.tooLong", MAX_NOTE)).asEphemeral();
        }
        groups.addNote(learner.id(), text, clock.instant());
        // only a group member's notes reach a weekly summary: promise that to no one else
        boolean inGroup = !groups.groupsOf(learner.id()).isEmpty();
        return Reply.text(MSG.get(lang, inGroup ? "note.saved" : "note.savedNoGroup")).asEphemeral();
    }

    private static String formatLocal(Instant t, ZoneId zone, Lang lang) {
        String when = studybuddy.i18n.TimeFormats.dateTime(lang, t.atZone(zone));
        return lang == Lang.ZH ? when + "（" + zone.getId() + "）" : when + " (" + zone.getId() + ")";
    }

    private static String shorten(String s) {
        // by code points: an emoji (a surrogate pair) is kept whole or dropped, never cut in half
        return s.codePointCount(0, s.length()) > 40 ? s.substring(0, s.offsetByCodePoints(0, 40)) + "…" : s;
    }
}
