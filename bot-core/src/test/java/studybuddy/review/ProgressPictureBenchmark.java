package studybuddy.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import studybuddy.i18n.Lang;
import studybuddy.learner.UnitStatus;
import studybuddy.platform.PngEncoder;

/**
 * Benchmark (not a test): what drawing the progress picture costs, split into painting and PNG encoding, with
 * {@code ImageIO}'s encoder and with {@link PngEncoder}, one thread. Run from bot-core (see README):
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) studybuddy.review.ProgressPictureBenchmark [runs]
 * </pre>
 */
public final class ProgressPictureBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        for (Lang lang : Lang.values()) {
            ProgressPicture.Data d = data(ProgressPicture.drawable(lang));
            long[] paint = new long[runs];
            long[] imageIo = new long[runs];
            long[] ours = new long[runs];
            int imageIoBytes = 0;
            int ourBytes = 0;
            for (int i = 0; i < runs + 50; i++) { // the first 50 warm up
                long t0 = System.nanoTime();
                BufferedImage image = ProgressPicture.paint(d);
                long t1 = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                long t2 = System.nanoTime();
                byte[] png = PngEncoder.encode(image);
                long t3 = System.nanoTime();
                if (i >= 50) {
                    paint[i - 50] = t1 - t0;
                    imageIo[i - 50] = t2 - t1;
                    ours[i - 50] = t3 - t2;
                }
                imageIoBytes = out.size();
                ourBytes = png.length;
            }
            System.out.printf("%s picture (%d runs): paint p50 %.2f ms; PNG with ImageIO p50 %.2f ms (%,d bytes), "
                            + "with PngEncoder p50 %.2f ms (%,d bytes)%n", lang, runs, p50(paint), p50(imageIo),
                    imageIoBytes, p50(ours), ourBytes);
        }
    }

    private static double p50(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    /** A learner half-way: every stage of the software path, a dozen weeks of marks, some reviews. */
    private static ProgressPicture.Data data(Lang lang) {
        List<ProgressPicture.StageRow> stages = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            List<UnitStatus> units = new ArrayList<>();
            for (int u = 0; u < 4 + s; u++) {
                units.add(s < 2 ? UnitStatus.DONE : s == 2 && u < 2 ? UnitStatus.DONE : UnitStatus.OPEN);
            }
            stages.add(new ProgressPicture.StageRow((lang == Lang.ZH ? "阶段 " : "Stage ") + (s + 1), units,
                    s == 2 ? 2 : -1));
        }
        List<double[]> pace = new ArrayList<>();
        pace.add(new double[] {0, 0});
        for (int w = 1; w <= 12; w++) {
            pace.add(new double[] {w, w * 7.5});
        }
        return new ProgressPicture.Data(lang, LocalDate.parse("2026-12-20"), stages, 11, 30, pace, 8, 12.3,
                new ReviewService.Status(true, 9, 1, 14, 11, 4, Optional.empty()));
    }
}
