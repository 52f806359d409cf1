package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.jdbc.internal.JsonCodec;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.testkit.gen.Gen;
import org.dualprevention.testkit.gen.InspectionGen;
import org.junit.jupiter.api.Test;

/** Documents are written only in the json module's own form, never as Jackson's guess from getters. */
class JsonCodecTest {

    @Test
    void organisationAndInspectionAggregatesRoundTripInTheirJsonForm() {
        JsonCodec codec = new JsonCodec();
        for (long seed = 0; seed < 50; seed++) {
            Gen gen = Gen.of(seed);
            Organization org = gen.organization(5);
            String doc = codec.writeIfSupported(org).orElseThrow();
            assertEquals(org, codec.read(doc, Organization.class, "test"), "seed " + seed);
            InspectionGen insp = gen.inspections();
            InspectionPlan plan = insp.plan(org, LocalDate.of(2026, 1, 1));
            assertEquals(plan, codec.read(codec.write(plan), InspectionPlan.class, "test"), "seed " + seed);
            InspectionTask task = insp.task(plan, Gen.EPOCH, 30, 0.5);
            assertEquals(task, codec.read(codec.write(task), InspectionTask.class, "test"), "seed " + seed);
            InspectionTask recorded = insp.recorded(task.record().isPresent() ? insp.task(plan, Gen.EPOCH, 30, 0) : task);
            assertTrue(recorded.record().isPresent(), "seed " + seed);
            assertEquals(recorded, codec.read(codec.write(recorded), InspectionTask.class, "test"), "seed " + seed);
            GoodPractice gp = insp.goodPractice(org, Gen.EPOCH, 30);
            assertEquals(gp, codec.read(codec.write(gp), GoodPractice.class, "test"), "seed " + seed);
        }
        GoodPractice practice = new GoodPractice(GoodPracticeId.of("GP-1"), ActorId.of("a"), OrgUnitId.of("U-1"),
                Optional.empty(), Loop.START, "kept the walkway clear", List.of());
        String gp = codec.write(practice);
        assertTrue(gp.startsWith("{\"id\":\"GP-1\",\"reporter\":\"a\",\"unit\":\"U-1\""), gp);
        assertEquals(practice, codec.read(gp, GoodPractice.class, "test"));
    }

    @Test
    void aTypeWithoutAJsonFormGetsNoDocumentAndIsRefused() {
        JsonCodec codec = new JsonCodec();
        Transition t = Loop.report(HiddenDangerId.of("HD-J"), OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
        HiddenDanger danger = t.next();
        Optional<String> hd = codec.writeIfSupported(danger);
        // either dualprevention-json serialises hidden dangers by now (then the id is in the document) or there is none
        if (hd.isEmpty()) {
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> codec.write(danger));
            assertTrue(e.getMessage().contains("no JSON form of " + danger.getClass().getName()), e.getMessage());
        } else {
            assertTrue(hd.get().contains("HD-J"), hd.get());
        }
    }
}
