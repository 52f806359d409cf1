/**
 * Embedding the library in a host system that owns the {@code DataSource}, the users and the transactions:
 * {@link org.dualprevention.examples.embed.EmbeddingExample}.
 */
package org.dualprevention.examples.embed;
