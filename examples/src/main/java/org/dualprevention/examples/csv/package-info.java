/**
 * Migrating a risk register kept as a CSV table into the library: {@link org.dualprevention.examples.csv.CsvRegister}
 * reads the columns as enterprises keep them, resolves names with {@code RegisterNames}, and imports through the
 * quarantine import, which returns every refused row in a machine-readable report.
 */
package org.dualprevention.examples.csv;
