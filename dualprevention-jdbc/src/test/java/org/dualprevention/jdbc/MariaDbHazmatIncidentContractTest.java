package org.dualprevention.jdbc;

/** {@link HazmatIncidentContracts} on MariaDB (127.0.0.1:3306, skipped when unreachable unless CI=true). */
class MariaDbHazmatIncidentContractTest extends HazmatIncidentContracts {
    MariaDbHazmatIncidentContractTest() {
        super(TestDatabase.Kind.MARIADB);
    }
}
