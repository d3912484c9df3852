package org.iqracity.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.FontWeight;
import org.assertj.core.data.Offset;
import org.iqracity.console.ui.common.Css;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every text colour of the console's own stylesheet reads at 4.5:1 or more (3:1 for large text, WCAG 2.1 AA) in both
 * AtlantaFX themes. The colours are not copied here: each rule of console.css that sets a text fill is built as the
 * nodes it selects, styled by the real theme and stylesheet, and its text colour measured against the background it
 * is drawn on (its own or an ancestor's), or, for text on the window's surfaces, against both the page and the
 * subtle surface of header, sidebar and status bar.
 */
class ThemeContrastTest {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern PART = Pattern.compile("([.][\\w-]+)|(:[\\w-]+)");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyOwnTextColourReadsAtAaContrastInTheLightTheme() throws Exception {
        assertThat(failures(new PrimerLight())).as("text below AA contrast").isEmpty();
    }

    @Test
    void everyOwnTextColourReadsAtAaContrastInTheDarkTheme() throws Exception {
        assertThat(failures(new PrimerDark())).as("text below AA contrast").isEmpty();
    }

    @Test
    void theMeasureTellsBlackOnWhiteFromGreyOnWhite() {
        assertThat(ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, Offset.offset(0.01));
        assertThat(ratio(Color.web("#999999"), Color.WHITE)).isLessThan(4.5);
    }

    private static List<String> failures(Theme theme) throws Exception {
        List<String> selectors = textSelectors();
        assertThat(selectors).hasSizeGreaterThan(30);
        return WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
            List<String> failed = new ArrayList<>();
            Color page = surface("-color-bg-default");
            Color subtle = surface("-color-bg-subtle");
            for (String selector : selectors) {
                Label text = build(selector);
                Scene scene = new Scene(new StackPane(root(text)));
                scene.getStylesheets().add(ThemeContrastTest.class.getResource(Css.STYLESHEET).toExternalForm());
                scene.getRoot().applyCss();
                if (!(text.getTextFill() instanceof Color fill)) {
                    continue;
                }
                List<Color> behind = backgrounds(text, page, subtle);
                double least = behind.stream().mapToDouble(bg -> ratio(shown(fill, text.getOpacity(), bg), bg))
                        .min().orElseThrow();
                double needed = large(text) ? 3.0 : 4.5;
                if (least < needed) {
                    failed.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1, needs %.1f:1", theme.getName(),
                            selector, behind, least, needed));
                }
            }
            return failed;
        }).get(30, TimeUnit.SECONDS);
    }

    /** The selectors of console.css rules that set a text fill, without ids and icon rules. */
    private static List<String> textSelectors() throws IOException {
        String css;
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(Css.STYLESHEET)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        List<String> selectors = new ArrayList<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            if (!rule.group(2).contains("-fx-text-fill")) {
                continue;
            }
            for (String selector : rule.group(1).split(",")) {
                String s = selector.strip();
                if (!s.contains("#") && !s.contains("ikonli") && !s.isEmpty()) {
                    selectors.add(s);
                }
            }
        }
        return selectors;
    }

    /** The nodes a selector picks: a pane for each ancestor part, a label for the last. */
    private static Label build(String selector) {
        String[] parts = selector.split("\\s+");
        Label label = new Label("Sample text");
        style(label, parts[parts.length - 1]);
        Node inner = label;
        for (int i = parts.length - 2; i >= 0; i--) {
            StackPane outer = new StackPane(inner);
            style(outer, parts[i]);
            inner = outer;
        }
        // The brand's words are written on the brand panel.
        if (selector.startsWith(".brand-")) {
            StackPane panel = new StackPane(inner);
            panel.getStyleClass().add(Css.BRAND_PANEL);
        }
        return label;
    }

    private static Parent root(Label label) {
        Parent top = label;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top;
    }

    private static void style(Node node, String part) {
        Matcher m = PART.matcher(part);
        while (m.find()) {
            if (m.group(1) != null) {
                node.getStyleClass().add(m.group(1).substring(1));
            } else {
                node.pseudoClassStateChanged(PseudoClass.getPseudoClass(m.group(2).substring(1)), true);
            }
        }
    }

    /** The nearest background drawn behind the text; for text on no background of its own, both surfaces. */
    private static List<Color> backgrounds(Label text, Color page, Color subtle) {
        // Up to, not including, the scene's root: it stands for the window, whose surfaces are both checked.
        for (Node n = text; n != null && n.getParent() != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                List<Color> colours = colours(region.getBackground(), page);
                if (!colours.isEmpty()) {
                    return colours;
                }
            }
        }
        return List.of(page, subtle);
    }

    private static List<Color> colours(Background background, Color page) {
        List<Color> found = new ArrayList<>();
        for (BackgroundFill fill : background.getFills()) {
            Paint paint = fill.getFill();
            if (paint instanceof Color c && c.getOpacity() > 0) {
                found.add(over(c, page));
            } else if (paint instanceof LinearGradient g) {
                for (Stop stop : g.getStops()) {
                    found.add(over(stop.getColor(), page));
                }
            }
        }
        // Only the top fill is behind the text; a gradient counts with each of its stops.
        return found.isEmpty() ? found : background.getFills().getLast().getFill() instanceof LinearGradient
                ? found : List.of(found.getLast());
    }

    private static Color surface(String lookedUp) {
        Region region = new Region();
        region.setStyle("-fx-background-color: " + lookedUp + ";");
        Scene scene = new Scene(new StackPane(region));
        scene.getRoot().applyCss();
        return (Color) region.getBackground().getFills().getFirst().getFill();
    }

    private static boolean large(Label label) {
        double size = label.getFont().getSize();
        boolean bold = label.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold")
                || FontWeight.findByName(label.getFont().getStyle()) == FontWeight.BOLD;
        return size >= 24 || bold && size >= 18.66;
    }

    /** The colour seen: {@code c} at {@code opacity} over {@code bg}. */
    private static Color shown(Color c, double opacity, Color bg) {
        return over(Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity), bg);
    }

    private static Color over(Color c, Color bg) {
        double a = c.getOpacity();
        return Color.color(c.getRed() * a + bg.getRed() * (1 - a), c.getGreen() * a + bg.getGreen() * (1 - a),
                c.getBlue() * a + bg.getBlue() * (1 - a));
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
