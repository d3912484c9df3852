package org.iqracity.console.api;

/** Result of checking a Member's access-log chain: {@code firstBrokenSeq} is null when every link holds. */
public record ChainVerificationDto(boolean intact, long entries, Long firstBrokenSeq) {
}
