package org.iqracity.console.platform.service.learners;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.EnrollmentDto;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.PerformanceDto;
import org.iqracity.console.api.ProfileDto;
import org.iqracity.console.api.ProfileFieldDto;
import org.iqracity.console.api.SponsorshipDto;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.LearnerRepository.DetailRow;

/** Turns a stored learner into what the Member may see, field by field (R4, R5, R6, R10). */
final class LearnerDetailMapper {

    LearnerDetailDto map(DetailRow r, CourseRow course) {
        return new LearnerDetailDto(profile(r), enrollment(r), performance(r, course), sponsorship(r));
    }

    private static ProfileDto profile(DetailRow r) {
        if (r.retired()) {
            return new ProfileDto(r.learnerId(), r.username(), true, "limited", false, List.of());
        }
        boolean full = "full".equals(r.profileVisibility());
        Set<String> shared = full ? Set.of(r.sharedFields().split(",")) : Set.of();
        List<ProfileFieldDto> fields = new ArrayList<>();
        // R10: other learners see the username, never the real name or email address.
        fields.add(new ProfileFieldDto("username", r.username(), true));
        add(fields, "name", r.name(), false);
        add(fields, "email", r.accountEmail(), false);
        add(fields, "country", r.country(), shared.contains("country"));
        add(fields, "region", r.region(), shared.contains("country"));
        add(fields, "language", r.language(), shared.contains("language"));
        add(fields, "yearOfBirth", r.yearOfBirth() == null ? null : r.yearOfBirth().toString(), false);
        add(fields, "gender", gender(r.gender()), false);
        add(fields, "levelOfEducation", education(r.levelOfEducation()), shared.contains("levelOfEducation"));
        add(fields, "goals", r.goals(), shared.contains("goals"));
        add(fields, "bio", r.bio(), shared.contains("bio"));
        add(fields, "mailingAddress", r.mailingAddress(), false);
        return new ProfileDto(r.learnerId(), r.username(), false, r.profileVisibility(), r.idVerified(), fields);
    }

    private static void add(List<ProfileFieldDto> fields, String key, String value, boolean visible) {
        if (value != null && !value.isBlank()) {
            fields.add(new ProfileFieldDto(key, value, visible));
        }
    }

    private static EnrollmentDto enrollment(DetailRow r) {
        return new EnrollmentDto(r.courseId(), EnrollmentMode.valueOf(r.mode()), r.enrolledAt(), r.unenrolledAt(),
                r.active(), r.retired() ? null : r.enrollmentEmail());
    }

    private static PerformanceDto performance(DetailRow r, CourseRow course) {
        String[] scores = r.gradeBreakdown().isEmpty() ? new String[0] : r.gradeBreakdown().split("\\|");
        List<PerformanceDto.GradeBreakdownDto> breakdown = new ArrayList<>();
        for (int i = 0; i < course.assignmentTypes().size() && i < scores.length; i++) {
            breakdown.add(new PerformanceDto.GradeBreakdownDto(course.assignmentTypes().get(i),
                    course.weights().get(i), Double.parseDouble(scores[i])));
        }
        return new PerformanceDto(r.grade(), r.progress(), r.passed(), r.certificate(), breakdown,
                new PerformanceDto.ActivityDto(r.lastActivityAt(), r.activeDays(), r.videosWatched(),
                        r.problemsAttempted(), r.forumPosts()));
    }

    private static SponsorshipDto sponsorship(DetailRow r) {
        if (r.sponsorId() == null) {
            return null;
        }
        return new SponsorshipDto(r.sponsorId(), r.sponsorName(), r.sponsorKind());
    }

    private static String gender(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "f" -> "Female";
            case "m" -> "Male";
            default -> "Other or prefers to self-describe";
        };
    }

    private static String education(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "p" -> "Doctorate";
            case "m" -> "Master's or professional degree";
            case "b" -> "Bachelor's degree";
            case "a" -> "Associate degree";
            case "hs" -> "Secondary or high school";
            case "jhs" -> "Junior secondary or middle school";
            case "el" -> "Elementary or primary school";
            case "none" -> "No formal education";
            default -> "Other education";
        };
    }
}
