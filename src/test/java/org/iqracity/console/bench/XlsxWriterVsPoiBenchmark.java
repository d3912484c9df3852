package org.iqracity.console.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.iqracity.console.documents.XlsxWriter;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decision record 0011's figures: the console's own XLSX writer against POI's two streaming writers (SXSSF and
 * DeferredSXSSF), the same rows of a roster's shape (14 text, 4 number, 2 percent and 2 date-time columns) into a
 * file, in one JVM, each warmed up once and then run three times; the median time, the heap in use at its highest
 * (sampled after a collection before each run) and the file's size.
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -Pbenchmark test -Dtest=XlsxWriterVsPoiBenchmark [-Dxvp.rows=200000]
 * </pre>
 */
@Tag("benchmark")
class XlsxWriterVsPoiBenchmark {
    private static final int ROWS = Integer.getInteger("xvp.rows", 200_000);
    private static final Path WORK = Path.of("target/xlsx-vs-poi").toAbsolutePath();
    private static final int TEXT = 14;

    interface Writer {
        void write(Path file) throws IOException;
    }

    static Object[] row(int i) {
        Object[] v = new Object[22];
        for (int c = 0; c < TEXT; c++) {
            v[c] = "learner-" + i + "-field-" + c + (c % 3 == 0 ? " Zoë García-Łukasz" : "");
        }
        v[14] = (double) (1950 + i % 50);
        v[15] = (double) (i % 365);
        v[16] = (double) (i % 1000);
        v[17] = (double) (i % 77);
        v[18] = (i % 100) / 100.0;
        v[19] = (i % 97) / 97.0;
        v[20] = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 61L);
        v[21] = Instant.parse("2026-06-01T00:00:00Z").plusSeconds(i * 37L);
        return v;
    }

    static void ownWriter(Path file) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 22; c++) {
            Type type = c < TEXT ? Type.TEXT : c < 18 ? Type.NUMBER : c < 20 ? Type.PERCENT : Type.DATE_TIME;
            columns.add(new Column("column " + c, type));
        }
        try (XlsxWriter x = new XlsxWriter("Roster", columns)) {
            for (int i = 0; i < ROWS; i++) {
                x.row(Arrays.asList(row(i)));
            }
            x.save(file);
        }
    }

    static void fill(Row r, Object[] v, CellStyle date, CellStyle percent) {
        for (int c = 0; c < v.length; c++) {
            var cell = r.createCell(c);
            if (v[c] instanceof String s) {
                cell.setCellValue(s);
            } else if (v[c] instanceof Double d) {
                cell.setCellValue(d);
                if (c >= 18) {
                    cell.setCellStyle(percent);
                }
            } else if (v[c] instanceof Instant t) {
                cell.setCellValue(Date.from(t));
                cell.setCellStyle(date);
            }
        }
    }

    static void sxssf(Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            SXSSFSheet sheet = wb.createSheet("Roster");
            for (int i = 0; i < ROWS; i++) {
                fill(sheet.createRow(i), row(i), date, percent);
            }
            wb.write(out);
        } // close() deletes the workbook's scratch files (POI 5: what the deprecated dispose() did)
    }

    static void deferred(Path file) throws IOException {
        try (DeferredSXSSFWorkbook wb = new DeferredSXSSFWorkbook(100);
             OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            DeferredSXSSFSheet sheet = wb.createSheet("Roster");
            sheet.setRowGenerator(s -> {
                for (int i = 0; i < ROWS; i++) {
                    fill(s.createRow(i), row(i), date, percent);
                }
            });
            wb.write(out);
        } // close() deletes the workbook's scratch files (POI 5: what the deprecated dispose() did)
    }

    record Result(String name, long medianMs, long peakHeapMb, long bytes) {
    }

    static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getPeakUsage().getUsed();
            }
        }
        return used;
    }

    static Result measure(String name, Writer writer) throws IOException {
        Path file = WORK.resolve(name.replace(' ', '-') + ".xlsx");
        writer.write(file);
        List<Long> times = new ArrayList<>();
        long peak = 0;
        for (int run = 0; run < 3; run++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            writer.write(file);
            times.add((System.nanoTime() - start) / 1_000_000);
            peak = Math.max(peak, heapUsed());
        }
        times.sort(null);
        return new Result(name, times.get(1), peak / (1024 * 1024), Files.size(file));
    }

    @Test
    void ownWriterAgainstPoisStreamingWriters() throws IOException {
        Files.createDirectories(WORK);
        List<Result> results = List.of(measure("console XlsxWriter", XlsxWriterVsPoiBenchmark::ownWriter),
                measure("POI SXSSFWorkbook", XlsxWriterVsPoiBenchmark::sxssf),
                measure("POI DeferredSXSSFWorkbook", XlsxWriterVsPoiBenchmark::deferred));
        StringBuilder md = new StringBuilder("| writer, " + ROWS
                + " rows x 22 columns | median of 3 | peak heap in use "
                + "| file |\n|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,d ms | %,d MiB | %.1f MB |%n", r.name(), r.medianMs(),
                    r.peakHeapMb(), r.bytes() / 1e6));
        }
        System.out.println(md);
        Files.writeString(Path.of("target/xlsx-vs-poi.md"), md);
    }
}
