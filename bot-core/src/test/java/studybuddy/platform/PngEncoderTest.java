package studybuddy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    @DisplayName("Noise (no filter helps) decodes to exactly the same pixels")
    void givenNoise_whenEncoded_thenDecodesToTheSamePixels() throws Exception {
        // GIVEN an image of random pixels
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        // WHEN / THEN
        assertSamePixels(image, decode(PngEncoder.encode(image)));
    }

    @Test
    @DisplayName("Antialiased text and flat areas decode to the same pixels, much smaller than raw")
    void givenChartLikeImage_whenEncoded_thenLosslessAndCompressed() throws Exception {
        // GIVEN flat colours, edges and antialiased text, as the bot's pictures have
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(0x2DA44E));
        g.fillRoundRect(20, 40, 150, 30, 10, 10);
        g.setColor(new Color(0x1F2328));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("Your route ▶ 42%", 20, 140);
        g.drawLine(0, 299, 399, 0);
        g.dispose();
        // WHEN
        byte[] png = PngEncoder.encode(image);
        // THEN
        assertSamePixels(image, decode(png));
        assertThat(png.length).isLessThan(400 * 300 * 3 / 10);
    }

    @Test
    @DisplayName("An image with alpha is written without it; a 1 x 1 image works")
    void givenOtherImageTypes_whenEncoded_thenRgbPixelsKept() throws Exception {
        // GIVEN
        BufferedImage argb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF123456);
        argb.setRGB(2, 1, 0xFFABCDEF);
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        tiny.setRGB(0, 0, 0x00FF7F);
        // WHEN
        BufferedImage fromArgb = decode(PngEncoder.encode(argb));
        BufferedImage fromTiny = decode(PngEncoder.encode(tiny));
        // THEN
        assertThat(fromArgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x123456);
        assertThat(fromArgb.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xABCDEF);
        assertThat(fromArgb.getColorModel().hasAlpha()).isFalse();
        assertThat(fromTiny.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x00FF7F);
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded).as("ImageIO reads what we wrote").isNotNull();
        return decoded;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo(expected.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }
}
