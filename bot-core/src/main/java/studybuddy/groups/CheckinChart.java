package studybuddy.groups;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;
import studybuddy.platform.PngEncoder;

/** A small PNG of a group's last weeks: check-ins and goals done per week, rendered in-process. */
public final class CheckinChart {
    private static final Messages MSG = new Messages("groups");

    static {
        // No display on servers: render off-screen.
        System.setProperty("java.awt.headless", "true");
    }

    /** One week of the chart. */
    public record Week(LocalDate weekStart, int checkIns, int goalsDone) {
    }

    private CheckinChart() {
    }

    private static volatile Optional<String> cjkFont;

    /** An installed font family that can draw Chinese, if any. */
    static Optional<String> cjkFont() {
        Optional<String> found = cjkFont;
        if (found == null) {
            found = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("打卡人数完成单元最近几周") == -1)
                    .findFirst();
            cjkFont = found;
        }
        return found;
    }

    public static byte[] render(List<Week> weeks, Lang requested) {
        // Chinese labels need a CJK font; where the machine has none, English labels beat empty boxes.
        Lang lang = requested == Lang.ZH && cjkFont().isEmpty() ? Lang.EN : requested;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("MM-dd");
        String checkIns = MSG.get(lang, "chart.checkins");
        String goals = MSG.get(lang, "chart.goals");
        for (Week w : weeks) {
            String key = w.weekStart().format(fmt);
            data.addValue(w.checkIns(), checkIns, key);
            data.addValue(w.goalsDone(), goals, key);
        }
        JFreeChart chart = ChartFactory.createBarChart(MSG.get(lang, "chart.title"), null, null, data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (lang == Lang.ZH) {
            String family = cjkFont().orElseThrow();
            chart.getTitle().setFont(new Font(family, Font.BOLD, 18));
            chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 12));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF6F8FA));
        plot.setRangeGridlinePaint(new Color(0xD0D7DE));
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x2DA44E));
        renderer.setSeriesPaint(1, new Color(0x0969DA));
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        return PngEncoder.encode(chart.createBufferedImage(640, 320, BufferedImage.TYPE_INT_RGB, null));
    }
}
