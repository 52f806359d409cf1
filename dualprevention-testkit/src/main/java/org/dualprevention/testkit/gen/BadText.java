package org.dualprevention.testkit.gen;

import java.util.List;

/**
 * Texts that ids and required names must refuse: blank ones, ones with control characters, and
 * ones longer than the 128 characters a host key may have.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class BadText {
    private BadText() {
    }

    /** @return empty and whitespace-only texts, including a tab, a newline and the ideographic space */
    public static List<String> blank() {
        return List.of("", " ", "   ", "\t", "\n", "\u3000");
    }

    /** @return texts with an ISO control character inside */
    public static List<String> withControlCharacters() {
        return List.of("RP\u00001", "A\u0007B", "line\u001bfeed", "\u007fX");
    }

    /** @return a 129-character text, one longer than a host key may be */
    public static String tooLongKey() {
        return "K".repeat(129);
    }

    /** @return every text a typed id must refuse */
    public static List<String> badIds() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(blank());
        all.addAll(withControlCharacters());
        all.add(tooLongKey());
        return List.copyOf(all);
    }
}
