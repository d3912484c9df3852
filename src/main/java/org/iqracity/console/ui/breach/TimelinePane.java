package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.TimelineEntryDto;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Messages;

/** Every step of the incident with who and when: what the record for the regulator is built from. */
final class TimelinePane extends VBox {

    TimelinePane(ObservableValue<IncidentDto> incident, Messages messages, BreachWords words, BreachFormat format) {
        super(8);
        setId("timelinePane");
        Label hint = Fit.wrapping(new Label(messages.get("breach.timeline.hint")));
        hint.getStyleClass().add(Css.HINT);
        TableView<TimelineEntryDto> table = new TableView<>();
        table.setId("timelineTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                ChannelsStep.column(messages.get("breach.timeline.at"), 170, e -> format.when(e.at())),
                ChannelsStep.column(messages.get("breach.timeline.who"), 160, TimelineEntryDto::actor),
                ChannelsStep.column(messages.get("breach.timeline.step"), 170, e -> words.step(e.step())),
                // What changed, read whole: the row grows to hold it.
                ChannelsStep.wrapping(ChannelsStep.column(messages.get("breach.timeline.detail"), 360,
                        e -> e.detail() == null ? "" : e.detail()))));
        table.setPlaceholder(new Label(messages.get("breach.timeline.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(hint, table);
        Runnable show = () -> {
            IncidentDto dto = incident.getValue();
            table.setItems(FXCollections.observableArrayList(dto == null ? List.of() : dto.timeline()));
        };
        incident.addListener(x -> show.run());
        show.run();
    }
}
