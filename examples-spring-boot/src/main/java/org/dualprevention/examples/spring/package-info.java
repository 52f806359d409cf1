/**
 * A small Spring Boot application on the dualprevention starter: REST API for the closed loop, a page with the
 * four-colour map and the ledger, and a seeded plant.
 */
@NullMarked
package org.dualprevention.examples.spring;

import org.jspecify.annotations.NullMarked;
