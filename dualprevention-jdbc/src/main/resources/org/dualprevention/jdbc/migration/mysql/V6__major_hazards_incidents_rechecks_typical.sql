-- dualprevention JDBC storage, schema version 6, MySQL 8 / MariaDB 10.5+ (each statement is a step of the migration journal).
-- Issue 16: major hazard installations, incidents and near misses, look-back re-check results and the typical
-- hidden-danger library. Each row belongs to an enterprise (tenant_id), first in every key and index. Each row
-- holds its JSON document (doc) plus the columns the repositories query. Instants are BIGINT nanoseconds since
-- the epoch, as in V1.

-- A major hazard installation under its version (optimistic saves, as dp_risk_point).
CREATE TABLE dp_major_hazard (
    tenant_id       VARCHAR(64) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    version         BIGINT NOT NULL,
    unit_id         VARCHAR(128) NOT NULL,
    doc             LONGTEXT NOT NULL,
    CONSTRAINT dp_major_hazard_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX dp_major_hazard_unit ON dp_major_hazard (tenant_id, unit_id, id);

-- The risk points an installation lies on (findByRiskPoint), rewritten with each save of the installation.
CREATE TABLE dp_major_hazard_point (
    tenant_id       VARCHAR(64) NOT NULL,
    risk_point_id   VARCHAR(128) NOT NULL,
    installation_id VARCHAR(128) NOT NULL,
    CONSTRAINT dp_major_hazard_point_pk PRIMARY KEY (tenant_id, risk_point_id, installation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX dp_major_hazard_point_inst ON dp_major_hazard_point (tenant_id, installation_id);

-- An incident or near miss, recorded once (no version).
CREATE TABLE dp_incident (
    tenant_id       VARCHAR(64) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    kind            VARCHAR(40) NOT NULL,
    risk_point_id   VARCHAR(128) NOT NULL,
    unit_id         VARCHAR(128) NOT NULL,
    occurred_ns     BIGINT NOT NULL,
    doc             LONGTEXT NOT NULL,
    CONSTRAINT dp_incident_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX dp_incident_occurred ON dp_incident (tenant_id, occurred_ns, id);
CREATE INDEX dp_incident_risk_point ON dp_incident (tenant_id, risk_point_id, occurred_ns, id);

-- The result of a look-back re-check (hidden danger, round), recorded once.
CREATE TABLE dp_recheck (
    tenant_id       VARCHAR(64) NOT NULL,
    danger_id       VARCHAR(128) NOT NULL,
    recheck_round   INT NOT NULL,
    passed          BOOLEAN NOT NULL,
    checked_on      DATE NOT NULL,
    doc             LONGTEXT NOT NULL,
    CONSTRAINT dp_recheck_pk PRIMARY KEY (tenant_id, danger_id, recheck_round)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX dp_recheck_checked ON dp_recheck (tenant_id, checked_on, danger_id, recheck_round);

-- An entry of the typical hidden-danger library, keyed by its hidden danger, added once.
CREATE TABLE dp_typical_danger (
    tenant_id       VARCHAR(64) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    marked_ns       BIGINT NOT NULL,
    doc             LONGTEXT NOT NULL,
    CONSTRAINT dp_typical_danger_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX dp_typical_danger_marked ON dp_typical_danger (tenant_id, marked_ns, id);
