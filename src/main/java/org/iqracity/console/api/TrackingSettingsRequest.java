package org.iqracity.console.api;

import java.util.List;

/** What a client sends to change a course's tracking settings; versions and authorship are the platform's. */
public record TrackingSettingsRequest(boolean honourGlobalPrivacyControl, List<TrackingCategorySetting> categories,
                                      List<TrackingTechnologyDto> technologies) {
}
