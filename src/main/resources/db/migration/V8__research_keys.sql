-- R11: the key a Member's research exports are pseudonymised with when the Member asks for a stable key, so that
-- such exports join with each other. One per Member, made on the first such export. An export without a stable key
-- uses a key of its own that is never stored.
CREATE TABLE research_key (
    member_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
