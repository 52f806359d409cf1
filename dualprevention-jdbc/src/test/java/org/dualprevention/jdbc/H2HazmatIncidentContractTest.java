package org.dualprevention.jdbc;

/** {@link HazmatIncidentContracts} on H2 in memory (always runs). */
class H2HazmatIncidentContractTest extends HazmatIncidentContracts {
    H2HazmatIncidentContractTest() {
        super(TestDatabase.Kind.H2_MEM);
    }
}
