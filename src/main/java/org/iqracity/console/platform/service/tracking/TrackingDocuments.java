package org.iqracity.console.platform.service.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;

/** Tracking settings as stored (JSON, one document per version), the platform default and the sandbox's. */
final class TrackingDocuments {
    private static final List<TrackingSurface> PAGES = List.of(TrackingSurface.COURSE_PAGES);
    private static final List<TrackingSurface> EMAILS = List.of(TrackingSurface.COURSE_EMAILS);

    private TrackingDocuments() {
    }

    static String write(TrackingSettingsRequest doc) {
        try {
            return Json.mapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tracking settings could not be written", e);
        }
    }

    static TrackingSettingsRequest read(String json) {
        try {
            return Json.tolerantMapper().readValue(json, TrackingSettingsRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tracking settings could not be read", e);
        }
    }

    /** Gives every technology without an id one made from its name, unique within the document. */
    static TrackingSettingsRequest withIds(TrackingSettingsRequest r) {
        List<String> taken = new ArrayList<>(r.technologies().stream().map(TrackingTechnologyDto::id)
                .filter(Objects::nonNull).toList());
        List<TrackingTechnologyDto> out = new ArrayList<>();
        for (TrackingTechnologyDto t : r.technologies()) {
            String id = t.id();
            if (id == null) {
                String base = t.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-|-$)", "");
                base = base.isEmpty() ? "technology" : base.substring(0, Math.min(30, base.length()));
                id = base;
                for (int n = 2; taken.contains(id); n++) {
                    id = base + "-" + n;
                }
                taken.add(id);
            }
            out.add(new TrackingTechnologyDto(id, t.name().strip(), t.kind(), t.party(),
                    t.provider() == null || t.provider().isBlank() ? null : t.provider().strip(), t.category(),
                    t.purpose().strip(), t.sets(), t.retention().strip(), t.runsOn(),
                    t.optOutUrl() == null || t.optOutUrl().isBlank() ? null : t.optOutUrl().strip(),
                    justification(t), null));
        }
        return new TrackingSettingsRequest(r.honourGlobalPrivacyControl(), r.categories(), out);
    }

    /** Kept only where it means something: on a strictly necessary technology. Flags are computed, never stored. */
    private static String justification(TrackingTechnologyDto t) {
        String j = t.necessityJustification();
        return t.category() != TrackingCategory.STRICTLY_NECESSARY || j == null || j.isBlank() ? null : j.strip();
    }

    /** {@code r} with every technology's {@link org.iqracity.console.api.NecessityFlag} as the rules give it. */
    static TrackingSettingsRequest flagged(TrackingSettingsRequest r) {
        return new TrackingSettingsRequest(r.honourGlobalPrivacyControl(), r.categories(),
                r.technologies().stream().map(TrackingNecessity::withFlag).toList());
    }

    static List<TrackingCategorySetting> categories(boolean performance, boolean functionality, boolean marketing) {
        return List.of(new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                new TrackingCategorySetting(TrackingCategory.PERFORMANCE, performance),
                new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY, functionality),
                new TrackingCategorySetting(TrackingCategory.MARKETING, marketing));
    }

    /** Before a course's first change: the session cookie the platform needs, nothing else. */
    static TrackingSettingsRequest platformDefault() {
        return new TrackingSettingsRequest(true, categories(false, false, false), List.of(sessionCookie()));
    }

    private static TrackingTechnologyDto sessionCookie() {
        return new TrackingTechnologyDto("session-cookie", "Session cookie", TrackingKind.COOKIE,
                TrackingParty.FIRST_PARTY, null, TrackingCategory.STRICTLY_NECESSARY,
                "Keeps the learner signed in while they move between course pages.", List.of("sessionid (courses)"),
                "Until the browser closes", PAGES, null);
    }

    /** What a typical course of the sandbox runs: analytics, embedded video, an email open pixel, an ad pixel. */
    static TrackingSettingsRequest sandbox(String courseId) {
        boolean marketing = Math.floorMod(courseId.hashCode(), 3) != 0;
        List<TrackingTechnologyDto> list = new ArrayList<>();
        list.add(sessionCookie());
        list.add(new TrackingTechnologyDto(null, "Course analytics", TrackingKind.SCRIPT, TrackingParty.THIRD_PARTY,
                "Metrica Insights Ltd.", TrackingCategory.PERFORMANCE,
                "Counts visits to course pages and how far learners get, so the course team can improve them.",
                List.of("_mtr_id (.metrica-insights.example)", "_mtr_session"), "13 months", PAGES,
                "https://metrica-insights.example/opt-out"));
        list.add(new TrackingTechnologyDto(null, "Lecture video player", TrackingKind.LOCAL_STORAGE,
                TrackingParty.THIRD_PARTY, "StreamHall Video", TrackingCategory.FUNCTIONALITY,
                "Plays lecture videos and remembers the chosen speed, quality and captions.",
                List.of("streamhall.player.prefs (local storage)", "sh_vid (.streamhall.example)"), "6 months", PAGES,
                "https://streamhall.example/privacy/choices"));
        list.add(new TrackingTechnologyDto(null, "Email open tracking", TrackingKind.EMAIL_OPEN_TRACKING,
                TrackingParty.FIRST_PARTY, null, TrackingCategory.PERFORMANCE,
                "A one-pixel image in course emails tells the course team whether announcements are read.",
                List.of("open pixel (mail.courses.iqracity.example)"), "90 days", EMAILS, null));
        list.add(new TrackingTechnologyDto(null, "Link click tracking", TrackingKind.LINK_CLICK_TRACKING,
                TrackingParty.FIRST_PARTY, null, TrackingCategory.PERFORMANCE,
                "Links in course emails pass through a redirect that counts clicks.",
                List.of("redirect (links.courses.iqracity.example)"), "90 days", EMAILS, null));
        if (marketing) {
            list.add(new TrackingTechnologyDto(null, "Enrollment campaign pixel", TrackingKind.PIXEL,
                    TrackingParty.THIRD_PARTY, "AdReach Networks", TrackingCategory.MARKETING,
                    "Measures which advertising campaigns brought learners to enroll.",
                    List.of("ar_px (.adreach.example)"), "90 days", PAGES, "https://adreach.example/opt-out"));
        }
        return new TrackingSettingsRequest(true, categories(true, true, marketing), list);
    }
}
