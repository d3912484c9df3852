-- R11: stable-key research exports of a Member share pseudonyms, so whoever holds several can join them. Before a
-- new one is released, the platform checks that every group of learners alike in it and in the earlier ones holds
-- at least k; for that it keeps what those exports released, never who the learners are.

-- One row per stable-key export, numbered per Member in the order made. The number is part of every digest below,
-- and a second export that took the same number (made at the same moment) is refused and checked again.
CREATE TABLE research_stable_export (
    member_id    VARCHAR(64)  NOT NULL,
    export_no    INTEGER      NOT NULL,
    course_id    VARCHAR(200) NOT NULL,
    k            INTEGER      NOT NULL,
    released     INTEGER      NOT NULL,
    exported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, export_no)
);

-- Per pseudonym (keyed: it cannot be turned back into a learner without the Member's sealed research key), a digest
-- of everything the Member's stable-key exports released about it: SHA-256, cut to 128 bits, chained in export order
-- over (export number, quasi-identifiers shown). Equal digests mean left out of the same exports and shown alike in
-- the others. A pseudonym no stable-key export released has no row.
CREATE TABLE research_join_history (
    member_id  VARCHAR(64) NOT NULL,
    pseudonym  VARCHAR(32) NOT NULL,
    digest     VARCHAR(32) NOT NULL,
    export_no  INTEGER     NOT NULL,
    PRIMARY KEY (member_id, pseudonym)
);
