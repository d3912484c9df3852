package org.iqracity.console.ui.learners;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.StringConverter;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.learners.Countries.Country;

/**
 * Countries picked by name from a searchable list, several at once ("ger" finds Germany, "south" South Africa and
 * South Korea, "de" Germany by its code). The button says what is picked; ticks go straight into the filter.
 */
final class CountryPicker extends Button {
    private final ObservableList<String> picked;
    private final Countries countries;
    private final Messages messages;
    private final Map<String, BooleanProperty> ticks = new HashMap<>();
    private final CustomTextField search = new CustomTextField();
    /** Every country, those picked first (so that what is ticked shows on opening), then by name. */
    private final ObservableList<Country> ordered = FXCollections.observableArrayList();
    private final FilteredList<Country> shown;
    private final Popup popup = new Popup();
    private boolean syncing;

    CountryPicker(ObservableList<String> picked, Countries countries, Messages messages) {
        this.picked = picked;
        this.countries = countries;
        this.messages = messages;
        this.shown = new FilteredList<>(ordered);
        setId("countryPicker");
        setGraphic(Icons.of(AppIcon.CHEVRON_DOWN));
        setContentDisplay(ContentDisplay.RIGHT);
        setMnemonicParsing(false);
        getStyleClass().add(Css.PICKER_BUTTON);
        for (Country c : countries.all()) {
            BooleanProperty tick = new SimpleBooleanProperty(picked.contains(c.code()));
            tick.addListener((obs, was, now) -> tick(c.code(), now));
            ticks.put(c.code(), tick);
        }
        picked.addListener((ListChangeListener<String>) change -> {
            syncing = true;
            try {
                ticks.forEach((code, tick) -> tick.set(picked.contains(code)));
            } finally {
                syncing = false;
            }
            describe();
        });
        describe();
        ordered.setAll(countries.all());
        popup.getContent().add(content());
        popup.setAutoHide(true);
        popup.setOnShown(e -> search.requestFocus());
        setOnAction(e -> toggle());
    }

    private VBox content() {
        search.setId("countrySearch");
        search.setPromptText(messages.get("learners.countries.search"));
        search.setLeft(Icons.of(AppIcon.SEARCH));
        search.textProperty().addListener((obs, was, now) -> shown.setPredicate(c -> c.matches(now)));
        ListView<Country> list = new ListView<>(shown);
        list.setId("countryList");
        list.setPrefSize(300, 320);
        StringConverter<Country> names = new StringConverter<>() {
            @Override
            public String toString(Country c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Country fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
        list.setCellFactory(CheckBoxListCell.forListView(c -> ticks.get(c.code()), names));
        list.setPlaceholder(new Label(messages.get("learners.countries.none")));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !shown.isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && shown.size() == 1) {
                ticks.get(shown.getFirst().code()).set(true);
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        list.setOnKeyPressed(e -> {
            Country at = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && at != null) {
                BooleanProperty tick = ticks.get(at.code());
                tick.set(!tick.get());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        Button clear = new Button(messages.get("learners.countries.clear"));
        clear.setId("clearCountries");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> picked.clear());
        Button done = new Button(messages.get("learners.countries.done"));
        done.setId("countriesDone");
        done.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        done.setDefaultButton(false);
        done.setOnAction(e -> popup.hide());
        Label count = new Label();
        count.getStyleClass().add(Css.TOTAL);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("learners.countries.picked", picked.size()), picked));
        HBox footer = new HBox(8, count, new atlantafx.base.controls.Spacer(), clear, done);
        footer.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, search, list, footer);
        box.getStyleClass().add(Css.POPUP_CARD);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private void tick(String code, boolean on) {
        if (syncing) {
            return;
        }
        if (on && !picked.contains(code)) {
            picked.add(code);
        } else if (!on) {
            picked.remove(code);
        }
    }

    /** "Countries", "Kenya", "Kenya, Ghana", "4 countries". */
    private void describe() {
        List<String> names = picked.stream().map(countries::name).toList();
        setText(switch (names.size()) {
            case 0 -> messages.get("learners.filter.country");
            case 1, 2 -> String.join(", ", names);
            default -> messages.format("learners.countries.picked", names.size());
        });
    }

    private void toggle() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        if (getScene() != null && popup.getScene().getStylesheets().isEmpty()) {
            // A popup is a window of its own: the console's stylesheet is not inherited.
            popup.getScene().getStylesheets().setAll(getScene().getStylesheets());
        }
        search.clear();
        List<Country> first = countries.all().stream().filter(c -> picked.contains(c.code())).toList();
        List<Country> rest = countries.all().stream().filter(c -> !picked.contains(c.code())).toList();
        ordered.setAll(first);
        ordered.addAll(rest);
        Bounds at = localToScreen(getBoundsInLocal());
        popup.show(this, at.getMinX(), at.getMaxY() + 4);
    }

    /** The popup, for tests that drive it. */
    Popup popup() {
        return popup;
    }
}
