package org.iqracity.console.ui.breach;

import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.ui.common.Messages;

/** Step 1: what happened, when it was found (the 72-hour clock starts there), what data, what is being done. */
final class FactsStep extends FormGrid {

    FactsStep(DraftViewModel vm, Messages messages, BreachWords words, ZoneId zone) {
        setId("factsStep");
        add(messages.get("breach.facts.title"), checked(field("incidentTitle", vm.titleProperty()), vm,
                DraftField.TITLE));
        add(messages.get("breach.facts.discovered"), checked(new DateTimeField("discovered",
                vm.discoveredAtProperty(), zone), vm, DraftField.DISCOVERED_AT));
        hint(messages.get("breach.facts.discovered.hint"));
        Label until = new Label(messages.get("breach.facts.until"));
        until.setMinWidth(Region.USE_PREF_SIZE);
        // Start and end on one line where they fit, the end under the start in a narrow window.
        HBox end = new HBox(10, until, new DateTimeField("occurredTo", vm.occurredToProperty(), zone));
        end.setAlignment(Pos.CENTER_LEFT);
        SideBySide occurred = SideBySide.row(10, new DateTimeField("occurredFrom", vm.occurredFromProperty(), zone),
                end);
        occurred.setId("occurred");
        add(messages.get("breach.facts.occurred"), checked(occurred, vm, DraftField.OCCURRED_TO));
        add(messages.get("breach.facts.what"), checked(area("whatHappened", vm.whatHappenedProperty(), 4), vm,
                DraftField.WHAT_HAPPENED));
        FlowPane categories = new FlowPane(14, 8);
        categories.setId("dataCategories");
        for (DataCategory c : DataCategory.values()) {
            CheckBox box = new CheckBox(words.category(c));
            box.setId("category-" + c.name());
            box.selectedProperty().bindBidirectional(vm.categoryProperty(c));
            categories.getChildren().add(box);
        }
        add(messages.get("breach.facts.categories"), checked(categories, vm, DraftField.DATA_CATEGORIES));
        add(messages.get("breach.facts.systems"), checked(area("systems", vm.systemsProperty(), 2), vm,
                DraftField.SYSTEMS));
        add(messages.get("breach.facts.measures"), checked(area("measures", vm.measuresProperty(), 3), vm,
                DraftField.MEASURES));
        add(messages.get("breach.facts.learnerActions"), checked(area("learnerActions",
                vm.learnerActionsProperty(), 3), vm, DraftField.LEARNER_ACTIONS));
        add(messages.get("breach.facts.contact"), checked(field("contact", vm.contactProperty()), vm,
                DraftField.CONTACT));
        hint(messages.get("breach.facts.contact.hint"));
    }
}
