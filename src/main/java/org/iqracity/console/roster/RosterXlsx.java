package org.iqracity.console.roster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.documents.XlsxWriter;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;

/**
 * A roster as an .xlsx workbook, for the person who asked for a plain spreadsheet (R14: an explicit, logged act;
 * the caller warns and logs). Rows stream in as the roster is read, under the same header as its CSV; numbers and
 * times become real numbers and times (UTC). A roster longer than a sheet continues on "Roster (2)" and so on with
 * the header repeated, never losing a row. A second sheet says what the file is and that it is not encrypted.
 *
 * <p>Nothing is written until {@link #save}: a roster that fails to read to its end (tampered, truncated) leaves
 * no workbook behind, only scratch files that {@link #close} deletes.
 */
public final class RosterXlsx implements RosterReader.RowSink, AutoCloseable {
    public static final String SHEET = "Roster";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final int rowsPerSheet;
    private XlsxWriter xlsx;

    public RosterXlsx() {
        this(XlsxWriter.MAX_ROWS_PER_SHEET);
    }

    /** With fewer rows per sheet (header included) than Excel's 1,048,576, for tests. */
    public RosterXlsx(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public void header(List<String> fields) {
        if (xlsx != null) {
            throw new IllegalStateException("a roster has one header");
        }
        List<Column> columns = new ArrayList<>(fields.size());
        for (String name : fields) {
            columns.add(new Column(name, type(name), width(name)));
        }
        xlsx = new XlsxWriter(SHEET, columns, rowsPerSheet);
    }

    @Override
    public void row(List<String> values) {
        if (xlsx == null) {
            throw new IllegalStateException("a roster row came before its header");
        }
        xlsx.row(values);
    }

    public long rowCount() {
        return xlsx == null ? 0 : xlsx.rowCount();
    }

    public int sheetCount() {
        return xlsx == null ? 0 : xlsx.sheetCount();
    }

    /** Writes the workbook whole into {@code target}, with a sheet about the roster from its manifest. */
    public void save(Path target, RosterManifest manifest) throws IOException {
        if (xlsx == null) {
            throw new IllegalStateException("no roster was read");
        }
        List<List<String>> about = new ArrayList<>();
        about.add(List.of("Roster", manifest.memberName() == null ? manifest.memberId() : manifest.memberName()));
        for (RosterManifest.CourseEntry course : manifest.courses()) {
            about.add(List.of("Course", course.title() + " (" + course.courseId() + "), " + course.rowCount()
                    + " rows"));
        }
        about.add(List.of("Exported by", manifest.exportedByName() == null ? manifest.exportedBy()
                : manifest.exportedByName()));
        about.add(List.of("Exported at", UTC.format(manifest.exportedAt())));
        about.add(List.of("Valid until", UTC.format(manifest.expiresAt())));
        about.add(List.of("Rows", Long.toString(xlsx.rowCount())));
        about.add(List.of("Times", "All times are UTC."));
        about.add(List.of("Not encrypted", "This copy has no passphrase and no expiry. Keep it on an encrypted "
                + "drive, share it with nobody, and delete it when you are done."));
        xlsx.aboutSheet("About", about);
        xlsx.save(target);
    }

    @Override
    public void close() throws IOException {
        if (xlsx != null) {
            xlsx.close();
        }
    }

    /** How a roster column is typed in the spreadsheet; columns this build does not know stay text. */
    static Type type(String column) {
        return RosterField.byColumn(column).map(field -> switch (field) {
            case YEAR_OF_BIRTH, ACTIVE_DAYS -> Type.NUMBER;
            case PROGRESS, GRADE -> Type.PERCENT;
            case ENROLLED_AT, LAST_ACTIVITY_AT -> Type.DATE_TIME;
            default -> Type.TEXT;
        }).orElse(Type.TEXT);
    }

    private static int width(String column) {
        return switch (column) {
            case "course_id" -> 38;
            case "name", "email" -> 30;
            case "username", "learner_id" -> 22;
            default -> 0;
        };
    }
}
