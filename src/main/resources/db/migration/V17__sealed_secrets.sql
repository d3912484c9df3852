-- Secrets the database keeps are sealed with a key that lives outside it (R13): AES-GCM under the platform's master
-- key, stored as text "sealed:v1:<base64>". A sealed value is longer than the secret it seals. The platform seals
-- what an older version left in plain text on its next start.
ALTER TABLE staff ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(300);
ALTER TABLE research_key ALTER COLUMN secret SET DATA TYPE VARCHAR(300);
