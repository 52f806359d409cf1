package org.dualprevention.testkit.gen;

import java.util.List;

/**
 * Texts that ids and required names must refuse: blank ones, ones with control characters, ones longer
 * than the 128 characters a host key may have (all refused with {@link IllegalArgumentException}), and
 * ill-formed Unicode: unpaired surrogates and non-characters (refused with
 * {@link org.dualprevention.ValidationException}, since no UTF-8 store could keep them unchanged).
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

    /**
     * @return texts with an unpaired surrogate (high or low, alone, at the end, reversed) or a non-character
     *     (U+FDD0, U+FFFE, U+FFFF, U+1FFFE, U+10FFFF), which ids and names refuse; free text refuses the
     *     unpaired surrogates only
     */
    public static List<String> illFormedUnicode() {
        return List.of("RP-\uD800", "RP-\uDFFF-1", "\uDBFF", "A\uDC00\uD800B", "RP-\uFDD0", "RP-\uFFFE", "RP-\uFFFF",
                "RP-\uD83F\uDFFE", "RP-\uDBFF\uDFFF");
    }

    /** @return every text a typed id must refuse with {@link IllegalArgumentException} */
    public static List<String> badIds() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(blank());
        all.addAll(withControlCharacters());
        all.add(tooLongKey());
        return List.copyOf(all);
    }
}
