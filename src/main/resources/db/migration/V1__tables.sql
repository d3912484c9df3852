-- Member Console reference platform: the tables. Written once for H2 and PostgreSQL alike: only types and
-- syntax both accept. Keys, constraints and indexes come in V2, so that a new sandbox can be loaded in bulk
-- between the two (indexes built once over loaded data are far cheaper than maintained row by row).
-- Vendor-specific index options live in the Java migration V3.

CREATE TABLE platform_secret (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(512) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE member (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE course (
    id                 VARCHAR(200) NOT NULL PRIMARY KEY,
    member_id          VARCHAR(64)  NOT NULL,
    org                VARCHAR(64)  NOT NULL,
    number             VARCHAR(64)  NOT NULL,
    run                VARCHAR(64)  NOT NULL,
    title              VARCHAR(300) NOT NULL,
    starts_at          TIMESTAMP WITH TIME ZONE,
    ends_at            TIMESTAMP WITH TIME ZONE,
    -- assignment types and weights, in order, e.g. "Homework:0.3|Labs:0.2|Midterm:0.2|Final:0.3"
    grading_policy     VARCHAR(1000) NOT NULL,
    -- kept current by every enrollment change so that an unfiltered list needs no COUNT(*) over the course
    enrollment_count   BIGINT NOT NULL DEFAULT 0,
    active_count       BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id              VARCHAR(32)  NOT NULL PRIMARY KEY,
    member_id       VARCHAR(64)  NOT NULL,
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(300) NOT NULL,
    totp_secret     VARCHAR(64),
    totp_last_step  BIGINT,
    all_courses     BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE staff_role (
    staff_id  VARCHAR(32) NOT NULL,
    role      VARCHAR(32) NOT NULL,
    PRIMARY KEY (staff_id, role)
);

CREATE TABLE staff_course (
    staff_id   VARCHAR(32)  NOT NULL,
    course_id  VARCHAR(200) NOT NULL,
    PRIMARY KEY (staff_id, course_id)
);

CREATE TABLE staff_session (
    id                   VARCHAR(32) NOT NULL PRIMARY KEY,
    staff_id             VARCHAR(32) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    absolute_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE,
    revoke_reason        VARCHAR(32),
    client               VARCHAR(200),
    address              VARCHAR(64)
);

-- Tokens are stored as SHA-256 hashes only (R13).
CREATE TABLE session_token (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    session_id   VARCHAR(32) NOT NULL,
    kind         VARCHAR(8)  NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at   TIMESTAMP WITH TIME ZONE
);

-- A platform account. The platform-only columns (password hash, government id, payment and ID-verification
-- references, financial assistance) exist because the platform holds them; no Member-facing query selects them (R5).
CREATE TABLE learner (
    id                    VARCHAR(32)  NOT NULL PRIMARY KEY,
    username              VARCHAR(150) NOT NULL,
    name                  VARCHAR(255),
    email                 VARCHAR(254),
    country               VARCHAR(2),
    region                VARCHAR(100),
    language              VARCHAR(16),
    year_of_birth         INTEGER,
    gender                VARCHAR(16),
    level_of_education    VARCHAR(32),
    goals                 VARCHAR(1000),
    bio                   VARCHAR(2000),
    mailing_address       VARCHAR(1000),
    profile_visibility    VARCHAR(8)   NOT NULL,
    -- comma-separated profile field keys the learner shows to other learners on a full profile (R10)
    shared_fields         VARCHAR(300) NOT NULL,
    status                VARCHAR(8)   NOT NULL,
    retired_at            TIMESTAMP WITH TIME ZONE,
    id_verified           BOOLEAN      NOT NULL,
    cookie_analytics      BOOLEAN      NOT NULL,
    cookie_functional     BOOLEAN      NOT NULL,
    cookie_marketing      BOOLEAN      NOT NULL,
    global_privacy_control BOOLEAN     NOT NULL,
    date_joined           TIMESTAMP WITH TIME ZONE NOT NULL,
    platform_password_hash      VARCHAR(200),
    platform_government_id      VARCHAR(64),
    platform_payment_reference  VARCHAR(64),
    platform_id_image_reference VARCHAR(200),
    platform_financial_aid_note VARCHAR(500)
);

CREATE TABLE sponsor (
    id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    name   VARCHAR(200) NOT NULL,
    kind   VARCHAR(32)  NOT NULL
);

-- One learner in one course. The *_key columns are lower-case copies of what the list sorts and searches on,
-- kept beside the course id so that every offered sort and prefix search is one index range.
CREATE TABLE enrollment (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    course_id           VARCHAR(200) NOT NULL,
    learner_id          VARCHAR(32)  NOT NULL,
    member_id           VARCHAR(64)  NOT NULL,
    mode                VARCHAR(16)  NOT NULL,
    enrolled_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    unenrolled_at       TIMESTAMP WITH TIME ZONE,
    active              BOOLEAN      NOT NULL,
    email               VARCHAR(254),
    username_key        VARCHAR(150) NOT NULL,
    name_key            VARCHAR(255) NOT NULL,
    email_key           VARCHAR(254) NOT NULL,
    country             VARCHAR(2),
    grade               DOUBLE PRECISION NOT NULL,
    progress            DOUBLE PRECISION NOT NULL,
    passed              BOOLEAN      NOT NULL,
    certificate         BOOLEAN      NOT NULL,
    -- scores per assignment type, in the order of course.grading_policy, e.g. "0.82|0.64|0.9|0.71"
    grade_breakdown     VARCHAR(400) NOT NULL,
    last_activity_at    TIMESTAMP WITH TIME ZONE,
    -- epoch seconds of last activity, 0 when none: a NOT NULL sort key for keyset paging
    activity_key        BIGINT       NOT NULL,
    active_days         INTEGER      NOT NULL,
    videos_watched      INTEGER      NOT NULL,
    problems_attempted  INTEGER      NOT NULL,
    forum_posts         INTEGER      NOT NULL,
    sponsor_id          VARCHAR(32),
    sponsored_name      VARCHAR(255),
    sponsor_reference   VARCHAR(100)
);

-- Append-only, hash-chained per Member (R12). The application never updates or deletes a row.
CREATE TABLE access_log (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    member_id     VARCHAR(64)  NOT NULL,
    seq           BIGINT       NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id      VARCHAR(32),
    actor_username VARCHAR(100),
    action        VARCHAR(64)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    object_type   VARCHAR(32),
    object_id     VARCHAR(300),
    course_id     VARCHAR(200),
    client        VARCHAR(200),
    address       VARCHAR(64),
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);

CREATE TABLE access_log_head (
    member_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    hash       VARCHAR(64) NOT NULL
);
