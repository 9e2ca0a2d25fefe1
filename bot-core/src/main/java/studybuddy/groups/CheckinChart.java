package studybuddy.groups;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

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

    public static byte[] render(List<Week> weeks, Lang lang) {
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
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF6F8FA));
        plot.setRangeGridlinePaint(new Color(0xD0D7DE));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x2DA44E));
        renderer.setSeriesPaint(1, new Color(0x0969DA));
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, 640, 320);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
