/**
 * Excel (.xlsx) export and import: {@link org.dualprevention.excel.RegisterWorkbook} for the risk register
 * (风险分级管控清单) and its empty template. Every text a person reads is Chinese by default and English on
 * request; enum codes never appear, only the labels the spi provides. No POI type appears in a public
 * signature: workbooks are read from a {@link java.nio.file.Path} or {@link java.io.InputStream} and
 * written to an {@link java.io.OutputStream}.
 */
@NullMarked
package org.dualprevention.excel;

import org.jspecify.annotations.NullMarked;
