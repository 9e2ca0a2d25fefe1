package studybuddy.review;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Attachment;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRoute;
import studybuddy.learner.LearnerSettings;
import studybuddy.learner.Mark;
import studybuddy.learner.ProgressRepository;
import studybuddy.learner.ProgressService;
import studybuddy.learner.UnitStatus;
import studybuddy.platform.PngEncoder;
import studybuddy.roadmap.Stage;
import studybuddy.roadmap.Unit;

/**
 * The PNG that /progress sends: the learner's route by stage (a cell per unit: done, current, ahead), the hours
 * studied against the plan since they started, and their review streak. Drawn in-process with Java2D (the pace
 * chart with JFreeChart), 800 px wide with large type so that it reads on a phone. Chinese labels need a CJK font;
 * where the machine has none the picture is drawn with English labels rather than empty boxes.
 */
public final class ProgressPicture {
    static final int WIDTH = 800;
    private static final int ROW = 78;
    private static final int CHART = 330;
    private static final Color DONE = new Color(0x2DA44E);
    private static final Color CURRENT = new Color(0x0969DA);
    private static final Color AHEAD = new Color(0xD0D7DE);
    private static final Color SKIPPED = new Color(0xF0F2F4);
    private static final Color INK = new Color(0x1F2328);
    private static final Color MUTED = new Color(0x59636E);
    private static final Logger log = LoggerFactory.getLogger(ProgressPicture.class);

    static {
        // No display on servers: render off-screen.
        System.setProperty("java.awt.headless", "true");
    }

    private static volatile Optional<String> cjkFont;

    private final ProgressService progress;
    private final ProgressRepository marks;
    private final Clock clock;

    public ProgressPicture(ProgressService progress, ProgressRepository marks, Clock clock) {
        this.progress = progress;
        this.marks = marks;
        this.clock = clock;
    }

