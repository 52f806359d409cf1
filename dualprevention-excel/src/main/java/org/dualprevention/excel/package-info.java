/**
 * Excel (.xlsx) export and import: {@link org.dualprevention.excel.RegisterWorkbook} for the risk register
 * (风险分级管控清单), its import (changes against a baseline, refusals in json's quarantine report) and its
 * empty template; {@link org.dualprevention.excel.LedgerWorkbook} for the hidden-danger ledger
 * (隐患排查治理台账); {@link org.dualprevention.excel.StatisticsWorkbook} for the quarterly and yearly table of
 * 16号令 Art. 14. Every text a person reads is Chinese by default and English on request; enum codes never
 * appear, only the labels the spi provides. No POI type appears in a public signature: workbooks are read
 * from a {@link java.nio.file.Path} or {@link java.io.InputStream} and written to an
 * {@link java.io.OutputStream}.
 */
@NullMarked
package org.dualprevention.excel;

import org.jspecify.annotations.NullMarked;
