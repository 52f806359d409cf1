-- dualprevention JDBC storage, schema version 5, PostgreSQL 12+.
-- Room for many enterprises: every table gets the enterprise (tenant) it belongs to, first in every primary key
-- and index, so that a database shared by a group's subsidiaries (or a hosted system's customers) needs no
-- migration of every row later. Existing rows belong to the tenant 'default', the tenant of a store opened
-- without one. The script runs in one transaction.

ALTER TABLE dp_organization ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_risk_point ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_hazard ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_inspection_plan ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_inspection_task ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_good_practice ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_hidden_danger ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;
ALTER TABLE dp_audit_entry ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" DEFAULT 'default' NOT NULL;

ALTER TABLE dp_organization DROP CONSTRAINT dp_organization_pkey;
ALTER TABLE dp_organization ADD CONSTRAINT dp_organization_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_risk_point DROP CONSTRAINT dp_risk_point_pkey;
ALTER TABLE dp_risk_point ADD CONSTRAINT dp_risk_point_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_hazard DROP CONSTRAINT dp_hazard_pkey;
ALTER TABLE dp_hazard ADD CONSTRAINT dp_hazard_pkey PRIMARY KEY (tenant_id, hazard_id);
ALTER TABLE dp_inspection_plan DROP CONSTRAINT dp_inspection_plan_pkey;
ALTER TABLE dp_inspection_plan ADD CONSTRAINT dp_inspection_plan_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_inspection_task DROP CONSTRAINT dp_inspection_task_pkey;
ALTER TABLE dp_inspection_task ADD CONSTRAINT dp_inspection_task_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_good_practice DROP CONSTRAINT dp_good_practice_pkey;
ALTER TABLE dp_good_practice ADD CONSTRAINT dp_good_practice_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_hidden_danger DROP CONSTRAINT dp_hidden_danger_pkey;
ALTER TABLE dp_hidden_danger ADD CONSTRAINT dp_hidden_danger_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_audit_entry DROP CONSTRAINT dp_audit_entry_pk;
ALTER TABLE dp_audit_entry ADD CONSTRAINT dp_audit_entry_pk PRIMARY KEY (tenant_id, danger_id, seq);

DROP INDEX dp_risk_point_unit;
CREATE INDEX dp_risk_point_unit ON dp_risk_point (tenant_id, unit_id, id);
DROP INDEX dp_risk_point_zone;
CREATE INDEX dp_risk_point_zone ON dp_risk_point (tenant_id, zone_id, id) WHERE zone_id IS NOT NULL;
DROP INDEX dp_risk_point_flagged;
CREATE INDEX dp_risk_point_flagged ON dp_risk_point (tenant_id, id) WHERE flagged;
DROP INDEX dp_hazard_risk_point;
CREATE INDEX dp_hazard_risk_point ON dp_hazard (tenant_id, risk_point_id);
DROP INDEX dp_inspection_plan_unit;
CREATE INDEX dp_inspection_plan_unit ON dp_inspection_plan (tenant_id, unit_id, id);
DROP INDEX dp_inspection_task_due;
CREATE INDEX dp_inspection_task_due ON dp_inspection_task (tenant_id, due_ns, id);
DROP INDEX dp_inspection_task_unit_due;
CREATE INDEX dp_inspection_task_unit_due ON dp_inspection_task (tenant_id, unit_id, due_ns, id);
DROP INDEX dp_inspection_task_plan_due;
CREATE INDEX dp_inspection_task_plan_due ON dp_inspection_task (tenant_id, plan_id, due_ns, id);
DROP INDEX dp_good_practice_unit;
CREATE INDEX dp_good_practice_unit ON dp_good_practice (tenant_id, unit_id, id);
DROP INDEX dp_good_practice_observed;
CREATE INDEX dp_good_practice_observed ON dp_good_practice (tenant_id, observed_ns, id);
DROP INDEX dp_hidden_danger_unit;
CREATE INDEX dp_hidden_danger_unit ON dp_hidden_danger (tenant_id, unit_id, id);
DROP INDEX dp_hidden_danger_open_unit;
CREATE INDEX dp_hidden_danger_open_unit ON dp_hidden_danger (tenant_id, unit_id, id) WHERE is_open;
DROP INDEX dp_hidden_danger_state;
CREATE INDEX dp_hidden_danger_state ON dp_hidden_danger (tenant_id, state, id);
DROP INDEX dp_hidden_danger_overdue;
CREATE INDEX dp_hidden_danger_overdue ON dp_hidden_danger (tenant_id, deadline, id) WHERE is_open AND deadline IS NOT NULL;
DROP INDEX dp_hidden_danger_risk_point;
CREATE INDEX dp_hidden_danger_risk_point ON dp_hidden_danger (tenant_id, risk_point_id, id) WHERE risk_point_id IS NOT NULL;
DROP INDEX dp_hidden_danger_open;
CREATE INDEX dp_hidden_danger_open ON dp_hidden_danger (tenant_id, id) WHERE is_open;

-- Indexes for the promised queries at a million rows: overdue by unit, open by grade, the reported window (analytics'
-- periods and the testkit's queries).
CREATE INDEX dp_hidden_danger_unit_overdue ON dp_hidden_danger (tenant_id, unit_id, deadline, id) WHERE is_open AND deadline IS NOT NULL;
CREATE INDEX dp_hidden_danger_grade ON dp_hidden_danger (tenant_id, grade, id) WHERE is_open AND grade IS NOT NULL;
CREATE INDEX dp_hidden_danger_reported ON dp_hidden_danger (tenant_id, reported_ns, id);
