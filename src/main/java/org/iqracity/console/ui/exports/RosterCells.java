package org.iqracity.console.ui.exports;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.ui.common.LearnerValues;

/**
 * An open roster's values as the table shows them, worded as the Learners screen words them ({@link LearnerValues}):
 * progress and grade as percentages, the mode by name, gender and level of education in words, Yes and No, days in
 * local time. The rows stay as the file has
 * them, so searching, sorting and copies are unchanged; a value the words cannot be made from is shown as it is.
 */
final class RosterCells {
    private final List<UnaryOperator<String>> byColumn;

    RosterCells(List<String> header, LearnerValues values) {
        this.byColumn = header.stream().map(name -> wording(name, values)).toList();
    }

    String shown(int column, String value) {
        try {
            return byColumn.get(column).apply(value);
        } catch (RuntimeException unreadable) {
            return value;
        }
    }

    private static UnaryOperator<String> wording(String column, LearnerValues values) {
        return RosterField.byColumn(column).<UnaryOperator<String>>map(field -> switch (field) {
            case PROGRESS, GRADE -> v -> v.isEmpty() ? v : values.percent(Double.parseDouble(v));
            case MODE -> values::mode;
            case GENDER -> values::gender;
            case LEVEL_OF_EDUCATION -> values::education;
            case ACTIVE, PASSED, CERTIFICATE, SPONSORED, RETIRED -> v -> yesNo(v, values);
            case ENROLLED_AT, LAST_ACTIVITY_AT -> v -> values.day(v.isEmpty() ? null : Instant.parse(v));
            default -> UnaryOperator.identity();
        }).orElse(UnaryOperator.identity());
    }

    private static String yesNo(String value, LearnerValues values) {
        return switch (value) {
            case "true" -> values.yesNo(true);
            case "false" -> values.yesNo(false);
            default -> value;
        };
    }
}
