package studybuddy.learner;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studybuddy.command.ActionCodec;
import studybuddy.command.Button;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandRequest;
import studybuddy.command.NotAnAnswer;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;

/**
 * /start and /setup: collects background, path, weekly hours, timezone, language and the weekly check-in day and
 * time, either as a guided dialogue (asking for what is missing, offering choices) or in one line
 * ({@code /setup background=developer path=software hours=8 timezone=Asia/Shanghai lang=zh day=mon time=09:00}).
 * Every value is checked before anything is saved: a bad value gets a clear reply and changes nothing.
 */
public final class OnboardingService {
    public static final String COMMAND = "start";
    public static final List<String> KEYS = List.of("background", "path", "hours", "timezone", "lang", "day", "time");
    private static final String AWAITING = "_awaiting";
    private static final Messages MSG = new Messages("learner");

    private final LearnerRepository learners;
    private final DialogueRepository dialogues;
    private final ProgressService progress;
    private final Clock clock;
    private final List<java.util.function.Consumer<Learner>> settingsListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Learner>> onboardedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public OnboardingService(LearnerRepository learners, DialogueRepository dialogues, ProgressService progress,
                             Clock clock) {
        this.learners = learners;
        this.dialogues = dialogues;
        this.progress = progress;
        this.clock = clock;
    }

    /** Told every time a learner's settings are saved (e.g. so reminders follow a new timezone). */
    public void addSettingsListener(java.util.function.Consumer<Learner> listener) {
        settingsListeners.add(listener);
    }

    /** Told once when a learner finishes onboarding for the first time (e.g. to plan their first week now). */
    public void addOnboardedListener(java.util.function.Consumer<Learner> listener) {
        onboardedListeners.add(listener);
    }

    public Reply handle(CommandRequest request) {
        Learner learner = learners.findOrCreate(request.caller());
        Map<String, String> answers = new LinkedHashMap<>();
        Optional<DialogueRepository.Dialogue> dialogue = dialogues.find(learner.id())
                .filter(d -> d.command().equals(COMMAND));
        dialogue.ifPresent(d -> answers.putAll(d.answers()));
        String typed = request.option(CommandDispatcher.ANSWER);
        List<String> unknown = typed == null ? studybuddy.command.Suggest.unknownKeys(request.text(), KEYS) : List.of();
        if (!unknown.isEmpty()) {
            // "/setup hour=10": a clear reply naming the known settings, and nothing half-applied
            return Reply.text(unknownKey(learner.lang(), unknown.get(0)));
        }
        boolean given = request.options().keySet().stream().anyMatch(KEYS::contains);
        if (learner.onboarded() && typed == null && !given) {
            // "/start hours" asks just that question again; a bare /start shows the plan and what can change.
            String key = request.text().toLowerCase(java.util.Locale.ROOT);
            if (KEYS.contains(key)) {
                dialogues.save(learner.id(), new DialogueRepository.Dialogue(COMMAND, Map.of(AWAITING, key)),
                        clock.instant());
                return ask(learner.lang(), key, request.caller().readsTypedText());
            }
            dialogues.clear(learner.id());
            return current(learner);
        }
        if (typed != null) {
            String awaiting = answers.getOrDefault(AWAITING, KEYS.get(0));
            answers.put(awaiting, typed);
        }
        request.options().forEach((k, v) -> {
            if (KEYS.contains(k)) {
                answers.put(k, v);
            }
        });
        // A pressed choice answers the question that was asked, just like a typed answer.
        boolean pressed = typed == null && dialogue.isPresent()
                && request.options().keySet().stream().filter(KEYS::contains).toList()
                        .equals(List.of(answers.getOrDefault(AWAITING, "")));
        answers.remove(AWAITING);
        boolean oneLine = typed == null && given && !pressed;

        // Check every given value first; nothing is saved while one is wrong.
        Lang lang = Lang.parse(answers.get("lang")).orElse(learner.lang());
        for (String key : KEYS) {
            String value = answers.get(key);
            if (value != null && invalid(key, value)) {
                answers.remove(key);
                if (!oneLine && dialogue.isPresent() || typed != null) {
                    answers.put(AWAITING, key);
                    dialogues.save(learner.id(), new DialogueRepository.Dialogue(COMMAND, answers), clock.instant());
                    // the question stays open: offer its choices again
                    Reply again = refusal(lang, key, value).withChoices(ask(lang, key, true).choices());
                    if (typed != null) {
                        // unless what was typed is a roadmap question: answered, then this question again
                        throw NotAnAnswer.unlessAQuestion(again, resume(lang, key, request.caller().readsTypedText()));
                    }
                    return again;
                }
                return refusal(lang, key, value);
            }
        }

        // An onboarded learner changing a few settings, in one line or by answering one question, keeps the others.
        if (learner.onboarded()) {
            LearnerSettings s = learner.settings().orElseThrow();
            answers.putIfAbsent("background", s.background().id());
            answers.putIfAbsent("path", s.path().id());
            answers.putIfAbsent("hours", Integer.toString(s.weeklyHours()));
            answers.putIfAbsent("timezone", s.zone().getId());
            answers.putIfAbsent("lang", s.lang().code());
            answers.putIfAbsent("day", SettingParsers.dayId(s.checkinDay()));
            answers.putIfAbsent("time", s.checkinTime().toString());
        }
        Optional<String> missing = KEYS.stream().filter(k -> !answers.containsKey(k)).findFirst();
        if (missing.isPresent()) {
            answers.put(AWAITING, missing.get());
            dialogues.save(learner.id(), new DialogueRepository.Dialogue(COMMAND, answers), clock.instant());
            Reply question = ask(lang, missing.get(), request.caller().readsTypedText());
            return question;
        }
        LearnerSettings settings = toSettings(answers);
        Learner saved = learners.saveSettings(learner.id(), settings, clock.instant());
        dialogues.clear(learner.id());
        Reply reply = summary(saved, answers);
        settingsListeners.forEach(l -> l.accept(saved));
        if (!learner.onboarded()) {
            onboardedListeners.forEach(l -> l.accept(saved));
            reply = reply.append(MSG.get(saved.lang(), "setup.firstWeek"));
        }
        return reply;
    }

