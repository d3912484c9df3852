-- Course insights (R11) count a course's enrollments by month, mode, activity, progress, grade, country and level
-- of education. Two changes keep that to one index range per count at 500,000 enrollments:
--
-- 1. The learner's level of education is copied beside the enrollment, as the country already is, so that counting
--    by it needs no join to learner (500,000 look-ups took H2 over a minute). A retired account (R6) keeps neither.
--    Whatever later changes a learner's profile must change this copy as it changes enrollment.country.
-- 2. One index holds every column the counts read, after the course id: H2 and PostgreSQL then count from the index
--    alone, never visiting the table's rows, which are scattered among all courses.
--
-- A new sandbox is loaded before this runs (see V1), so the copy below fills it as well.

ALTER TABLE enrollment ADD COLUMN level_of_education VARCHAR(32);

UPDATE enrollment SET level_of_education = (
    SELECT l.level_of_education FROM learner l WHERE l.id = enrollment.learner_id AND l.status <> 'RETIRED');

UPDATE enrollment SET country = NULL
    WHERE country IS NOT NULL AND learner_id IN (SELECT id FROM learner WHERE status = 'RETIRED');

CREATE INDEX enrollment_insights ON enrollment (course_id, enrolled_at, mode, last_activity_at, progress, grade,
    passed, certificate, country, level_of_education);
