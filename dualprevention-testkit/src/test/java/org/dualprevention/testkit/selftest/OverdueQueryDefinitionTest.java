package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;

/**
 * Overdue has one definition, {@link HiddenDanger#isOverdue(LocalDate)}; the query criterion
 * {@link HiddenDangerQuery#overdueAsOf(LocalDate)} must agree with it for every state and every day
 * around the deadline (the day before, the deadline day itself, the day after, and further). Every store
 * is then tied to the same definition by the storage contract's rule S9, which compares each store's
 * answers with {@link HiddenDangerQuery#matches} on generated data (in memory here, on H2, PostgreSQL and
 * MariaDB in the JDBC module).
 */
class OverdueQueryDefinitionTest {

    @Test
    void theOverdueCriterionIsTheModelsDefinitionInEveryStateAndAroundEveryDeadline() {
        Seeds.forEach(40, gen -> {
            Organization org = gen.organization();
            int checked = 0;
            for (HiddenDangerState state : HiddenDangerState.values()) {
                HiddenDanger d = gen.dangers().hiddenDanger(org, state, Gen.EPOCH);
                LocalDate around = d.deadline().orElse(d.foundOn());
                for (int offset = -3; offset <= 3; offset++) {
                    LocalDate day = around.plusDays(offset);
                    assertEquals(d.isOverdue(day), HiddenDangerQuery.all().overdueAsOf(day).matches(d),
                            d + " on " + day + " (deadline " + d.deadline() + ")");
                    assertEquals(d.isOverdue(day) && !d.state().isTerminal(),
                            HiddenDangerQuery.all().open().overdueAsOf(day).matches(d), d + " open on " + day);
                    checked++;
                }
            }
            assertEquals(HiddenDangerState.values().length * 7, checked);
        });
    }
}
