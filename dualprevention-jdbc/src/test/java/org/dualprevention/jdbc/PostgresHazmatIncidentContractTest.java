package org.dualprevention.jdbc;

/** {@link HazmatIncidentContracts} on PostgreSQL (127.0.0.1:5432, skipped when unreachable unless CI=true). */
class PostgresHazmatIncidentContractTest extends HazmatIncidentContracts {
    PostgresHazmatIncidentContractTest() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
