package org.dualprevention;

/**
 * The library was configured inconsistently: two providers claim one id, a third party took a
 * reserved id, no storage was given, and similar problems found at build time.
 *
 * @since 0.1
 */
public class ProviderConfigurationException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public ProviderConfigurationException(String message) {
        super(message);
    }
}
