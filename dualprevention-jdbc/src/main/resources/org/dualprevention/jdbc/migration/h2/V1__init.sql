-- dualprevention JDBC storage, schema version 1, H2 2.x.
-- Each aggregate is one row: its JSON document (the dualprevention-json form, as exact text) plus the
-- columns the storage queries use. H2 has no partial indexes, so the open flag leads the composite indexes.
-- Instants used in queries are BIGINT nanoseconds since the epoch (exact; the document keeps ISO-8601 text).

CREATE TABLE dp_organization (
    id          VARCHAR(32) NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL,
    doc         CHARACTER LARGE OBJECT NOT NULL
);

CREATE TABLE dp_risk_point (
    id          VARCHAR(128) NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL,
    unit_id     VARCHAR(128) NOT NULL,
    zone_id     VARCHAR(128),
    flagged     BOOLEAN NOT NULL,
    doc         CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX dp_risk_point_unit ON dp_risk_point (unit_id, id);
CREATE INDEX dp_risk_point_zone ON dp_risk_point (zone_id, id);
CREATE INDEX dp_risk_point_flagged ON dp_risk_point (flagged, id);

CREATE TABLE dp_hazard (
    hazard_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    risk_point_id   VARCHAR(128) NOT NULL
);
CREATE INDEX dp_hazard_risk_point ON dp_hazard (risk_point_id);

CREATE TABLE dp_inspection_plan (
    id          VARCHAR(128) NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL,
    unit_id     VARCHAR(128) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    valid_from  DATE NOT NULL,
    valid_until DATE,
    doc         CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX dp_inspection_plan_unit ON dp_inspection_plan (unit_id, id);

CREATE TABLE dp_inspection_task (
    id          VARCHAR(128) NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL,
    plan_id     VARCHAR(128) NOT NULL,
    unit_id     VARCHAR(128) NOT NULL,
    due_ns      BIGINT NOT NULL,
    recorded    BOOLEAN NOT NULL,
    doc         CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX dp_inspection_task_due ON dp_inspection_task (due_ns, id);
CREATE INDEX dp_inspection_task_unit_due ON dp_inspection_task (unit_id, due_ns, id);
CREATE INDEX dp_inspection_task_plan_due ON dp_inspection_task (plan_id, due_ns, id);

CREATE TABLE dp_good_practice (
    id              VARCHAR(128) NOT NULL PRIMARY KEY,
    unit_id         VARCHAR(128) NOT NULL,
    observed_ns     BIGINT NOT NULL,
    doc             CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX dp_good_practice_unit ON dp_good_practice (unit_id, id);
CREATE INDEX dp_good_practice_observed ON dp_good_practice (observed_ns, id);

-- A hidden danger is rebuilt from its audit chain (the persistent form, AuditChain.replay); doc holds the
-- dualprevention-json form for hosts that read the table, when that module serialises hidden dangers.
CREATE TABLE dp_hidden_danger (
    id              VARCHAR(128) NOT NULL PRIMARY KEY,
    version         BIGINT NOT NULL,
    state           VARCHAR(40) NOT NULL,
    is_open         BOOLEAN NOT NULL,
    unit_id         VARCHAR(128) NOT NULL,
    risk_point_id   VARCHAR(128),
    grade           VARCHAR(40),
    deadline        DATE,
    reported_ns     BIGINT NOT NULL,
    doc             CHARACTER LARGE OBJECT
);
CREATE INDEX dp_hidden_danger_unit ON dp_hidden_danger (unit_id, id);
CREATE INDEX dp_hidden_danger_open_unit ON dp_hidden_danger (is_open, unit_id, id);
CREATE INDEX dp_hidden_danger_state ON dp_hidden_danger (state, id);
CREATE INDEX dp_hidden_danger_overdue ON dp_hidden_danger (is_open, deadline, id);
CREATE INDEX dp_hidden_danger_risk_point ON dp_hidden_danger (risk_point_id, id);

-- The audit log of hidden dangers: append-only, one row per accepted command, hash-chained.
CREATE TABLE dp_audit_entry (
    danger_id       VARCHAR(128) NOT NULL,
    seq             BIGINT NOT NULL,
    actor_id        VARCHAR(128) NOT NULL,
    at_text         VARCHAR(40) NOT NULL,
    action          VARCHAR(40) NOT NULL,
    state_before    VARCHAR(40),
    state_after     VARCHAR(40) NOT NULL,
    data            CHARACTER LARGE OBJECT NOT NULL,
    previous_hash   CHAR(64) NOT NULL,
    hash            CHAR(64) NOT NULL,
    CONSTRAINT dp_audit_entry_pk PRIMARY KEY (danger_id, seq)
);
