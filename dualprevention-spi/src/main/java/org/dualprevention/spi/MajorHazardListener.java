package org.dualprevention.spi;

import org.dualprevention.hazmat.MajorHazardStatusChanged;

/**
 * Told when the derived status of a major hazard installation changes (DOMAIN.md §11). Called on the
 * calling thread after the change is stored; an exception from a listener is logged and undoes nothing.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface MajorHazardListener {
    /**
     * An installation's status changed.
     *
     * @param event the change
     */
    void onStatusChanged(MajorHazardStatusChanged event);
}
