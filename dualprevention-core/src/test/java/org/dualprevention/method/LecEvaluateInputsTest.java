package org.dualprevention.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.Test;

/**
 * {@link LecMethod#evaluate} pinned exhaustively against its rule written out ({@code validate}, then the product of
 * the factors) over every input whose factors are drawn from
 * the allowed values, values out of range, the same values at other scales ("10.0", "0.50"), a missing factor and an
 * extra one: the same score (value and scale) or the same error (type and message).
 */
class LecEvaluateInputsTest {
    private static final String[] L = {"10", "6", "3", "1", "0.5", "0.2", "0.1", "10.0", "0.50", "4", "0", "-1"};
    private static final String[] E = {"10", "6", "3", "2", "1", "0.5", "6.0", "7", "100"};
    private static final String[] C = {"100", "40", "15", "7", "3", "1", "40.00", "2", "1000"};
    private static final String ABSENT = "<absent>";

    private static Object outcome(java.util.function.Supplier<Score> s) {
        try {
            Score score = s.get();
            return score + " scale " + score.value().scale();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void everyInputGivesTheScoreOrErrorOfValidateThenProduct() {
        LecMethod lec = new LecMethod();
        List<String> ls = new ArrayList<>(List.of(L));
        ls.add(ABSENT);
        List<String> es = new ArrayList<>(List.of(E));
        es.add(ABSENT);
        List<String> cs = new ArrayList<>(List.of(C));
        cs.add(ABSENT);
        int valid = 0;
        int inputs = 0;
        for (String l : ls) {
            for (String e : es) {
                for (String c : cs) {
                    for (int extra = 0; extra < 2; extra++) {
                        Map<String, String> m = new LinkedHashMap<>();
                        if (!l.equals(ABSENT)) {
                            m.put("L", l);
                        }
                        if (!e.equals(ABSENT)) {
                            m.put("E", e);
                        }
                        if (!c.equals(ABSENT)) {
                            m.put("C", c);
                        }
                        if (extra == 1) {
                            m.put("X", "1");
                        }
                        AssessmentInput in = AssessmentInput.ofText(m);
                        Object old = outcome(() -> {
                            lec.validate(in);
                            return Score.of(Factors.product(in, lec.factors()));
                        });
                        Object neu = outcome(() -> lec.evaluate(in));
                        assertEquals(old, neu, "input " + m);
                        if (!old.toString().contains("Exception")) {
                            valid++;
                        }
                        inputs++;
                    }
                }
            }
        }
        assertEquals(13 * 10 * 10 * 2, inputs);
        assertEquals(9 * 7 * 7, valid); // 7 + 2 rescaled L values, 6 + 1 E, 6 + 1 C, no extra key
    }
}
