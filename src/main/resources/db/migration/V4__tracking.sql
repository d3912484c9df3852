-- Course tracking settings (R9): every change is a new row, so history and revert are reads and inserts only.
CREATE TABLE tracking_version (
    course_id      VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id       VARCHAR(32),
    actor_name     VARCHAR(200) NOT NULL,
    reverted_from  BIGINT,
    document       VARCHAR(200000) NOT NULL,
    PRIMARY KEY (course_id, version)
);
ALTER TABLE tracking_version ADD CONSTRAINT tracking_version_course_fk FOREIGN KEY (course_id) REFERENCES course (id);
