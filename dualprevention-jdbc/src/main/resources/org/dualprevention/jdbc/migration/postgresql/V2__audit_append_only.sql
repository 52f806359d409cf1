-- dualprevention JDBC storage, schema version 2, PostgreSQL 12+.
-- TRUNCATE fires no row trigger, so the audit table gets a statement trigger that refuses it, for every role
-- including the owner (the runtime role of the README has no TRUNCATE privilege in the first place).

CREATE TRIGGER dp_audit_entry_no_truncate BEFORE TRUNCATE ON dp_audit_entry FOR EACH STATEMENT EXECUTE FUNCTION dp_audit_entry_append_only();
