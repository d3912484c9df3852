package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/** A course's tracking settings at one version. Version 0 is the platform default before any change. */
public record TrackingSettingsDto(String courseId, long version, boolean honourGlobalPrivacyControl,
                                  List<TrackingCategorySetting> categories, List<TrackingTechnologyDto> technologies,
                                  Instant updatedAt, String updatedBy) {

    public TrackingSettingsRequest toRequest() {
        return new TrackingSettingsRequest(honourGlobalPrivacyControl, categories, technologies);
    }

    /** The entity tag of this version, as sent in ETag and expected in If-Match. */
    public String etag() {
        return etagOf(version);
    }

    public static String etagOf(long version) {
        return "\"v" + version + "\"";
    }
}
