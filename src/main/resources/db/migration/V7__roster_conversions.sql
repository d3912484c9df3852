-- Unencrypted copies made of exported rosters (R14), as the console reported them. The report id is made by the
-- console when the copy is written, so a report sent again after a dropped connection is recorded once.
CREATE TABLE roster_conversion (
    report_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    member_id     VARCHAR(64)   NOT NULL,
    reported_by   VARCHAR(32)   NOT NULL,
    format        VARCHAR(8)    NOT NULL,
    row_count     BIGINT        NOT NULL,
    course_ids    VARCHAR(10300) NOT NULL,
    roster_sha256 VARCHAR(64),
    exported_by   VARCHAR(100),
    exported_at   TIMESTAMP WITH TIME ZONE,
    converted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX roster_conversion_by_member ON roster_conversion (member_id, converted_at);
