package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.jdbc.internal.JsonCodec;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;

/** Documents are written only in the json module's own form, never as Jackson's guess from getters. */
class JsonCodecTest {

    @Test
    void typesWithAJsonFormRoundTripAndOthersGetNoDocument() {
        JsonCodec codec = new JsonCodec();
        Organization org = Gen.of(3).organization(5);
        String doc = codec.writeIfSupported(org).orElseThrow();
        assertEquals(org, codec.read(doc, Organization.class, "test"));
        Transition t = Loop.report(HiddenDangerId.of("HD-J"), OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
        Optional<String> hd = codec.writeIfSupported(t.next());
        // either dualprevention-json serialises hidden dangers by now (then the id is in the document) or there is none
        assertTrue(hd.isEmpty() || hd.get().contains("HD-J"), hd.toString());

        GoodPractice practice = new GoodPractice(GoodPracticeId.of("GP-1"), ActorId.of("a"), OrgUnitId.of("U-1"),
                Optional.empty(), Loop.START, "kept the walkway clear", List.of());
        Optional<String> gp = codec.writeIfSupported(practice);
        if (gp.isEmpty()) {
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> codec.write(practice));
            assertTrue(e.getMessage().contains("no JSON form of org.dualprevention.inspection.GoodPractice"), e.getMessage());
        } else {
            assertEquals(practice, codec.read(gp.get(), GoodPractice.class, "test"));
        }
    }
}
