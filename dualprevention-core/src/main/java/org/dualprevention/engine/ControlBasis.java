package org.dualprevention.engine;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why a unit controls a hazard in graded control (分级管控); see {@link GradedControl} for the rules.
 *
 * <p>Persist {@link #code()}, never the ordinal.
 *
 * @since 0.1
 */
public enum ControlBasis {
    /** The unit owns the hazard's risk point (属地管控). */
    OWNER("owner"),
    /**
     * The unit is the top responsible unit of the owner's chain under the graded control policy, or
     * lies in that chain between it and the owner (including the owner).
     */
    GRADED("graded"),
    /** The unit is named as the responsible unit of one of the hazard's control measures. */
    MEASURE("measure"),
    /**
     * The unit lies in the owner's chain below an ancestor that controls the hazard through a measure,
     * so it controls it too ("上级负责管控的风险，下级必须负责管控").
     */
    CASCADE("cascade");

    private final String code;

    ControlBasis(String code) {
        this.code = code;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale
     * @return the label, or the code if none exists
     */
    public String displayName(Locale locale) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("org.dualprevention.engine.labels", locale,
                    ControlBasis.class.getModule());
            String key = "ControlBasis." + code;
            return b.containsKey(key) ? b.getString(key) : code;
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
