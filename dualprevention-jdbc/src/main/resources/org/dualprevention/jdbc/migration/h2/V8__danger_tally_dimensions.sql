-- dualprevention JDBC storage, schema version 8, H2 2.x (each statement is a step of the migration journal).
-- Issue 17, statistics that do not scan, continued: the counts by accident type, hazard class and control level
-- (which come from the risk point's current version, so a risk point's save recounts its hidden dangers), and
-- roll-up counters per organisation sub-tree (a unit with all its sub-units read from one unit's counters).

-- The risk point, hazard and failed control measure each counted hidden danger names: a risk point's save finds
-- its hidden dangers' member rows here and moves their counts by accident type, hazard class and control level.
ALTER TABLE dp_danger_tally_member ADD COLUMN risk_point_id VARCHAR(128);
ALTER TABLE dp_danger_tally_member ADD COLUMN hazard_id VARCHAR(128);
ALTER TABLE dp_danger_tally_member ADD COLUMN measure_id VARCHAR(128);
CREATE INDEX dp_danger_tally_member_point ON dp_danger_tally_member (tenant_id, risk_point_id);

-- The organisation's tree as the counters need it, written in the transaction of each save of the organisation:
-- one row per unit and each of its ancestors (itself included), with the unit's own control level.
CREATE TABLE dp_danger_tally_unit (
    tenant_id       VARCHAR(64) NOT NULL,
    unit_id         VARCHAR(128) NOT NULL,
    ancestor_id     VARCHAR(128) NOT NULL,
    unit_level      VARCHAR(64) NOT NULL,
    CONSTRAINT dp_danger_tally_unit_pk PRIMARY KEY (tenant_id, unit_id, ancestor_id)
);

-- The roll-up counters: the same keys as dp_danger_tally, where unit_id is a unit whose sub-tree (itself and every
-- unit below it) the counts cover, and a count at "the unit's own level" is under that unit's level.
CREATE TABLE dp_danger_tally_tree (
    tenant_id       VARCHAR(64) NOT NULL,
    unit_id         VARCHAR(128) NOT NULL,
    metric          VARCHAR(16) NOT NULL,
    day1            DATE NOT NULL,
    day2            DATE NOT NULL,
    dim             VARCHAR(64) NOT NULL,
    n               BIGINT NOT NULL,
    s               BIGINT NOT NULL,
    CONSTRAINT dp_danger_tally_tree_pk PRIMARY KEY (tenant_id, unit_id, metric, day1, day2, dim)
);
