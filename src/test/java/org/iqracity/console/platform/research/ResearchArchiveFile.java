package org.iqracity.console.platform.research;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.research.ResearchExportSummary;

/** A research export's archive read back in a test: its entries as text, the dataset as rows of cells. */
public record ResearchArchiveFile(Map<String, String> entries) {

    public static ResearchArchiveFile read(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResearchArchiveFile(entries);
    }

    public ResearchExportSummary summary() {
        try {
            return Json.tolerantMapper().readValue(entries.get(ResearchExportSummary.SUMMARY),
                    ResearchExportSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String dictionary() {
        return entries.get(ResearchExportSummary.DICTIONARY);
    }

    /** The header. */
    public List<String> header() {
        return split(entries.get(ResearchExportSummary.DATASET).lines().findFirst().orElseThrow());
    }

    /** The data rows, without the header; the dataset's cells hold no line breaks. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        entries.get(ResearchExportSummary.DATASET).lines().skip(1).forEach(l -> rows.add(split(l)));
        return rows;
    }

    /** Every byte of every entry, as text: what a leak search looks through. */
    public String everything() {
        return String.join("\n", entries.values());
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
