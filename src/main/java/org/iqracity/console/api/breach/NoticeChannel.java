package org.iqracity.console.api.breach;

/** How a learner is told: email to the address of their enrollment, or a printed letter. */
public enum NoticeChannel {
    EMAIL, LETTER
}
