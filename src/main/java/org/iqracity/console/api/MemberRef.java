package org.iqracity.console.api;

public record MemberRef(String id, String name) {
}
