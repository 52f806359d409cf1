package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.StateHash;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The snapshot form of a hidden danger: exact round trip (state hash included) and named problems. */
class HiddenDangerJsonTest {

    @Test
    void seededDangersInEveryStateRoundTripExactly() {
        long seed = 0x5EED_12L;
        DangerGen gen = new DangerGen(seed);
        Set<HiddenDangerState> seen = EnumSet.noneOf(HiddenDangerState.class);
        for (int i = 0; i < 3000; i++) {
            HiddenDanger d = gen.record("HD-" + i).danger();
            seen.add(d.state());
            String text = HiddenDangerJson.toText(d);
            HiddenDanger back = HiddenDangerJson.fromText(text);
            assertEquals(d, back, "seed " + seed + " record " + i + ": " + text);
            assertEquals(StateHash.of(d), StateHash.of(back), "seed " + seed + " record " + i);
            assertEquals(d.auditHead(), back.auditHead());
            assertEquals(text, HiddenDangerJson.toText(back), "the form is stable");
        }
        assertTrue(seen.size() >= 6, "every state reached: " + seen);
    }

    @Test
    void fundsKeepTheirScale() {
        DangerGen gen = new DangerGen(7);
        for (int i = 0; i < 500; i++) {
            HiddenDanger d = gen.record("HD-" + i).danger();
            if (d.plan().isPresent()) {
                ObjectNode o = HiddenDangerJson.write(d);
                BigDecimal amount = d.plan().get().funds().amount();
                assertEquals(amount.toString(), o.get("planning").get("plan").get("funds").get("amount").asString());
                assertEquals(amount.scale(), HiddenDangerJson.read(o).plan().get().funds().amount().scale());
                return;
            }
        }
        throw new AssertionError("no planned hidden danger in 500 seeded ones (seed 7)");
    }

    private static HiddenDanger sample() {
        DangerGen gen = new DangerGen(11);
        for (int i = 0; ; i++) {
            HiddenDanger d = gen.record("HD-" + i).danger();
            if (d.rectification().isPresent() && d.grading().isPresent()) {
                return d;
            }
        }
    }

    private static String problem(ObjectNode o) {
        JsonImportException e = assertThrows(JsonImportException.class, () -> HiddenDangerJson.read(o));
        assertEquals(HiddenDangerJson.FORMAT, e.format());
        assertEquals(1, e.violations().size(), e.getMessage());
        return e.violations().get(0).path() + " | " + e.violations().get(0).value() + " | " + e.violations().get(0).allowed();
    }

    @Test
    void badDocumentsAreNamedByPointer() {
        HiddenDanger d = sample();
        ObjectNode o = HiddenDangerJson.write(d);
        o.put("extra", 1);
        assertTrue(problem(o).startsWith("/extra |"), problem(o));

        o = HiddenDangerJson.write(d);
        o.put("state", "nonsense");
        assertTrue(problem(o).startsWith("/state | nonsense | a state code"), problem(o));

        o = HiddenDangerJson.write(d);
        o.put("formatVersion", 2);
        assertTrue(problem(o).startsWith("/formatVersion | 2"), problem(o));

        o = HiddenDangerJson.write(d);
        o.remove("finding");
        assertTrue(problem(o).startsWith("/finding |"), problem(o));

        o = HiddenDangerJson.write(d);
        ((ObjectNode) o.get("finding")).put("reportedAt", "yesterday");
        assertTrue(problem(o).startsWith("/finding/reportedAt | yesterday | an ISO-8601 instant"), problem(o));

        o = HiddenDangerJson.write(d);
        ((ObjectNode) o.get("rectification")).put("onSpot", "yes");
        assertTrue(problem(o).startsWith("/rectification/onSpot |"), problem(o));

        o = HiddenDangerJson.write(d);
        o.remove("grading");
        assertTrue(problem(o).startsWith(" |") || problem(o).startsWith("|") || problem(o).contains("valid hidden danger"),
                problem(o));

        JsonImportException e = assertThrows(JsonImportException.class, () -> HiddenDangerJson.fromText("{not json"));
        assertEquals(1, e.violations().size());
    }
}
