-- Constraints and indexes, created after the tables (see V1). Indexes first, so that
-- the foreign keys find them instead of making their own.

CREATE INDEX course_member ON course (member_id, id);
CREATE INDEX staff_session_staff ON staff_session (staff_id);
CREATE INDEX session_token_session ON session_token (session_id);
CREATE INDEX enrollment_by_username ON enrollment (course_id, username_key, id);
CREATE INDEX enrollment_by_name ON enrollment (course_id, name_key, id);
CREATE INDEX enrollment_by_enrolled ON enrollment (course_id, enrolled_at, id);
CREATE INDEX enrollment_by_progress ON enrollment (course_id, progress, id);
CREATE INDEX enrollment_by_grade ON enrollment (course_id, grade, id);
CREATE INDEX enrollment_by_activity ON enrollment (course_id, activity_key, id);
CREATE INDEX enrollment_by_email ON enrollment (course_id, email_key, id);
CREATE INDEX access_log_time ON access_log (member_id, at);

ALTER TABLE course ADD CONSTRAINT course_member_fk FOREIGN KEY (member_id) REFERENCES member (id);
ALTER TABLE staff ADD CONSTRAINT staff_member_fk FOREIGN KEY (member_id) REFERENCES member (id);
ALTER TABLE staff ADD CONSTRAINT staff_username_unique UNIQUE (username);
ALTER TABLE staff_role ADD CONSTRAINT staff_role_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id);
ALTER TABLE staff_course ADD CONSTRAINT staff_course_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id);
ALTER TABLE staff_course ADD CONSTRAINT staff_course_course_fk FOREIGN KEY (course_id) REFERENCES course (id);
ALTER TABLE staff_session ADD CONSTRAINT staff_session_staff_fk FOREIGN KEY (staff_id) REFERENCES staff (id);
ALTER TABLE session_token ADD CONSTRAINT session_token_session_fk FOREIGN KEY (session_id) REFERENCES staff_session (id);
ALTER TABLE learner ADD CONSTRAINT learner_username_unique UNIQUE (username);
ALTER TABLE enrollment ADD CONSTRAINT enrollment_once UNIQUE (course_id, learner_id);
ALTER TABLE enrollment ADD CONSTRAINT enrollment_course_fk FOREIGN KEY (course_id) REFERENCES course (id);
ALTER TABLE enrollment ADD CONSTRAINT enrollment_sponsor_fk FOREIGN KEY (sponsor_id) REFERENCES sponsor (id);
ALTER TABLE access_log ADD CONSTRAINT access_log_seq UNIQUE (member_id, seq);