    /** An installed font family that can draw Chinese, if any (looked up once). */
    static Optional<String> cjkFont() {
        Optional<String> found = cjkFont;
        if (found == null) {
            found = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("你的路线按阶段已完成进行中待学习复习连对") == -1)
                    .sorted(Comparator.comparing((String f) -> !f.toLowerCase().contains("sans")))
                    .findFirst();
            cjkFont = found;
        }
        return found;
    }

    /** The language the picture is drawn in: Chinese only where a CJK font exists. */
    static Lang drawable(Lang requested) {
        return requested == Lang.ZH && cjkFont().isEmpty() ? Lang.EN : requested;
    }

    /**
     * The reply with the picture attached. What it shows is read now, in the command's transaction; it is drawn
     * (~15 ms of CPU) when the reply is sent, after the transaction, so drawing holds no database connection. The
     * reply alone when its data cannot be read.
     */
    public Reply attachTo(Reply reply, Learner learner, ReviewService.Status review) {
        Data data;
        try {
            data = data(learner, review);
        } catch (RuntimeException e) {
            log.error("Could not read what the progress picture of learner {} shows; sent the text alone: {}",
                    learner.id(), e.toString(), e);
            return reply;
        }
        return reply.withAttachment(Attachment.drawnOnSend("progress.png", "image/png", () -> draw(data)));
    }

    /** What the picture shows, gathered from the learner's route, marks and reviews. */
    record Data(Lang lang, LocalDate today, List<StageRow> stages, int covered, int counted, List<double[]> pace,
                double weeklyHours, double weeksSoFar, ReviewService.Status review) {
    }

    /** One stage: its title and its units' statuses in route order ({@code current} marks the unit to do now). */
    record StageRow(String title, List<UnitStatus> units, int currentIndex) {
    }

    Data data(Learner learner, ReviewService.Status review) {
        Lang lang = drawable(learner.lang());
        LearnerSettings settings = learner.settings().orElseThrow();
        LearnerRoute route = progress.routeOf(learner);
        Optional<Unit> current = route.current();
        List<StageRow> stages = new ArrayList<>();
        for (String stageId : progress.roadmap().pathOrders().get(route.route().path())) {
            Stage stage = progress.roadmap().stage(stageId).orElseThrow();
            List<UnitStatus> units = new ArrayList<>();
            int currentIndex = -1;
            for (LearnerRoute.Entry e : route.entries()) {
                if (e.unit().stageId().equals(stageId)) {
                    if (current.isPresent() && current.get().id().equals(e.unit().id())) {
                        currentIndex = units.size();
                    }
                    units.add(e.status());
                }
            }
            if (!units.isEmpty()) {
                stages.add(new StageRow(stage.title().in(lang), units, currentIndex));
            }
        }
        ProgressService.Stats stats = progress.stats(learner);
        Instant start = learner.onboardedAt().orElse(clock.instant());
        double weeksSoFar = Math.max(0, Duration.between(start, clock.instant()).toHours() / (24.0 * 7));
        // hours studied over time: each unit marked done adds its hours (calibrated as /progress does)
        List<double[]> pace = new ArrayList<>();
        pace.add(new double[] {0, 0});
        double hours = 0;
        List<Mark> done = marks.marks(learner.id()).values().stream()
                .filter(m -> m.status() == Mark.Status.DONE).sorted(Comparator.comparing(Mark::at)).toList();
        for (Mark m : done) {
            Optional<Unit> u = progress.roadmap().unit(m.unitId());
            if (u.isEmpty()) {
                continue;
            }
            double week = Math.max(0, Duration.between(start, m.at()).toHours() / (24.0 * 7));
            pace.add(new double[] {week, hours});
            hours += progress.estimator().studied(settings.background(), u.get().hours());
            pace.add(new double[] {week, hours});
        }
        pace.add(new double[] {Math.max(weeksSoFar, pace.get(pace.size() - 1)[0]), hours});
        return new Data(lang, LocalDate.now(clock.withZone(settings.zone())), stages, stats.unitsCovered(),
                stats.unitsCounted(), pace, settings.weeklyHours(), weeksSoFar, review);
    }

    static byte[] draw(Data d) {
        return PngEncoder.encode(paint(d));
    }

    static BufferedImage paint(Data d) {
        Lang lang = d.lang();
        String family = lang == Lang.ZH ? cjkFont().orElse(Font.SANS_SERIF) : Font.SANS_SERIF;
        BufferedImage image = new BufferedImage(WIDTH, height(d.stages().size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, image.getHeight());
            int left = 40;
            int right = WIDTH - 40;

            // header
            g.setColor(INK);
            g.setFont(new Font(family, Font.BOLD, 38));
            g.drawString(text(lang, "picture.title"), left, 62);
            g.setFont(new Font(family, Font.PLAIN, 24));
            g.setColor(MUTED);
            int pct = d.counted() == 0 ? 100 : (int) Math.floor(100.0 * d.covered() / d.counted());
            g.drawString(d.today().format(DateTimeFormatter.ISO_LOCAL_DATE) + " · " + d.covered() + "/" + d.counted()
                    + " · " + pct + "%", left, 100);

            // the route, a row per stage
            int y = 150;
            g.setColor(INK);
            g.setFont(new Font(family, Font.BOLD, 28));
            g.drawString(text(lang, "picture.route"), left, y);
            y += 16;
            Font stageFont = new Font(family, Font.PLAIN, 22);
            for (StageRow row : d.stages()) {
                y += 30;
                g.setFont(stageFont);
                g.setColor(INK);
                g.drawString(fit(g, row.title(), right - left), left, y);
                y += 10;
                int n = row.units().size();
                int gap = 6;
                double cell = (right - left - gap * (n - 1)) / (double) n;
                for (int i = 0; i < n; i++) {
                    int x = (int) Math.round(left + i * (cell + gap));
                    int w = (int) Math.round(cell);
                    UnitStatus s = row.units().get(i);
                    boolean isCurrent = i == row.currentIndex();
                    g.setColor(isCurrent ? CURRENT : switch (s) {
                        case DONE, KNOWN -> DONE;
                        case SKIPPED -> SKIPPED;
                        case OPEN -> AHEAD;
                    });
                    g.fillRoundRect(x, y, w, 28, 10, 10);
                    if (isCurrent) {
                        g.setColor(Color.WHITE);
                        g.setFont(new Font(family, Font.BOLD, 20));
                        g.drawString("▶", x + w / 2 - 8, y + 22);
                    }
                }
                y += 38;
            }

            // legend
            y += 24;
            int x = left;
            g.setFont(new Font(family, Font.PLAIN, 22));
            for (Object[] item : new Object[][] {{DONE, "picture.done"}, {CURRENT, "picture.current"},
                    {AHEAD, "picture.ahead"}, {SKIPPED, "picture.skipped"}}) {
                g.setColor((Color) item[0]);
                g.fillRoundRect(x, y - 20, 26, 26, 8, 8);
                g.setColor(INK);
                String label = text(lang, (String) item[1]);
                g.drawString(label, x + 36, y);
                x += 36 + g.getFontMetrics().stringWidth(label) + 40;
            }

            // pace against the plan
            y += 30;
            JFreeChart chart = paceChart(d, family);
            chart.draw(g, new Rectangle2D.Double(left, y, right - left, CHART));
            y += CHART;

            // review streak and retention
            y += 50;
            g.setColor(INK);
            g.setFont(new Font(family, Font.BOLD, 28));
            ReviewService.Status r = d.review();
            if (r.items() == 0) {
                g.setFont(new Font(family, Font.PLAIN, 24));
                g.setColor(MUTED);
                g.drawString(fit(g, text(lang, "picture.noReviews"), right - left), left, y);
            } else {
                g.drawString(fit(g, text(lang, "picture.streak", r.streak()), right - left), left, y);
                if (r.answered() > 0) {
                    y += 40;
                    g.setFont(new Font(family, Font.PLAIN, 24));
                    g.setColor(MUTED);
                    g.drawString(fit(g, text(lang, "picture.retention", r.retentionPercent(), r.answered()),
                            right - left), left, y);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture's height: the route grows with the stages of the learner's path. */
    static int height(int stages) {
        return 166 + stages * ROW + 54 + CHART + 150;
    }

    private static JFreeChart paceChart(Data d, String family) {
        Lang lang = d.lang();
        XYSeries plan = new XYSeries(text(lang, "picture.plan"));
        double end = Math.max(1, Math.ceil(d.weeksSoFar()));
        plan.add(0, 0);
        plan.add(end, end * d.weeklyHours());
        XYSeries actual = new XYSeries(text(lang, "picture.actual"), false, true);
        for (double[] p : d.pace()) {
            actual.add(p[0], p[1]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(plan);
        data.addSeries(actual);
        JFreeChart chart = ChartFactory.createXYLineChart(text(lang, "picture.pace"), text(lang, "picture.weeks"), null,
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(family, Font.BOLD, 26));
        chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 20));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF6F8FA));
        plot.setDomainGridlinePaint(AHEAD);
        plot.setRangeGridlinePaint(AHEAD);
        plot.getDomainAxis().setLabelFont(new Font(family, Font.PLAIN, 20));
        plot.getDomainAxis().setTickLabelFont(new Font(family, Font.PLAIN, 18));
        plot.getRangeAxis().setTickLabelFont(new Font(family, Font.PLAIN, 18));
        // whole weeks and whole hours read better on a phone than 0.2-week steps
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 6, 2, 24));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, MUTED);
        renderer.setSeriesStroke(0, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {10f, 8f}, 0f));
        renderer.setSeriesPaint(1, DONE);
        renderer.setSeriesStroke(1, new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        plot.setRenderer(renderer);
        return chart;
    }

    private static String text(Lang lang, String key, Object... args) {
        return ReviewService.MSG.get(lang, key, args);
    }

    /** The text, shortened with an ellipsis to fit {@code width} pixels in the current font. */
    private static String fit(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** For tests: the statuses drawn, stage by stage. */
    static Map<String, List<UnitStatus>> stagesOf(Data d) {
        Map<String, List<UnitStatus>> out = new java.util.LinkedHashMap<>();
        d.stages().forEach(s -> out.put(s.title(), s.units()));
        return out;
    }
}
