-- Released sponsor reports (R7): immutable snapshots, one per Idempotency-Key.
CREATE TABLE sponsor_release (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    member_id        VARCHAR(64)  NOT NULL,
    sponsor_id       VARCHAR(32)  NOT NULL,
    course_id        VARCHAR(200) NOT NULL,
    released_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by_id   VARCHAR(32)  NOT NULL,
    released_by_name VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    row_count        BIGINT       NOT NULL,
    content          VARCHAR(10000000) NOT NULL,
    CONSTRAINT sponsor_release_key UNIQUE (member_id, idempotency_key)
);
CREATE INDEX sponsor_release_by_sponsor ON sponsor_release (member_id, sponsor_id, released_at);
ALTER TABLE sponsor_release ADD CONSTRAINT sponsor_release_sponsor_fk FOREIGN KEY (sponsor_id) REFERENCES sponsor (id);
ALTER TABLE sponsor_release ADD CONSTRAINT sponsor_release_course_fk FOREIGN KEY (course_id) REFERENCES course (id);
