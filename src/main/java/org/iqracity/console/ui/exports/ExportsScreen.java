package org.iqracity.console.ui.exports;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.iqracity.console.ui.common.Messages;

/**
 * The Exports place: the roster export, the research export, or both as tabs, as the person's roles allow
 * ({@link ExportKind}). Closing it stops whichever export is running.
 */
public final class ExportsScreen extends StackPane implements AutoCloseable {
    private final List<AutoCloseable> parts;

    public ExportsScreen(List<ExportKind> kinds, Messages messages, Supplier<ExportView> rosters,
                         Supplier<ResearchExportView> research) {
        setId("exportsScreen");
        if (kinds.size() == 1) {
            Node only = kinds.getFirst() == ExportKind.ROSTER ? rosters.get() : research.get();
            parts = List.of((AutoCloseable) only);
            getChildren().add(only);
            return;
        }
        ExportView rosterView = rosters.get();
        ResearchExportView researchView = research.get();
        parts = List.of(rosterView, researchView);
        Tab rosterTab = new Tab(messages.get("exports.tab.rosters"), rosterView);
        rosterTab.setId("tab-rosters");
        Tab researchTab = new Tab(messages.get("exports.tab.research"), researchView);
        researchTab.setId("tab-research");
        TabPane tabs = new TabPane(rosterTab, researchTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getChildren().add(tabs);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable part : parts) {
            part.close();
        }
    }
}
