-- dualprevention JDBC storage, schema version 3, H2 2.x.
-- Audit entries gain their format (1: written by 0.1; 2: binds the hash of the state the entry produces),
-- that state hash, and the id of the host key an entry is keyed with (empty when unkeyed). Rows of 0.1 are
-- format 1 with no state hash and no key, and keep verifying as they are.

ALTER TABLE dp_audit_entry ADD COLUMN entry_format INT DEFAULT 1 NOT NULL;
ALTER TABLE dp_audit_entry ADD COLUMN state_hash CHAR(64);
ALTER TABLE dp_audit_entry ADD COLUMN key_id VARCHAR(128);
