/**
 * Support shared by the library's readers and writers (the JSON documents here and the workbooks of
 * {@code dualprevention-excel}): {@link org.dualprevention.json.support.IdSet}, the compact set of ids read so
 * far that finds a repeated one, and {@link org.dualprevention.json.support.NonClosingOutputStream}, which keeps
 * a writer from closing the caller's stream. Exported to {@code org.dualprevention.excel} only; not an API for
 * hosts.
 */
@NullMarked
package org.dualprevention.json.support;

import org.jspecify.annotations.NullMarked;
