package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fact's code check without a regular expression says exactly what the regular expression said. */
class CodeCheckTest {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String ALPHABET = "az09-AZ_ .é隐";

    @Test
    void everyShortStringOverTheInterestingCharactersIsJudgedLikeTheRegularExpression() {
        // exhaustive up to length 3 over chars on both sides of every range bound
        StringBuilder sb = new StringBuilder();
        check("");
        for (char a : ALPHABET.toCharArray()) {
            check("" + a);
            for (char b : ALPHABET.toCharArray()) {
                check("" + a + b);
                for (char c : ALPHABET.toCharArray()) {
                    check(sb.append(a).append(b).append(c).toString());
                    sb.setLength(0);
                }
            }
        }
    }

    @Test
    void longAndRandomStringsAreJudgedLikeTheRegularExpression() {
        long seed = 20_261_204L;
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            int n = r.nextInt(46);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sb.append(r.nextInt(4) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length()))
                        : "abcxyz0189-".charAt(r.nextInt(11)));
            }
            assertEquals(CODE.matcher(sb).matches(), HiddenDangerFact.isCode(sb.toString()),
                    "[" + sb + "] seed " + seed);
        }
        assertEquals(true, HiddenDangerFact.isCode("a".repeat(40)));
        assertEquals(false, HiddenDangerFact.isCode("a".repeat(41)));
    }

    private static void check(String s) {
        assertEquals(CODE.matcher(s).matches(), HiddenDangerFact.isCode(s), "[" + s + "]");
    }
}
