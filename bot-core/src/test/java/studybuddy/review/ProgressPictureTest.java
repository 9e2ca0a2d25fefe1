package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import studybuddy.i18n.Lang;
import studybuddy.learner.UnitStatus;

/** The progress picture's drawing, from fixed figures (the flow tests cover gathering them). */
class ProgressPictureTest {
    private static final int DONE = 0x2DA44E;
    private static final int CURRENT = 0x0969DA;
    private static final int AHEAD = 0xD0D7DE;

    private static ProgressPicture.Data data(Lang lang) {
        return new ProgressPicture.Data(lang, LocalDate.parse("2026-12-20"), List.of(
                new ProgressPicture.StageRow("Programming basics (Python)", List.of(UnitStatus.KNOWN, UnitStatus.KNOWN), -1),
                new ProgressPicture.StageRow("Classic ML and maths foundations",
                        List.of(UnitStatus.DONE, UnitStatus.DONE, UnitStatus.OPEN, UnitStatus.OPEN), 2),
                new ProgressPicture.StageRow("Deep learning", List.of(UnitStatus.OPEN, UnitStatus.SKIPPED), -1)),
                4, 8, List.of(new double[] {0, 0}, new double[] {1.5, 0}, new double[] {1.5, 40}, new double[] {3, 40}),
                8, 3, new ReviewService.Status(true, 2, 1, 5, 4, 3, Optional.empty()));
    }

    private static BufferedImage draw(Lang lang, String saveAs) throws Exception {
        byte[] png = ProgressPicture.draw(data(lang));
        Path target = Path.of("target", saveAs);
        Files.createDirectories(target.getParent());
        Files.write(target, png); // kept for a look: bot-core/target/progress-*.png
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void givenFigures_whenDrawn_thenPhoneSizedPngWithDoneCurrentAndAheadCells() throws Exception {
        BufferedImage image = draw(Lang.EN, "progress-en.png");
        assertThat(image.getWidth()).isEqualTo(ProgressPicture.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProgressPicture.height(3));
        // every status has its colour on the route (done cells and the pace line are green)
        assertThat(count(image, DONE)).isGreaterThan(1000);
        assertThat(count(image, CURRENT)).isGreaterThan(300);
        assertThat(count(image, AHEAD)).isGreaterThan(300);
    }

    @Test
    void givenChinese_whenDrawn_thenDrawnWithACjkFontOrEnglishLabelsWhereThereIsNone() throws Exception {
        BufferedImage image = draw(Lang.ZH, "progress-zh.png");
        assertThat(image.getWidth()).isEqualTo(ProgressPicture.WIDTH);
        assertThat(ProgressPicture.drawable(Lang.ZH))
                .isEqualTo(ProgressPicture.cjkFont().isPresent() ? Lang.ZH : Lang.EN);
        assertThat(ProgressPicture.drawable(Lang.EN)).isEqualTo(Lang.EN);
    }
}
