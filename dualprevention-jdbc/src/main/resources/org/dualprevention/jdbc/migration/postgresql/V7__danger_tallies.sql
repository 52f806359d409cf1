-- dualprevention JDBC storage, schema version 7, PostgreSQL 12+ (the script runs in one transaction).
-- Issue 17, statistics that do not scan: counters of hidden dangers per unit and day, kept in the transaction of
-- each hidden danger's save when the store is built with JdbcStorage.Builder.keepTallies(zone), so that one
-- period's figures are read from a few hundred counter rows whatever the number of hidden dangers. The tenant is
-- first in every key.

-- One counter: how many hidden dangers of a unit (n) and the sum of a figure over them (s, the days to close),
-- for a metric (found, withdrawn, rectified, closed, closedin, ontime, overdue), two days whose meaning the
-- metric gives (e.g. reported on, closed on) and a dimension (a grade, a source, first pass, ...).
CREATE TABLE dp_danger_tally (
    tenant_id       VARCHAR(64) COLLATE "C" NOT NULL,
    unit_id         VARCHAR(128) COLLATE "C" NOT NULL,
    metric          VARCHAR(16) COLLATE "C" NOT NULL,
    day1            DATE NOT NULL,
    day2            DATE NOT NULL,
    dim             VARCHAR(64) COLLATE "C" NOT NULL,
    n               BIGINT NOT NULL,
    s               BIGINT NOT NULL,
    CONSTRAINT dp_danger_tally_pk PRIMARY KEY (tenant_id, unit_id, metric, day1, day2, dim)
);

-- What each hidden danger adds to the counters now (its unit and its counter keys), taken back at its next save.
CREATE TABLE dp_danger_tally_member (
    tenant_id       VARCHAR(64) COLLATE "C" NOT NULL,
    danger_id       VARCHAR(128) COLLATE "C" NOT NULL,
    unit_id         VARCHAR(128) COLLATE "C" NOT NULL,
    contribution    VARCHAR(2000) COLLATE "C" NOT NULL,
    CONSTRAINT dp_danger_tally_member_pk PRIMARY KEY (tenant_id, danger_id)
);
