package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** The notice on the site every learner of the Member sees: post it, replace its text, withdraw it. */
final class SiteNoticePane extends VBox {

    SiteNoticePane(IncidentViewModel vm, ObservableValue<IncidentDto> incident, Messages messages,
                   BreachFormat format) {
        super(12);
        setId("siteNoticePane");
        Label status = new Label();
        status.setId("siteNoticeStatus");
        status.setWrapText(true);
        Label hint = new Label(messages.get("breach.site.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        FormGrid form = new FormGrid();
        form.add(messages.get("breach.site.title"), FormGrid.field("siteTitle", vm.siteNotice().titleProperty()));
        form.add(messages.get("breach.site.body"), FormGrid.area("siteBody", vm.siteNotice().bodyProperty(), 10));
        Button post = new Button(messages.get("breach.site.post"), Icons.of(AppIcon.SITE));
        post.setId("postSiteNotice");
        post.getStyleClass().add(Styles.ACCENT);
        post.disableProperty().bind(vm.busyProperty());
        post.setOnAction(e -> vm.siteNotice().propose());
        Button approve = new Button(messages.get("breach.site.approve"), Icons.of(AppIcon.SITE));
        approve.setId("approveSiteNotice");
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.disableProperty().bind(vm.busyProperty());
        approve.setOnAction(e -> vm.siteNotice().approve());
        approve.managedProperty().bind(approve.visibleProperty());
        Button withdraw = new Button(messages.get("breach.site.withdraw"), Icons.of(AppIcon.SITE_OFF));
        withdraw.setId("withdrawSiteNotice");
        withdraw.getStyleClass().add(Styles.DANGER);
        withdraw.setOnAction(e -> vm.siteNotice().withdraw());
        withdraw.managedProperty().bind(withdraw.visibleProperty());
        HBox actions = new HBox(10, approve, post, withdraw);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(status, hint, form, actions);
        Runnable show = () -> {
            IncidentDto dto = incident.getValue();
            SiteNoticeDto up = dto == null ? null : dto.siteNotice();
            SiteNoticeDto proposed = dto == null ? null : dto.proposedSiteNotice();
            boolean isUp = vm.siteNotice().up();
            withdraw.setVisible(isUp || proposed != null);
            approve.setVisible(vm.siteNotice().toApprove() != null);
            post.setText(messages.get(isUp || proposed != null ? "breach.site.replace" : "breach.site.post"));
            status.setGraphic(Icons.of(isUp ? AppIcon.SITE : AppIcon.SITE_OFF));
            String upText = up == null ? messages.get("breach.site.none")
                    : isUp ? messages.format("breach.site.up", format.when(up.postedAt()))
                    : messages.format("breach.site.withdrawn", format.when(up.withdrawnAt()));
            status.setText(proposed == null ? upText : upText + " " + messages.format(proposed.youMayApprove()
                    ? "breach.site.proposedForYou" : "breach.site.proposed", proposed.proposedBy(),
                    format.when(proposed.proposedAt())));
        };
        incident.addListener(x -> show.run());
        show.run();
    }
}
