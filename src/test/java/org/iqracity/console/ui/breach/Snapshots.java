package org.iqracity.console.ui.breach;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the screen shows, without a screen: the largest window on show with every other window on show (a dialog)
 * drawn over it where it stands, written as PNG.
 */
final class Snapshots {

    private Snapshots() {
    }

    static void write(Path file) {
        BufferedImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(Snapshots::compose).get(20, TimeUnit.SECONDS);
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("no snapshot of " + file, e);
        }
    }

    private static BufferedImage compose() {
        List<Window> windows = Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null)
                .sorted(Comparator.comparingDouble((Window w) -> w.getWidth() * w.getHeight()).reversed()).toList();
        Window main = windows.getFirst();
        BufferedImage out = image(main.getScene().snapshot(null));
        var g = out.createGraphics();
        for (Window w : windows.subList(1, windows.size())) {
            BufferedImage over = image(w.getScene().snapshot(null));
            int x = (int) Math.round(w.getX() + w.getScene().getX() - main.getX() - main.getScene().getX());
            int y = (int) Math.round(w.getY() + w.getScene().getY() - main.getY() - main.getScene().getY());
            // A dialog placed off the window (no window manager) is shown centred, as a desktop would place it.
            if (x < 0 || y < 0 || x + over.getWidth() > out.getWidth() || y + over.getHeight() > out.getHeight()) {
                x = Math.max(0, (out.getWidth() - over.getWidth()) / 2);
                y = Math.max(0, (out.getHeight() - over.getHeight()) / 3);
            }
            g.setColor(new Color(0, 0, 0, 60));
            g.fillRect(x + 4, y + 6, over.getWidth(), over.getHeight());
            g.drawImage(over, x, y, null);
        }
        g.dispose();
        return out;
    }

    private static BufferedImage image(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