    private static String unknownKey(Lang lang, String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "…" : key;
        String text = MSG.get(lang, "setup.unknownKey", shown, String.join(", ", KEYS));
        return studybuddy.command.Suggest.closest(key, KEYS)
                .map(k -> text + " " + MSG.get(lang, "setup.didYouMean", k)).orElse(text);
    }

    private static boolean invalid(String key, String value) {
        return switch (key) {
            case "background" -> Background.parse(value).isEmpty();
            case "path" -> LearningPath.parse(value).isEmpty();
            case "hours" -> SettingParsers.hours(value).isEmpty();
            case "timezone" -> TimezoneParser.parse(value).isEmpty();
            case "lang" -> Lang.parse(value).isEmpty();
            case "day" -> SettingParsers.day(value).isEmpty();
            case "time" -> SettingParsers.time(value).isEmpty();
            default -> true;
        };
    }

    private static LearnerSettings toSettings(Map<String, String> a) {
        return new LearnerSettings(
                Background.parse(a.get("background")).orElseThrow(),
                LearningPath.parse(a.get("path")).orElseThrow(),
                SettingParsers.hours(a.get("hours")).orElseThrow(),
                TimezoneParser.parse(a.get("timezone")).orElseThrow().zone(),
                Lang.parse(a.get("lang")).orElseThrow(),
                SettingParsers.day(a.get("day")).orElseThrow(),
                SettingParsers.time(a.get("time")).orElseThrow());
    }

    private static Reply refusal(Lang lang, String key, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Reply.text(MSG.get(lang, "setup.invalid." + key, shown));
    }

