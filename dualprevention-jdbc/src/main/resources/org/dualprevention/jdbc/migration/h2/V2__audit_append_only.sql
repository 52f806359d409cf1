-- dualprevention JDBC storage, schema version 2, H2 2.x.
-- The audit table becomes append-only on H2 too: a row trigger refuses UPDATE and DELETE (PostgreSQL and MySQL
-- have had theirs since version 1). The trigger class ships in dualprevention-jdbc.

CREATE TRIGGER dp_audit_entry_append_only BEFORE UPDATE, DELETE ON dp_audit_entry FOR EACH ROW CALL 'org.dualprevention.jdbc.h2.AppendOnlyTrigger';
