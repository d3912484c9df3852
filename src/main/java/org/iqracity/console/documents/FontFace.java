package org.iqracity.console.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One embedded font with what layout needs from it: which characters it can print, how wide a string is, and
 * how a string breaks into lines of a given width.
 */
final class FontFace {
    static final String ELLIPSIS = "\u2026";
    private static final char MISSING = '?';

    private final PDType0Font font;
    /** Whether the font has a glyph for a code point; asked once per code point, the answer never changes. */
    private final Map<Integer, Boolean> printable = new HashMap<>();

    FontFace(PDType0Font font) {
        this.font = font;
    }

    PDType0Font font() {
        return font;
    }

    /**
     * The text with every character the font cannot draw replaced: tabs become spaces, other control
     * characters and characters without a glyph become '?'. PDFBox would otherwise refuse the whole line.
     */
    String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String replacement = null;
            if (cp == '\t') {
                replacement = " ";
            } else if (Character.isISOControl(cp) || !canPrint(cp)) {
                replacement = String.valueOf(MISSING);
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private boolean canPrint(int codePoint) {
        return printable.computeIfAbsent(codePoint, cp -> {
            try {
                return font.encode(new String(Character.toChars(cp))).length > 0;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return false;
            }
        });
    }

    /** Width in points of already printable text. */
    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap of printable text; a word wider than the line is broken between characters. */
    List<String> wrap(String text, float available, float size) {
        List<String> lines = new ArrayList<>();
        float space = width(" ", size);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : text.strip().split(" +")) {
            float wordWidth = width(word, size);
            if (line.isEmpty() && wordWidth <= available) {
                line.append(word);
                lineWidth = wordWidth;
            } else if (!line.isEmpty() && lineWidth + space + wordWidth <= available) {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
            } else if (wordWidth <= available) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
                lineWidth = wordWidth;
            } else {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                List<String> pieces = breakWord(word, available, size);
                lines.addAll(pieces.subList(0, pieces.size() - 1));
                line.append(pieces.getLast());
                lineWidth = width(pieces.getLast(), size);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** As {@link #wrap(String, float, float)}, but at most {@code maxLines}; a cut shows as an ellipsis. */
    List<String> wrap(String text, float available, float size, int maxLines) {
        List<String> lines = wrap(text, available, size);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, cutWithEllipsis(kept.get(maxLines - 1), available, size));
        return kept;
    }

    /** The text as is when it fits, else cut and ended with an ellipsis. */
    String ellipsise(String text, float available, float size) {
        return width(text, size) <= available ? text : cutWithEllipsis(text, available, size);
    }

    private String cutWithEllipsis(String text, float available, float size) {
        int end = text.length();
        while (end > 0 && width(text.substring(0, end).stripTrailing() + ELLIPSIS, size) > available) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private List<String> breakWord(String word, float available, float size) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = start;
            // always at least one character per line, or a too-narrow column would loop forever
            end = word.offsetByCodePoints(end, 1);
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (width(word.substring(start, next), size) > available) {
                    break;
                }
                end = next;
            }
            pieces.add(word.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
