-- dualprevention JDBC storage, schema version 4 (3 is the audit entry format of the chain work), H2 2.x.
-- The command log (a caller-chosen command id per accepted command, so that a retry after an unknown outcome
-- returns the stored result) and the outbox (changes whose events are not delivered yet). Both are written in
-- the transaction of the change. Each row belongs to an enterprise (tenant_id); a store serves one.

CREATE TABLE dp_command (
    tenant_id       VARCHAR(64) NOT NULL,
    command_id      VARCHAR(128) NOT NULL,
    fingerprint     CHAR(64) NOT NULL,
    danger_id       VARCHAR(128) NOT NULL,
    seq             BIGINT NOT NULL,
    CONSTRAINT dp_command_pk PRIMARY KEY (tenant_id, command_id)
);

CREATE TABLE dp_outbox (
    tenant_id       VARCHAR(64) NOT NULL,
    danger_id       VARCHAR(128) NOT NULL,
    seq             BIGINT NOT NULL,
    CONSTRAINT dp_outbox_pk PRIMARY KEY (tenant_id, danger_id, seq)
);
