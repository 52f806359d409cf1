/**
 * Support shared by the library's import readers (the JSON import here and the Excel reader of
 * {@code dualprevention-excel}): {@link org.dualprevention.json.support.IdSet}, the compact set of ids read
 * so far that finds a repeated one. Exported to {@code org.dualprevention.excel} only; not an API for hosts.
 */
@NullMarked
package org.dualprevention.json.support;

import org.jspecify.annotations.NullMarked;
