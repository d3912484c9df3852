package org.iqracity.console.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every icon the console shows, from the one Ikonli pack it uses (Material Design 2). */
public enum AppIcon {
    LEARNERS(MaterialDesignA.ACCOUNT_SCHOOL_OUTLINE),
    TRACKING(MaterialDesignC.COOKIE_OUTLINE),
    SPONSORS(MaterialDesignH.HANDSHAKE_OUTLINE),
    BREACH(MaterialDesignS.SHIELD_ALERT_OUTLINE),
    ACCESS_LOG(MaterialDesignC.CLIPBOARD_TEXT_CLOCK_OUTLINE),
    EXPORTS(MaterialDesignF.FILE_LOCK_OUTLINE),
    SEARCH(MaterialDesignM.MAGNIFY),
    FILTER(MaterialDesignF.FILTER_VARIANT),
    CLEAR(MaterialDesignC.CLOSE),
    SIGN_OUT(MaterialDesignL.LOGOUT),
    SIGN_IN(MaterialDesignL.LOGIN),
    THEME_DARK(MaterialDesignW.WEATHER_NIGHT),
    THEME_LIGHT(MaterialDesignW.WHITE_BALANCE_SUNNY),
    ONLINE(MaterialDesignC.CLOUD_CHECK_OUTLINE),
    OFFLINE(MaterialDesignC.CLOUD_OFF_OUTLINE),
    ERROR(MaterialDesignA.ALERT_CIRCLE_OUTLINE),
    INFO(MaterialDesignI.INFORMATION_OUTLINE),
    EYE(MaterialDesignE.EYE_OUTLINE),
    EYE_OFF(MaterialDesignE.EYE_OFF_OUTLINE),
    LOCK(MaterialDesignL.LOCK_OUTLINE),
    SHIELD_KEY(MaterialDesignS.SHIELD_KEY_OUTLINE),
    SERVER(MaterialDesignS.SERVER_NETWORK),
    KEYBOARD(MaterialDesignK.KEYBOARD_OUTLINE),
    COURSE(MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE),
    CERTIFICATE(MaterialDesignC.CERTIFICATE_OUTLINE),
    CHECK(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
    CROSS(MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
    RETIRED(MaterialDesignA.ACCOUNT_OFF_OUTLINE),
    SPONSOR(MaterialDesignH.HANDSHAKE_OUTLINE),
    CONSTRUCTION(MaterialDesignT.TOOLBOX_OUTLINE),
    REFRESH(MaterialDesignR.REFRESH),
    CANCEL(MaterialDesignC.CLOSE_CIRCLE),
    EMPTY(MaterialDesignA.ACCOUNT_SEARCH_OUTLINE),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    UNDO(MaterialDesignU.UNDO),
    ADD(MaterialDesignP.PLUS),
    REMOVE(MaterialDesignD.DELETE_OUTLINE),
    HISTORY(MaterialDesignH.HISTORY),
    WARNING(MaterialDesignA.ALERT_OUTLINE),
    WITHHELD(MaterialDesignM.MINUS_CIRCLE_OUTLINE),
    SHIELD_CHECK(MaterialDesignS.SHIELD_CHECK_OUTLINE),
    DOWNLOAD(MaterialDesignD.DOWNLOAD_OUTLINE),
    SEND(MaterialDesignS.SEND_OUTLINE),
    CLOCK(MaterialDesignC.CLOCK_OUTLINE),
    CLOCK_ALERT(MaterialDesignC.CLOCK_ALERT_OUTLINE),
    PDF(MaterialDesignF.FILE_PDF_BOX),
    CSV(MaterialDesignF.FILE_DELIMITED_OUTLINE),
    EMAIL(MaterialDesignE.EMAIL_OUTLINE),
    LETTER(MaterialDesignM.MAILBOX_OUTLINE),
    FINGERPRINT(MaterialDesignF.FINGERPRINT),
    APPROVE(MaterialDesignC.CHECK_DECAGRAM_OUTLINE),
    RETURN(MaterialDesignA.ARROW_U_LEFT_TOP),
    SITE(MaterialDesignW.WEB),
    SITE_OFF(MaterialDesignW.WEB_OFF),
    TIMELINE(MaterialDesignT.TIMELINE_TEXT_OUTLINE),
    IMPORT(MaterialDesignF.FILE_IMPORT_OUTLINE),
    PEOPLE(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE),
    WORLD(MaterialDesignE.EARTH),
    STOP(MaterialDesignS.STOP_CIRCLE_OUTLINE),
    BACK(MaterialDesignA.ARROW_LEFT),
    NEXT(MaterialDesignA.ARROW_RIGHT),
    TEXT(MaterialDesignT.TEXT_BOX_OUTLINE),
    INSIGHTS(MaterialDesignC.CHART_BOX_OUTLINE),
    PICTURE(MaterialDesignI.IMAGE_OUTLINE),
    COPY(MaterialDesignC.CONTENT_COPY),
    COLUMNS(MaterialDesignV.VIEW_COLUMN_OUTLINE),
    CHEVRON_DOWN(MaterialDesignC.CHEVRON_DOWN),
    FOLDER(MaterialDesignF.FOLDER_OPEN_OUTLINE);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }
}