    /** The question for one missing setting, with its choices. */
    private static Reply ask(Lang lang, String key, boolean typing) {
        List<Button> choices = new ArrayList<>();
        switch (key) {
            case "background" -> {
                for (Background b : Background.values()) {
                    choices.add(choice(MSG.get(lang, "background." + b.id()), key, b.id()));
                }
            }
            case "path" -> {
                for (LearningPath p : LearningPath.values()) {
                    choices.add(choice(MSG.get(lang, "path." + p.id()), key, p.id()));
                }
            }
            case "hours" -> {
                for (int h : new int[] {5, 8, 10, 15, 20, 40}) {
                    choices.add(choice(MSG.get(lang, "hours.choice", h), key, Integer.toString(h)));
                }
            }
            case "timezone" -> {
                for (String z : new String[] {"Asia/Shanghai", "Europe/Berlin", "Europe/London", "America/New_York",
                        "America/Los_Angeles", "Asia/Kolkata", "UTC"}) {
                    choices.add(choice(z, key, z));
                }
            }
            case "lang" -> {
                choices.add(choice("English", key, "en"));
                choices.add(choice("中文", key, "zh"));
            }
            case "day" -> {
                for (DayOfWeek d : DayOfWeek.values()) {
                    choices.add(choice(d.getDisplayName(TextStyle.FULL, lang.locale()), key, SettingParsers.dayId(d)));
                }
            }
            case "time" -> {
                for (String t : new String[] {"07:00", "09:00", "12:00", "18:00", "20:00", "21:00"}) {
                    choices.add(choice(t, key, t));
                }
            }
            default -> throw new IllegalArgumentException(key);
        }
        // where typed text is not read (a Discord server), the question points to the command option instead
        String text = !typing && MSG.has("setup.ask." + key + ".server") ? "setup.ask." + key + ".server"
                : "setup.ask." + key;
        return Reply.text(MSG.get(lang, text)).withChoices(choices);
    }

    /** The open question again, after an answer to something else the learner asked in between. */
    private static Reply resume(Lang lang, String key, boolean typing) {
        Reply question = ask(lang, key, typing);
        String text = key.equals("background") ? MSG.get(lang, "setup.resume.background") : question.text();
        return Reply.text(MSG.get(lang, "setup.resume") + "\n" + text).withChoices(question.choices());
    }

    private static Button choice(String label, String key, String value) {
        return new Button(label, ActionCodec.encode(COMMAND, key, value));
    }

    private Reply summary(Learner learner, Map<String, String> answers) {
        LearnerSettings s = learner.settings().orElseThrow();
        Lang lang = s.lang();
        StringBuilder text = new StringBuilder(MSG.get(lang, "setup.saved", planText(lang, s)));
        if (TimezoneParser.parse(answers.get("timezone")).map(TimezoneParser.Result::fixedOffset).orElse(false)) {
            text.append("\n\n").append(MSG.get(lang, "setup.offsetNote", s.zone().getId()));
        }
        text.append("\n\n").append(progress.estimateText(learner));
        Reply next = progress.next(learner);
        return Reply.text(text.toString()).append(next.text()).withButtons(next.buttons());
    }

    /** An onboarded learner's plan, with a choice for each setting to change. */
    private Reply current(Learner learner) {
        LearnerSettings s = learner.settings().orElseThrow();
        Lang lang = s.lang();
        String text = MSG.get(lang, "setup.current", planText(lang, s));
        List<Button> choices = new ArrayList<>();
        for (String key : KEYS) {
            choices.add(new Button(MSG.get(lang, "setup.change." + key), ActionCodec.encode(COMMAND) + " " + key));
        }
        return Reply.text(text).withChoices(choices);
    }

    private static String planText(Lang lang, LearnerSettings s) {
        return MSG.get(lang, "setup.plan",
                MSG.get(lang, "background." + s.background().id()),
                MSG.get(lang, "path." + s.path().id()),
                s.weeklyHours(),
                s.zone().getId(),
                s.checkinDay().getDisplayName(TextStyle.FULL, lang.locale()),
                s.checkinTime().toString());
    }

    /** For autocomplete and examples. */
    public static boolean isValidZone(String value) {
        return TimezoneParser.parse(value).isPresent();
    }

    static ZoneId zoneOf(String value) {
        return TimezoneParser.parse(value).orElseThrow().zone();
    }

    static LocalTime timeOf(String value) {
        return SettingParsers.time(value).orElseThrow();
    }
}
