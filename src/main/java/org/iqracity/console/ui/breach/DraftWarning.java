package org.iqracity.console.ui.breach;

import org.iqracity.console.ui.breach.BreachContext.NoticeKind;

/** The one warning above a draft that goes by itself once what it asked for is done. FX thread only. */
final class DraftWarning {
    private final BreachContext ctx;
    private BreachContext.Notice warned;

    DraftWarning(BreachContext ctx) {
        this.ctx = ctx;
    }

    void warn(String key) {
        ctx.say(NoticeKind.WARNING, ctx.messages.get(key));
        warned = ctx.noticeProperty().get();
    }

    /** Takes the warning down, unless another notice took its place meanwhile. */
    void withdraw() {
        if (warned != null && warned.equals(ctx.noticeProperty().get())) {
            ctx.dismiss();
        }
        warned = null;
    }
}
