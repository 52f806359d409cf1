package org.dualprevention.json;

/**
 * Registers the model types of the other model packages (hidden dangers, inspections) on the module.
 * Kept apart so the risk register stays independent of them.
 */
final class ModelTypes {
    private ModelTypes() {
    }

    static void register(DualPreventionModule module) {
        // hidden-danger and inspection types are registered here as they land in the spi module
    }
}
