/** Helpers shared by the spi packages; not exported and not part of the API. */
package org.dualprevention.internal;
