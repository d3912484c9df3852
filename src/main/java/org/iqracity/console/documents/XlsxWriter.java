package org.iqracity.console.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one table into an .xlsx workbook, streaming: rows go into a compressed scratch file as they come, so a
 * million rows cost little heap. Row one of every sheet is the bold, frozen header with a filter. A sheet holds at
 * most {@code rowsPerSheet} rows including its header (Excel's 1,048,576 unless told otherwise); further rows
 * continue on "name (2)", "name (3)"... with the header repeated, so no row is ever dropped.
 *
 * <p>Cells are typed by their column: numbers and dates are real numbers and dates a spreadsheet can sort and sum.
 * A text value given to a number or date column is parsed, and kept as text when it is not one. Times are written
 * in UTC. Text longer than a cell holds is cut. Nothing appears at the target until {@link #save}; {@link #close}
 * deletes the scratch file of a workbook never saved.
 *
 * <p>The cells are typed, written as XML and compressed on a thread of the writer's own, a few batches of rows
 * behind the caller: a roster's rows come from decrypting and checking a file, which keeps one core busy, and the
 * workbook keeps the other. An error there surfaces at the next row or at {@link #save}. An interrupted caller gets
 * a {@link CancellationException}. Not thread-safe; one writer makes and saves one workbook.
 */
public final class XlsxWriter implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(XlsxWriter.class);

    /** Rows on an Excel sheet, header included. */
    public static final int MAX_ROWS_PER_SHEET = 1_048_576;
    /** Rows handed to the writing thread at a time, and batches that may wait for it: a few hundred KB at most. */
    private static final int BATCH = 256;
    private static final int WAITING = 8;
    private static final Batch END = new Batch(new Object[0][], 0);
    private static final Batch ABANDON = new Batch(new Object[0][], 0);

    /** How a column's cells are typed; PERCENT is a number shown as a percentage (0.5 reads 50%). */
    public enum Type { TEXT, NUMBER, PERCENT, DATE, DATE_TIME }

    /** One column: its header, how its cells are typed, and its width in characters (0: from the header). */
    public record Column(String header, Type type, int widthChars) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(type, "type");
        }

        public Column(String header, Type type) {
            this(header, type, 0);
        }

        int width() {
            if (widthChars > 0) {
                return widthChars;
            }
            int byType = switch (type) {
                case TEXT -> 16;
                case NUMBER, PERCENT -> 10;
                case DATE -> 12;
                case DATE_TIME -> 20;
            };
            return Math.max(byType, header.length() + 4);
        }
    }

    private record Batch(Object[][] rows, int size) {
    }

    private final String baseName;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private final XlsxPackage pkg;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(WAITING);
    /** The finished package's scratch file, once the writing thread is done. */
    private final CompletableFuture<Path> done = new CompletableFuture<>();

    private Object[][] batch = new Object[BATCH][];
    private int batched;
    private long dataRows;
    private boolean ended;
    private boolean saved;
    /** Set before {@link #END} is queued, read by the writing thread after it. */
    private String aboutName;
    private List<List<String>> aboutLines = List.of();

    public XlsxWriter(String sheetName, List<Column> columns) {
        this(sheetName, columns, MAX_ROWS_PER_SHEET);
    }

    /** As the two-argument form, with fewer rows per sheet: tests see a continuation without a million rows. */
    public XlsxWriter(String sheetName, List<Column> columns, int rowsPerSheet) {
        this(sheetName, columns, rowsPerSheet, null);
    }

    /** With the scratch file in {@code scratchDir} (null: the system's temporary folder), so tests can watch it. */
    XlsxWriter(String sheetName, List<Column> columns, int rowsPerSheet, Path scratchDir) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one column");
        }
        if (rowsPerSheet < 2 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rows per sheet must be 2.." + MAX_ROWS_PER_SHEET);
        }
        this.columns = List.copyOf(columns);
        this.rowsPerSheet = rowsPerSheet;
        this.baseName = SheetNames.safe(Objects.requireNonNullElse(sheetName, "Sheet"), '_');
        try {
            pkg = new XlsxPackage(scratchDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the workbook's scratch file", e);
        }
        Thread.ofPlatform().daemon().name("xlsx-writer").start(this::work);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Appends one row; values line up with the columns, missing or null ones stay blank. */
    public void row(List<?> values) {
        if (ended) {
            throw new IllegalStateException("the workbook was saved; a writer makes one workbook");
        }
        batch[batched++] = values.toArray();
        dataRows++;
        if (batched == BATCH) {
            handOver();
        }
    }

    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    /** Data rows written so far, headers not counted. */
    public long rowCount() {
        return dataRows;
    }

    public int sheetCount() {
        return (int) Math.max(1, (dataRows + rowsPerSheet - 2) / (rowsPerSheet - 1));
    }

    /**
     * Adds, after the table's sheets, a sheet of label/value lines about the table (title, source, notes), so the
     * table's own sheets hold nothing but header and rows.
     */
    public void aboutSheet(String name, List<List<String>> lines) {
        aboutName = SheetNames.safe(Objects.requireNonNull(name, "name"), '_');
        aboutLines = List.copyOf(lines);
    }

    public void save(OutputStream out) throws IOException {
        Files.copy(finish(), out);
    }

    /** Writes the workbook beside the target and moves it into place, so nobody ever sees half a file. */
    public void save(Path target) throws IOException {
        Path file = finish();
        try {
            // the scratch file is already whole: on the target's file system it just takes the target's name
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            saved = true;
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            AtomicFiles.write(target, out -> Files.copy(file, out));
        }
    }

    /** Stops the writing thread and deletes the scratch file. */
    @Override
    public void close() throws IOException {
        if (!ended) {
            ended = true;
            putUninterruptibly(ABANDON);
        }
        boolean interrupted = false;
        Path file = null;
        while (true) {
            try {
                file = done.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (file != null && !saved) {
            Files.deleteIfExists(file);
        }
    }

    private Path finish() throws IOException {
        if (saved) {
            throw new IllegalStateException("the workbook was saved to its target already");
        }
        if (!ended) {
            if (batched > 0) {
                handOver();
            }
            ended = true;
            put(END);
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the workbook was written");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private void handOver() {
        if (done.state() == Future.State.FAILED) {
            throw new UncheckedIOException(failure(done.exceptionNow()));
        }
        put(new Batch(batch, batched));
        batch = new Object[BATCH][];
        batched = 0;
    }

    private void put(Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while rows were written");
        }
    }

    private void putUninterruptibly(Batch b) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(b);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the writing thread failed with, as this writer's caller gets it. */
    private static IOException failure(Throwable cause) {
        return switch (cause) {
            case IOException io -> io;
            case RuntimeException r -> throw r;
            case Error e -> throw e;
            default -> new IOException(cause);
        };
    }

    /** The writing thread: batches until the end (finish the package) or abandonment (delete it). */
    private void work() {
        try {
            SheetWriter sheets = new SheetWriter(pkg, baseName, columns, rowsPerSheet);
            for (Batch b = queue.take(); b != ABANDON; b = queue.take()) {
                if (b == END) {
                    Path file = sheets.finish(aboutName, aboutLines);
                    if (sheets.truncatedText()) {
                        LOGGER.warn("Some cells were longer than a spreadsheet cell holds ({} characters) and were "
                                + "cut", SheetWriter.MAX_CELL_TEXT);
                    }
                    done.complete(file);
                    return;
                }
                for (int i = 0; i < b.size(); i++) {
                    sheets.row(b.rows()[i]);
                }
            }
            pkg.close();
            done.cancel(false);
        } catch (IOException | RuntimeException | Error | InterruptedException e) {
            try {
                pkg.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            done.completeExceptionally(e);
            drainUntilTheEnd();
        }
    }

    /** After a failure, takes what the caller still hands over, so it never waits on a full queue. */
    private void drainUntilTheEnd() {
        try {
            for (Batch b = queue.take(); b != END && b != ABANDON; b = queue.take()) {
                // dropped: the workbook has failed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
