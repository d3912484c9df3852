package org.iqracity.console.ui.breach;

import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.ui.common.Messages;

/** Step 1: what happened, when it was found (the 72-hour clock starts there), what data, what is being done. */
final class FactsStep extends FormGrid {

    FactsStep(DraftViewModel vm, Messages messages, BreachWords words, java.time.ZoneId zone) {
        setId("factsStep");
        add(messages.get("breach.facts.title"), field("incidentTitle", vm.titleProperty()));
        add(messages.get("breach.facts.discovered"), new DateTimeField("discovered", vm.discoveredAtProperty(), zone));
        hint(messages.get("breach.facts.discovered.hint"));
        Label until = new Label(messages.get("breach.facts.until"));
        until.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox occurred = new HBox(10, new DateTimeField("occurredFrom", vm.occurredFromProperty(), zone), until,
                new DateTimeField("occurredTo", vm.occurredToProperty(), zone));
        occurred.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        add(messages.get("breach.facts.occurred"), occurred);
        add(messages.get("breach.facts.what"), area("whatHappened", vm.whatHappenedProperty(), 4));
        FlowPane categories = new FlowPane(14, 8);
        categories.setId("dataCategories");
        for (DataCategory c : DataCategory.values()) {
            CheckBox box = new CheckBox(words.category(c));
            box.setId("category-" + c.name());
            box.selectedProperty().bindBidirectional(vm.categoryProperty(c));
            categories.getChildren().add(box);
        }
        add(messages.get("breach.facts.categories"), categories);
        add(messages.get("breach.facts.systems"), area("systems", vm.systemsProperty(), 2));
        add(messages.get("breach.facts.measures"), area("measures", vm.measuresProperty(), 3));
        add(messages.get("breach.facts.learnerActions"), area("learnerActions", vm.learnerActionsProperty(), 3));
        add(messages.get("breach.facts.contact"), field("contact", vm.contactProperty()));
        hint(messages.get("breach.facts.contact.hint"));
    }
}
