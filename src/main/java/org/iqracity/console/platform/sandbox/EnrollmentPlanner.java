package org.iqracity.console.platform.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Decides which courses each sandbox learner takes. Every even-numbered learner takes the large course; about one
 * in ten of the others enrols nowhere; about a fifth of the enrolled take courses with a second Member.
 */
final class EnrollmentPlanner {
    record CourseRef(String id, String memberId, int assignmentTypes, boolean earlierRun) {
    }

    private final Map<String, List<CourseRef>> byMember;
    private final CourseRef big;
    private final List<String> memberIds;
    private final double[] memberWeights;

    EnrollmentPlanner(List<CourseRef> courses, String bigCourseId) {
        this.byMember = courses.stream().filter(c -> !c.id().equals(bigCourseId))
                .collect(Collectors.groupingBy(CourseRef::memberId));
        this.big = courses.stream().filter(c -> c.id().equals(bigCourseId)).findFirst().orElseThrow();
        this.memberIds = SandboxCatalog.MEMBERS.stream().map(SandboxCatalog.MemberSpec::id).toList();
        this.memberWeights = SandboxCatalog.MEMBERS.stream().mapToDouble(SandboxCatalog.MemberSpec::weight).toArray();
    }

    List<CourseRef> coursesFor(int index, SplittableRandom rng) {
        List<CourseRef> out = new ArrayList<>(3);
        String primary;
        if (index % 2 == 0) {
            out.add(big);
            primary = big.memberId();
            if (rng.nextDouble() < 0.25) {
                out.add(pickCourse(primary, rng));
            }
        } else {
            if (rng.nextDouble() < 0.2) {
                return out;
            }
            primary = pickMember(rng);
            out.add(pickCourse(primary, rng));
            if (rng.nextDouble() < 0.3) {
                CourseRef another = pickCourse(primary, rng);
                if (!out.contains(another)) {
                    out.add(another);
                }
            }
        }
        if (rng.nextDouble() < 0.2) {
            String second = pickMember(rng);
            if (!second.equals(primary)) {
                out.add(pickCourse(second, rng));
            }
        }
        return out;
    }

    private String pickMember(SplittableRandom rng) {
        double r = rng.nextDouble();
        for (int i = 0; i < memberIds.size(); i++) {
            r -= memberWeights[i];
            if (r < 0) {
                return memberIds.get(i);
            }
        }
        return memberIds.getLast();
    }

    private CourseRef pickCourse(String memberId, SplittableRandom rng) {
        List<CourseRef> courses = byMember.get(memberId);
        // Skewed towards the first courses of each Member, as real catalogues are.
        int i = (int) Math.floor(Math.pow(rng.nextDouble(), 1.6) * courses.size());
        return courses.get(Math.min(i, courses.size() - 1));
    }
}
