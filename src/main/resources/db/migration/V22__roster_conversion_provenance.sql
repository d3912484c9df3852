-- Who exported a converted roster, when and how many rows are no longer the reporting console's word: the platform
-- reads them from the roster's signed course summaries and says how far the signatures vouch for them.
--   SIGNED                   every course's signature holds and names the exporter
--   SIGNED_WITHOUT_EXPORTER  the signatures hold, but the roster is older than signing the exporter
--   UNVERIFIED               no signature of this platform holds: exporter, time and rows are unknown
-- Reports recorded before this change kept the console's word; they are marked as such.
ALTER TABLE roster_conversion ADD COLUMN provenance VARCHAR(32) DEFAULT 'CONSOLE_WORD' NOT NULL;
ALTER TABLE roster_conversion ADD COLUMN signed_rows BIGINT;
