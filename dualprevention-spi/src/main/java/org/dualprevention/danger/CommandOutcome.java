package org.dualprevention.danger;

import java.util.Locale;
import org.dualprevention.internal.Labels;

/**
 * How a command of the closed loop ended, as a {@link org.dualprevention.spi.CommandObserver} hears it: accepted,
 * or the reason it was refused. Codes are stable (metrics tag values); people read {@link #displayName(Locale)}.
 *
 * @since 0.2
 */
public enum CommandOutcome {
    /** Stored: the next version, its audit entry and events exist. */
    ACCEPTED("accepted"),
    /** The action is not allowed in the hidden danger's state. */
    ILLEGAL_TRANSITION("illegal-transition"),
    /** The access policy or separation of duties refused the actor. */
    ACCESS_DENIED("access-denied"),
    /** A guard refused the command's data (required fields, time order, dates). */
    INVALID("invalid"),
    /** Someone else changed the hidden danger first, or its id is taken. */
    STALE_VERSION("stale-version"),
    /** No hidden danger is stored under the id. */
    NOT_FOUND("not-found"),
    /** The storage or a plug-in failed; the outcome of the save may be unknown. */
    FAILED("failed");

    private final String code;

    CommandOutcome(String code) {
        this.code = code;
    }

    /** @return the stable code, e.g. {@code "access-denied"} */
    public String code() {
        return code;
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("CommandOutcome." + code, locale);
    }
}
