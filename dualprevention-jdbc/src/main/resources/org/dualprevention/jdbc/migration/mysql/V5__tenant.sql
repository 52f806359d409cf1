-- dualprevention JDBC storage, schema version 5, MySQL 8 / MariaDB 10.5+.
-- Room for many enterprises: every table gets the enterprise (tenant) it belongs to, first in every primary key
-- and index, so that a database shared by a group's subsidiaries (or a hosted system's customers) needs no
-- migration of every row later. Existing rows belong to the tenant 'default', the tenant of a store opened
-- without one. Each statement is a step of the migration journal whose completion can be looked up.

ALTER TABLE dp_organization ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_risk_point ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_hazard ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_inspection_plan ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_inspection_task ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_good_practice ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_hidden_danger ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE dp_audit_entry ADD COLUMN tenant_id VARCHAR(64) DEFAULT 'default' NOT NULL;

ALTER TABLE dp_organization DROP PRIMARY KEY;
ALTER TABLE dp_organization ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_risk_point DROP PRIMARY KEY;
ALTER TABLE dp_risk_point ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_hazard DROP PRIMARY KEY;
ALTER TABLE dp_hazard ADD PRIMARY KEY (tenant_id, hazard_id);
ALTER TABLE dp_inspection_plan DROP PRIMARY KEY;
ALTER TABLE dp_inspection_plan ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_inspection_task DROP PRIMARY KEY;
ALTER TABLE dp_inspection_task ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_good_practice DROP PRIMARY KEY;
ALTER TABLE dp_good_practice ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_hidden_danger DROP PRIMARY KEY;
ALTER TABLE dp_hidden_danger ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE dp_audit_entry DROP PRIMARY KEY;
ALTER TABLE dp_audit_entry ADD PRIMARY KEY (tenant_id, danger_id, seq);

DROP INDEX dp_risk_point_unit ON dp_risk_point;
CREATE INDEX dp_risk_point_unit ON dp_risk_point (tenant_id, unit_id, id);
DROP INDEX dp_risk_point_zone ON dp_risk_point;
CREATE INDEX dp_risk_point_zone ON dp_risk_point (tenant_id, zone_id, id);
DROP INDEX dp_risk_point_flagged ON dp_risk_point;
CREATE INDEX dp_risk_point_flagged ON dp_risk_point (tenant_id, flagged, id);
DROP INDEX dp_hazard_risk_point ON dp_hazard;
CREATE INDEX dp_hazard_risk_point ON dp_hazard (tenant_id, risk_point_id);
DROP INDEX dp_inspection_plan_unit ON dp_inspection_plan;
CREATE INDEX dp_inspection_plan_unit ON dp_inspection_plan (tenant_id, unit_id, id);
DROP INDEX dp_inspection_task_due ON dp_inspection_task;
CREATE INDEX dp_inspection_task_due ON dp_inspection_task (tenant_id, due_ns, id);
DROP INDEX dp_inspection_task_unit_due ON dp_inspection_task;
CREATE INDEX dp_inspection_task_unit_due ON dp_inspection_task (tenant_id, unit_id, due_ns, id);
DROP INDEX dp_inspection_task_plan_due ON dp_inspection_task;
CREATE INDEX dp_inspection_task_plan_due ON dp_inspection_task (tenant_id, plan_id, due_ns, id);
DROP INDEX dp_good_practice_unit ON dp_good_practice;
CREATE INDEX dp_good_practice_unit ON dp_good_practice (tenant_id, unit_id, id);
DROP INDEX dp_good_practice_observed ON dp_good_practice;
CREATE INDEX dp_good_practice_observed ON dp_good_practice (tenant_id, observed_ns, id);
DROP INDEX dp_hidden_danger_unit ON dp_hidden_danger;
CREATE INDEX dp_hidden_danger_unit ON dp_hidden_danger (tenant_id, unit_id, id);
DROP INDEX dp_hidden_danger_open_unit ON dp_hidden_danger;
CREATE INDEX dp_hidden_danger_open_unit ON dp_hidden_danger (tenant_id, is_open, unit_id, id);
DROP INDEX dp_hidden_danger_state ON dp_hidden_danger;
CREATE INDEX dp_hidden_danger_state ON dp_hidden_danger (tenant_id, state, id);
DROP INDEX dp_hidden_danger_overdue ON dp_hidden_danger;
CREATE INDEX dp_hidden_danger_overdue ON dp_hidden_danger (tenant_id, is_open, deadline, id);
DROP INDEX dp_hidden_danger_risk_point ON dp_hidden_danger;
CREATE INDEX dp_hidden_danger_risk_point ON dp_hidden_danger (tenant_id, risk_point_id, id);

-- Indexes for the promised queries at a million rows: overdue by unit, open by grade, the reported window (analytics'
-- periods and the testkit's queries).
CREATE INDEX dp_hidden_danger_unit_overdue ON dp_hidden_danger (tenant_id, is_open, unit_id, deadline, id);
CREATE INDEX dp_hidden_danger_grade ON dp_hidden_danger (tenant_id, is_open, grade, id);
CREATE INDEX dp_hidden_danger_reported ON dp_hidden_danger (tenant_id, reported_ns, id);
