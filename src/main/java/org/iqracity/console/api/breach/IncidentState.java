package org.iqracity.console.api.breach;

/** Where an incident's notice stands. Only a draft can be edited; nothing is sent before {@link #APPROVED}. */
public enum IncidentState {
    DRAFT, SUBMITTED, APPROVED, SENDING, SENT, CANCELLED;

    public boolean editable() {
        return this == DRAFT;
    }

    public boolean finished() {
        return this == SENT || this == CANCELLED;
    }
}
