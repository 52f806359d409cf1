package org.dualprevention.analytics.document;

import org.dualprevention.risk.RiskLevel;

/**
 * A small writer of polyglot XHTML: every element closed, every attribute quoted, text escaped, so the
 * output parses both as HTML and as XML. Host text (names, descriptions) goes through {@link #host}, which
 * marks it with the class {@code t}: the tests check that no code appears outside such text.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(16_384);

    Html raw(String s) {
        sb.append(s);
        return this;
    }

    /** Opens a tag; {@code attrs} are name/value pairs, values escaped. */
    Html open(String tag, String... attrs) {
        sb.append('<').append(tag);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            sb.append(' ').append(attrs[i]).append("=\"").append(esc(attrs[i + 1])).append('"');
        }
        sb.append('>');
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** Library text (labels, numbers, dates). */
    Html text(String s) {
        sb.append(esc(s));
        return this;
    }

    /** Host text: names and descriptions as the host wrote them. */
    Html host(String s) {
        sb.append("<span class=\"t\">").append(esc(s)).append("</span>");
        return this;
    }

    /** A whole element with library text. */
    Html el(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    Html nl() {
        sb.append('\n');
        return this;
    }

    /** A level cell or badge: the full, opaque colour with its name. */
    Html level(String tag, RiskLevel level, String label) {
        return open(tag, "class", "level level-" + level.code(), "style", "background-color:" + level.rgb() + ";color:"
                + (level == RiskLevel.GENERAL ? "#000000" : "#FFFFFF")).text(label).close(tag);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /**
     * Escapes text for XML content and attributes and drops characters XML 1.0 does not allow.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c <= 0x9F)) {
                        continue;
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
