package studybuddy.portfolio;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studybuddy.command.ActionCodec;
import studybuddy.command.Button;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandRequest;
import studybuddy.command.NotAnAnswer;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.learner.DialogueRepository;
import studybuddy.learner.DoneExtension;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRoute;
import studybuddy.learner.ProgressService;
import studybuddy.learner.UnitStatus;
import studybuddy.roadmap.Unit;

/**
 * Proof of work on /done: {@code /done UNIT LINK} keeps a link to what the learner made for the unit. A plain
 * /done in a private chat asks for one afterwards, once; the learner may send it, or skip.
 */
public final class DoneWithLink implements DoneExtension {
    static final Messages MSG = new Messages("portfolio");
    private static final String SKIP = "skip";
    private static final Set<String> SKIP_WORDS = Set.of("skip", "no", "none", "nope", "-", "跳过", "不用", "没有", "无", "不");

    private final ProgressService progress;
    private final DialogueRepository dialogues;
    private final Portfolio portfolio;
    private final Clock clock;

    public DoneWithLink(ProgressService progress, DialogueRepository dialogues, Portfolio portfolio, Clock clock) {
        this.progress = progress;
        this.dialogues = dialogues;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    @Override
    public Reply done(CommandRequest r, Learner learner, Marker mark) {
        Lang lang = learner.lang();
        if (r.has(CommandDispatcher.ANSWER)) {
            return answer(learner, r.option(CommandDispatcher.ANSWER));
        }
        // the unit and the link, from typed options or from the free text ("/done ml-spec-1 https://…")
        String link = r.has("link") ? r.option("link").strip() : null;
        List<String> rest = new ArrayList<>();
        if (r.has("unit")) {
            rest.add(r.option("unit"));
        }
        for (String token : r.text().split("\\s+")) {
            if (token.isBlank()) {
                continue;
            }
            if (link == null && LinkCheck.looksLikeLink(token)) {
                link = token;
            } else {
                rest.add(token);
            }
        }
        String unitRef = String.join(" ", rest).strip();
        if (SKIP.equals(link)) {
            dialogues.clear(learner.id());
            return Reply.text(MSG.get(lang, "link.skipped"));
        }
        if (ActionCodec.ASK.equals(link)) {
            // "Add a link" pressed where a typed answer can be read: wait for it
            Optional<Unit> asked = progress.findUnit(unitRef, lang);
            if (asked.isEmpty()) {
                return mark.mark(unitRef, Optional.empty());
            }
            dialogues.save(learner.id(), new DialogueRepository.Dialogue("done", Map.of("unit", asked.get().id())),
                    clock.instant());
            return Reply.text(MSG.get(lang, "link.paste")).withButtons(List.of(skipButton(lang, asked.get())));
        }
        String url = null;
        if (link != null) {
            LinkCheck.Result checked = LinkCheck.check(link);
            if (checked instanceof LinkCheck.Invalid invalid) {
                // nothing is marked: the learner corrects the link and sends the whole thing again
                return Reply.text(MSG.get(lang, "link.invalid." + invalid.problem().name().toLowerCase(Locale.ROOT),
                        LinkCheck.MAX_LENGTH) + "\n" + MSG.get(lang, "link.nothingMarked"));
            }
            url = ((LinkCheck.Valid) checked).url();
        }
        Optional<Unit> unit = Optional.empty();
        UnitStatus before = UnitStatus.OPEN;
        if (learner.onboarded()) {
            LearnerRoute route = progress.routeBeforeDone(learner);
            unit = unitRef.isBlank() ? route.current() : progress.findUnit(unitRef, lang);
            if (unit.isPresent()) {
                before = route.entry(unit.get().id()).map(LearnerRoute.Entry::status).orElse(UnitStatus.OPEN);
            }
        }
        // a unit newly done, without a link, in a private chat: ask for one (the question opens with the mark)
        boolean askForLink = url == null && unit.isPresent() && before != UnitStatus.DONE && !r.caller().groupChat();
        Reply marked = mark.mark(unitRef, askForLink
                ? Optional.of(new DialogueRepository.Dialogue("done", Map.of("unit", unit.get().id())))
                : Optional.empty());
        if (unit.isEmpty()) {
            return marked; // not onboarded, finished or an unknown unit: the plain reply says what to do
        }
        Unit u = unit.get();
        if (url != null) {
            portfolio.addLink(learner.id(), u.id(), null, null, url, clock.instant());
            dialogues.clear(learner.id());
            return marked.append(MSG.get(lang, "link.kept", u.title().in(lang), url));
        }
        if (askForLink) {
            List<Button> buttons = new ArrayList<>();
            buttons.add(new Button(MSG.get(lang, "button.addLink"),
                    action(u, ActionCodec.ASK), Button.Style.PRIMARY));
            buttons.add(skipButton(lang, u));
            buttons.addAll(marked.buttons());
            return marked.append(MSG.get(lang, "link.ask")).withButtons(buttons);
        }
        return marked;
    }

    /** "/done unit=… link=…", in that order (a button's action is compared and shown as text). */
    private static String action(Unit unit, String link) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("unit", unit.id());
        options.put("link", link);
        return ActionCodec.encode("done", options);
    }

    private static Button skipButton(Lang lang, Unit unit) {
        return new Button(MSG.get(lang, "button.skipLink"), action(unit, SKIP),
                Button.Style.SECONDARY);
    }

    /** The learner's answer to "made something for it?". */
    private Reply answer(Learner learner, String text) {
        Lang lang = learner.lang();
        Optional<String> unitId = dialogues.find(learner.id()).map(d -> d.answers().get("unit"));
        Optional<Unit> unit = unitId.flatMap(id -> progress.roadmap().unit(id));
        String t = text.strip();
        if (unit.isEmpty() || SKIP_WORDS.contains(t.toLowerCase(Locale.ROOT))) {
            dialogues.clear(learner.id());
            return Reply.text(MSG.get(lang, "link.skipped"));
        }
        String token = t.split("\\s+").length == 1 ? t : null;
        if (token == null || !LinkCheck.looksLikeLink(token)) {
            // not a link at all (a question, a remark): stop waiting, and let the message be answered as what it is
            dialogues.clear(learner.id());
            throw new NotAnAnswer(MSG.get(lang, "link.notALink"));
        }
        LinkCheck.Result checked = LinkCheck.check(token);
        if (checked instanceof LinkCheck.Invalid invalid) {
            return Reply.text(MSG.get(lang, "link.invalid." + invalid.problem().name().toLowerCase(Locale.ROOT),
                    LinkCheck.MAX_LENGTH) + "\n" + MSG.get(lang, "link.tryAgain"))
                    .withButtons(List.of(skipButton(lang, unit.get())));
        }
        String url = ((LinkCheck.Valid) checked).url();
        portfolio.addLink(learner.id(), unit.get().id(), null, null, url, clock.instant());
        dialogues.clear(learner.id());
        return Reply.text(MSG.get(lang, "link.kept", unit.get().title().in(lang), url));
    }
}
