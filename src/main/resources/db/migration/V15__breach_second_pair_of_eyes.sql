-- Breach notices (R8) get a real second pair of eyes.
--
-- Who wrote each breach notice: its author, every officer who changed the draft, and who submitted it. None of them
-- may approve it (R8: the approver is a second pair of eyes, not someone who wrote what they approve).
CREATE TABLE incident_contributor (
    incident_id  VARCHAR(32)  NOT NULL,
    staff_id     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (incident_id, staff_id)
);
ALTER TABLE incident_contributor ADD CONSTRAINT incident_contributor_incident_fk
    FOREIGN KEY (incident_id) REFERENCES incident (id);

-- Notices drafted before this version: their author and submitter are known; who edited them is not.
INSERT INTO incident_contributor (incident_id, staff_id) SELECT id, created_by_id FROM incident;
INSERT INTO incident_contributor (incident_id, staff_id)
    SELECT id, submitted_by_id FROM incident WHERE submitted_by_id IS NOT NULL AND submitted_by_id <> created_by_id;

-- A site notice goes up only once a second officer approves its exact text: until then it is a proposal, with no
-- posting time. Notices posted before this version were posted by one officer alone and stay as they are.
ALTER TABLE site_notice ALTER COLUMN posted_at DROP NOT NULL;
ALTER TABLE site_notice ADD COLUMN proposed_by_id VARCHAR(32);
ALTER TABLE site_notice ADD COLUMN proposed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE site_notice ADD COLUMN approved_by_name VARCHAR(200);
