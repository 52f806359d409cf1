package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The import's char-by-char checks of method and scheme ids, factor keys and control-level codes (they replaced
 * regular expressions compiled or matched for every assessment) say exactly what the regular expressions said.
 */
class CharRuleTest {
    private static final String ALPHABET = "AZaz09_.-@[`{/: é隐";

    private record Rule(String name, Pattern regex, Predicate<String> check, int max) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("code id", Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}"), ModelReader::isCodeId, 64),
            new Rule("factor key", Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}"), ModelReader::isFactorKey, 32),
            new Rule("level code", Pattern.compile("[a-z0-9][a-z0-9-]{0,39}"), ModelReader::isLevelCode, 40));

    @Test
    void everyShortStringOverTheCharactersAroundEachRangeBoundIsJudgedLikeTheRegularExpression() {
        for (Rule rule : RULES) {
            check(rule, "");
            for (char a : ALPHABET.toCharArray()) {
                check(rule, "" + a);
                for (char b : ALPHABET.toCharArray()) {
                    check(rule, "" + a + b);
                    for (char c : ALPHABET.toCharArray()) {
                        check(rule, "" + a + b + c);
                    }
                }
            }
        }
    }

    @Test
    void stringsAroundTheLengthLimitAndRandomOnesAreJudgedLikeTheRegularExpression() {
        long seed = 20_261_205L;
        Random r = new Random(seed);
        for (Rule rule : RULES) {
            for (int n = rule.max() - 2; n <= rule.max() + 2; n++) {
                check(rule, "A".repeat(n));
                check(rule, "a".repeat(n));
                check(rule, "0".repeat(n));
            }
            for (int i = 0; i < 20_000; i++) {
                int n = r.nextInt(rule.max() + 6);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    sb.append(r.nextInt(8) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length()))
                            : "AZaz09_.-".charAt(r.nextInt(9)));
                }
                assertEquals(rule.regex().matcher(sb).matches(), rule.check().test(sb.toString()),
                        rule.name() + " [" + sb + "] seed " + seed);
            }
        }
    }

    private static void check(Rule rule, String s) {
        assertEquals(rule.regex().matcher(s).matches(), rule.check().test(s), rule.name() + " [" + s + "]");
    }
}
