package org.iqracity.console.platform.sandbox;

import java.util.List;

/** The fixed part of the sandbox: Members, their courses, staff and sponsors (API.md, "Sandbox"). */
final class SandboxCatalog {
    static final String PASSWORD = "sandbox-password";
    static final String BIG_COURSE = "course-v1:Northbridge+CS101+2026_T1";

    record MemberSpec(String id, String name, String org, double weight) {
    }

    record CourseSpec(String memberId, String number, String run, String title, String gradingPolicy) {
        String id(String org) {
            return "course-v1:" + org + "+" + number + "+" + run;
        }
    }

    record StaffSpec(String username, String displayName, String memberId, List<String> roles,
                     List<String> courseNumbers, String totpSecret) {
        boolean allCourses() {
            return courseNumbers.isEmpty();
        }

        /** Where the sandbox's mail for this staff member goes (it lands in the sandbox mailbox like any other). */
        String email() {
            return username + "@" + memberId + ".staff.iqracity.example";
        }
    }

    record SponsorSpec(String id, String name, String kind, String referencePrefix) {
    }

    static final String STANDARD_POLICY = "Homework:0.25|Labs:0.25|Midterm exam:0.2|Final exam:0.3";
    static final String PROJECT_POLICY = "Quizzes:0.3|Project:0.4|Participation:0.1|Final exam:0.2";
    static final String ESSAY_POLICY = "Essays:0.5|Peer review:0.2|Final portfolio:0.3";

    static final List<MemberSpec> MEMBERS = List.of(
            new MemberSpec("northbridge", "Northbridge University", "Northbridge", 0.30),
            new MemberSpec("sahel", "Sahel Institute of Technology", "SahelTech", 0.40),
            new MemberSpec("lakeside", "Lakeside College", "Lakeside", 0.30));

    static final List<CourseSpec> COURSES = List.of(
            new CourseSpec("northbridge", "CS101", "2026_T1", "Introduction to Computer Science", STANDARD_POLICY),
            new CourseSpec("northbridge", "DS200", "2026_T1", "Data Science Foundations", PROJECT_POLICY),
            new CourseSpec("northbridge", "MATH110", "2026_T1", "Calculus I", STANDARD_POLICY),
            new CourseSpec("northbridge", "BIO150", "2026_T1", "Genetics and Society", ESSAY_POLICY),
            new CourseSpec("northbridge", "HIST210", "2025_T2", "World History since 1900", ESSAY_POLICY),
            new CourseSpec("northbridge", "ECON101", "2026_T1", "Principles of Economics", STANDARD_POLICY),
            new CourseSpec("northbridge", "ENG120", "2026_T1", "Academic Writing", ESSAY_POLICY),
            new CourseSpec("northbridge", "CS50P", "2025_T3", "Programming in Python", PROJECT_POLICY),
            new CourseSpec("northbridge", "PHYS101", "2026_T1", "Physics: Mechanics", STANDARD_POLICY),
            new CourseSpec("sahel", "AGRI101", "2026_T1", "Sustainable Agriculture", PROJECT_POLICY),
            new CourseSpec("sahel", "SOLAR201", "2026_T1", "Solar Energy Systems", STANDARD_POLICY),
            new CourseSpec("sahel", "WATER110", "2025_T2", "Water Resource Management", PROJECT_POLICY),
            new CourseSpec("sahel", "ENT100", "2026_T1", "Entrepreneurship for Founders", ESSAY_POLICY),
            new CourseSpec("sahel", "HEALTH120", "2026_T1", "Public Health Essentials", STANDARD_POLICY),
            new CourseSpec("sahel", "ARAB101", "2026_T1", "Arabic for Beginners", STANDARD_POLICY),
            new CourseSpec("sahel", "CS110", "2026_T1", "Mobile App Development", PROJECT_POLICY),
            new CourseSpec("lakeside", "NURS101", "2026_T1", "Foundations of Nursing", STANDARD_POLICY),
            new CourseSpec("lakeside", "ART140", "2026_T1", "Digital Photography", PROJECT_POLICY),
            new CourseSpec("lakeside", "MUS100", "2025_T3", "Music Theory", STANDARD_POLICY),
            new CourseSpec("lakeside", "PSY101", "2026_T1", "Introduction to Psychology", ESSAY_POLICY),
            new CourseSpec("lakeside", "LAW200", "2026_T1", "Privacy Law in Practice", ESSAY_POLICY));

    static final List<StaffSpec> STAFF = List.of(
            new StaffSpec("nb-admin", "Nora Whitfield", "northbridge", List.of("MEMBER_ADMIN", "COURSE_ADMIN"),
                    List.of(), null),
            new StaffSpec("nb-ta", "Tomás Rivera", "northbridge", List.of("COURSE_ADMIN"),
                    List.of("DS200", "ENG120"), null),
            new StaffSpec("nb-security", "Priya Raman", "northbridge", List.of("SECURITY_OFFICER"), List.of(),
                    "JBSWY3DPEHPK3PXP"),
            new StaffSpec("nb-security2", "Daniel Okoye", "northbridge", List.of("SECURITY_OFFICER"), List.of(),
                    "KRSXG5CTMVRXEZLU"),
            new StaffSpec("sahel-admin", "Aïssata Diallo", "sahel", List.of("MEMBER_ADMIN", "COURSE_ADMIN"),
                    List.of(), null),
            new StaffSpec("sahel-security", "Moussa Traoré", "sahel", List.of("SECURITY_OFFICER"), List.of(),
                    "MFRGGZDFMZTWQ2LK"),
            new StaffSpec("lk-admin", "Grace Lindqvist", "lakeside", List.of("MEMBER_ADMIN", "COURSE_ADMIN"),
                    List.of(), null));

    static final List<SponsorSpec> SPONSORS = List.of(
            new SponsorSpec("sp-acme", "Acme Logistics", "EMPLOYER", "ACME-"),
            new SponsorSpec("sp-nsf", "National Skills Fund", "GOVERNMENT_PROGRAM", "NSF-"),
            new SponsorSpec("sp-llc", "Lakeshore Library Consortium", "INSTITUTION", "LLC-"));

    private SandboxCatalog() {
    }
}
