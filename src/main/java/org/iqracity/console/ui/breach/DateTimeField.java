package org.iqracity.console.ui.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.iqracity.console.ui.common.Css;

/**
 * A moment as a date and a 24-hour time ("14:30") in the person's time zone, kept in step with an instant. An empty
 * date is no moment; an empty time is midnight.
 */
final class DateTimeField extends HBox {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();
    private final ObjectProperty<Instant> value;
    private final ZoneId zone;
    private boolean syncing;

    DateTimeField(String id, ObjectProperty<Instant> value, ZoneId zone) {
        super(6);
        this.value = value;
        this.zone = zone;
        setAlignment(Pos.CENTER_LEFT);
        date.setId(id + "Date");
        date.setPrefWidth(140);
        time.setId(id + "Time");
        time.setPromptText("hh:mm");
        time.setPrefColumnCount(5);
        time.setMinWidth(Region.USE_PREF_SIZE);
        date.setMinWidth(130);
        getChildren().addAll(date, time);
        show(value.get());
        value.addListener((obs, old, now) -> show(now));
        date.valueProperty().addListener(x -> push());
        time.textProperty().addListener(x -> push());
    }

    private void show(Instant at) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (at == null) {
                date.setValue(null);
                time.setText("");
            } else {
                date.setValue(at.atZone(zone).toLocalDate());
                time.setText(HOURS.format(at.atZone(zone).toLocalTime()));
            }
            time.getStyleClass().remove(Css.FIELD_ERROR);
        } finally {
            syncing = false;
        }
    }

    private void push() {
        if (syncing) {
            return;
        }
        LocalDate day = date.getValue();
        LocalTime at;
        String typed = time.getText() == null ? "" : time.getText().strip();
        try {
            at = typed.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(typed.length() == 4 ? "0" + typed : typed,
                    HOURS);
            time.getStyleClass().remove(Css.FIELD_ERROR);
        } catch (DateTimeParseException e) {
            // Half-typed times stay as typed; the moment changes once the time reads as one.
            if (!time.getStyleClass().contains(Css.FIELD_ERROR)) {
                time.getStyleClass().add(Css.FIELD_ERROR);
            }
            return;
        }
        syncing = true;
        try {
            value.set(day == null ? null : day.atTime(at).atZone(zone).toInstant());
        } finally {
            syncing = false;
        }
    }
}
