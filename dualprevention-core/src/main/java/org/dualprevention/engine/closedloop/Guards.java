package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.dualprevention.ValidationException;

/** Guard checks that several actions share. Not part of the API. */
final class Guards {
    /** What a text field must be. */
    static final String NON_BLANK = "non-blank text";

    private Guards() {
    }

    /**
     * A rectification handed in (on the spot or for acceptance): a description, evidence, and a completion day
     * between the day found and today.
     */
    static void rectification(ValidationException.Collector v, LocalDate foundOn, String description,
            List<URI> evidence, LocalDate completedOn, LocalDate today) {
        v.addIf(description.isBlank(), "description", description, NON_BLANK);
        evidence(v, "evidence", evidence, true);
        if (completedOn.isBefore(foundOn)) {
            v.add("completedOn", completedOn, "a date not before the day found [" + foundOn + "]");
        } else if (completedOn.isAfter(today)) {
            v.add("completedOn", completedOn, "a date not after today [" + today + "]");
        }
    }

    /** Evidence URIs are absolute; at least one when required. */
    static void evidence(ValidationException.Collector v, String path, List<URI> evidence, boolean required) {
        if (required && evidence.isEmpty()) {
            v.add(path, "[]", "at least one evidence URI");
        }
        for (int i = 0; i < evidence.size(); i++) {
            URI u = evidence.get(i);
            v.addIf(!u.isAbsolute(), path + "[" + i + "]", u, "an absolute URI such as https://… or file:…");
        }
    }

    /** Whether a code is an ISO 4217 currency the platform knows. */
    static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
