package org.iqracity.console.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.ConsentCoverageDto.AggregateCount;
import org.iqracity.console.api.ConsentCoverageDto.CategoryCoverage;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.Versioned;

/** Versioned tracking settings per course in memory, with the platform's If-Match behaviour. */
public final class FakeTracking {

    public final List<String> ifMatchSent = new ArrayList<>();
    public final List<TrackingSettingsRequest> saved = new ArrayList<>();
    /** When set, the next save is refused with these field errors (422). */
    public List<Problem.FieldError> refuseNextSave;
    private final Map<String, List<TrackingSettingsDto>> versions = new HashMap<>();

    public static TrackingTechnologyDto technology(String id, String name, TrackingCategory category,
                                                   TrackingParty party) {
        return new TrackingTechnologyDto(id, name, TrackingKind.COOKIE, party,
                party == TrackingParty.THIRD_PARTY ? "Provider of " + name : null, category, "Purpose of " + name,
                List.of(id + "_cookie"), "13 months", List.of(TrackingSurface.COURSE_PAGES),
                party == TrackingParty.THIRD_PARTY ? "https://provider.example/opt-out" : null);
    }

    public static List<TrackingCategorySetting> categories(boolean performance, boolean functionality,
                                                           boolean marketing) {
        return List.of(new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                new TrackingCategorySetting(TrackingCategory.PERFORMANCE, performance),
                new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY, functionality),
                new TrackingCategorySetting(TrackingCategory.MARKETING, marketing));
    }

    /** Session cookie, analytics (third party), video player, ad pixel; marketing switched on. */
    public static TrackingSettingsRequest typical() {
        return new TrackingSettingsRequest(true, categories(true, true, true), List.of(
                technology("session", "Session cookie", TrackingCategory.STRICTLY_NECESSARY, TrackingParty.FIRST_PARTY),
                technology("analytics", "Course analytics", TrackingCategory.PERFORMANCE, TrackingParty.THIRD_PARTY),
                technology("video", "Video player", TrackingCategory.FUNCTIONALITY, TrackingParty.THIRD_PARTY),
                technology("ads", "Campaign pixel", TrackingCategory.MARKETING, TrackingParty.THIRD_PARTY)));
    }

    private List<TrackingSettingsDto> of(String courseId) {
        return versions.computeIfAbsent(courseId, id -> new ArrayList<>(List.of(dto(id, 1, typical(), "Seed"))));
    }

    private static TrackingSettingsDto dto(String courseId, long version, TrackingSettingsRequest r, String by) {
        return new TrackingSettingsDto(courseId, version, r.honourGlobalPrivacyControl(), r.categories(),
                r.technologies().stream().map(TrackingNecessity::withFlag).toList(),
                        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(3600 * version), by);
    }

    public TrackingSettingsDto current(String courseId) {
        return of(courseId).getLast();
    }

    /** Another administrator saves: the next save with the older tag meets a conflict. */
    public TrackingSettingsDto saveAsSomeoneElse(String courseId, TrackingSettingsRequest settings) {
        TrackingSettingsDto next = dto(courseId, current(courseId).version() + 1, settings, "Other Admin");
        of(courseId).add(next);
        return next;
    }

    public Versioned<TrackingSettingsDto> get(String courseId) {
        TrackingSettingsDto now = current(courseId);
        return new Versioned<>(now, now.etag());
    }

    public Versioned<TrackingSettingsDto> save(String courseId, String ifMatch, TrackingSettingsRequest settings) {
        ifMatchSent.add(ifMatch);
        checkVersion(courseId, ifMatch);
        if (refuseNextSave != null) {
            List<Problem.FieldError> errors = refuseNextSave;
            refuseNextSave = null;
            throw new ApiHttpException(422, new Problem("about:blank", "Invalid", 422, null,
                    ProblemCode.VALIDATION_FAILED, errors, null), null);
        }
        saved.add(settings);
        TrackingSettingsDto next = dto(courseId, current(courseId).version() + 1, settings, "Nadia Ta");
        of(courseId).add(next);
        return new Versioned<>(next, next.etag());
    }

    public Versioned<TrackingSettingsDto> revert(String courseId, String ifMatch, long version) {
        ifMatchSent.add(ifMatch);
        checkVersion(courseId, ifMatch);
        TrackingSettingsDto next = dto(courseId, current(courseId).version() + 1, at(courseId, version).toRequest(),
                "Nadia Ta");
        of(courseId).add(next);
        return new Versioned<>(next, next.etag());
    }

    private void checkVersion(String courseId, String ifMatch) {
        if (!current(courseId).etag().equals(ifMatch)) {
            throw new ApiHttpException(412, new Problem("about:blank", "Version conflict", 412, null,
                    ProblemCode.VERSION_CONFLICT, List.of(), null), null);
        }
    }

    public List<TrackingVersionDto> history(String courseId) {
        List<TrackingVersionDto> out = new ArrayList<>();
        for (TrackingSettingsDto v : of(courseId)) {
            out.addFirst(new TrackingVersionDto(v.version(), v.updatedAt(), v.updatedBy(),
                    List.of("Changes of version " + v.version() + "."), null,
                    v.technologies().stream().filter(t -> t.necessityFlag() != null).toList()));
        }
        return out;
    }

    public TrackingSettingsDto at(String courseId, long version) {
        return of(courseId).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    public ConsentCoverageDto coverage(String courseId) {
        AggregateCount few = new AggregateCount(null, "fewer than 5");
        return new ConsentCoverageDto(new AggregateCount(120L, "120"), List.of(
                new CategoryCoverage(TrackingCategory.STRICTLY_NECESSARY, new AggregateCount(120L, "120")),
                new CategoryCoverage(TrackingCategory.PERFORMANCE, new AggregateCount(80L, "80")),
                new CategoryCoverage(TrackingCategory.FUNCTIONALITY, new AggregateCount(60L, "60")),
                new CategoryCoverage(TrackingCategory.MARKETING, few)), few);
    }
}
