package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.examples.demo.PlantDemo;
import org.dualprevention.examples.tankfarm.TankFarmScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the H2 file store, a second run of the demo continues from the state the first one stored. */
class PlantDemoH2Test {
    @Test
    void secondRunContinues(@TempDir Path dir) {
        PlantDemo.Options one = new PlantDemo.Options(dir, "h2", 1, PlantDemo.DEFAULT_SEED, "en");
        PlantDemo.Result first = PlantDemo.run(one, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("plant-h2.mv.db")), "the H2 file is in the output folder");
        assertEquals(0, first.firstWeek());

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlantDemo.Result second = PlantDemo.run(one, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String console = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, second.firstWeek(), console);
        assertTrue(console.contains("continuing from the stored state"), console);
        assertTrue(console.contains("\nweek 2 ("), console);
        assertTrue(second.dangers().size() > first.dangers().size(), "week 2 finds more hidden dangers; " + console);
        assertTrue(second.dangers().containsAll(first.dangers().stream().filter(d -> !d.isOpen())
                .collect(java.util.stream.Collectors.toList())), "closed ones are kept as they were");
        // the tank farm played on JDBC: its installation, failed re-check and near miss are in its H2 file (replayed
        // afresh by the second run)
        try (org.dualprevention.jdbc.JdbcStorage farm = org.dualprevention.jdbc.JdbcStorage.h2File(dir.resolve("tankfarm-h2"))) {
            assertEquals(1, farm.majorHazards().findAll().size());
            assertEquals(List.of(TankFarmScenario.FARM), farm.majorHazards().findByRiskPoint(TankFarmScenario.TANKS)
                    .stream().map(m -> m.id()).collect(Collectors.toList()));
            assertEquals(List.of(TankFarmScenario.NEAR_MISS), farm.incidents().findAll().stream().map(i -> i.id())
                    .collect(Collectors.toList()));
            assertEquals(1, farm.rechecks().findAll().size());
            assertFalse(farm.rechecks().findAll().values().iterator().next().passed(), "the re-check found a recurrence");
            assertTrue(farm.riskPoints().find(TankFarmScenario.TANKS).orElseThrow().hazard(TankFarmScenario.LEAK)
                    .orElseThrow().reassessment().isPresent(), "the near miss flagged the leak hazard in the database");
        }
    }

    @Test
    void aSecondRunTakesTheHiddenDangersLeftOpenForward(@TempDir Path dir) {
        PlantDemo.Result first = PlantDemo.run(new PlantDemo.Options(dir, "h2", 1, PlantDemo.DEFAULT_SEED, "en"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<HiddenDangerId> open = first.dangers().stream().filter(HiddenDanger::isOpen).map(HiddenDanger::id)
                .collect(Collectors.toList());
        assertTrue(open.size() >= 3, "the first week leaves hidden dangers open, the major one among them: " + open);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlantDemo.Result second = PlantDemo.run(new PlantDemo.Options(dir, "h2", 4, PlantDemo.DEFAULT_SEED, "en"),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String console = buf.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("of which " + open.size() + " still open are taken forward"), console);
        Map<HiddenDangerId, HiddenDanger> after = second.dangers().stream()
                .collect(Collectors.toMap(HiddenDanger::id, d -> d));
        for (HiddenDangerId id : open) {
            HiddenDanger d = after.get(id);
            assertEquals(HiddenDangerState.CLOSED, d.state(), id + " was abandoned by the second run:\n" + console);
            assertFalse(d.closedAt().orElseThrow().isBefore(PlantDemo.FIRST_DAY.plusWeeks(1).atStartOfDay(PlantDemo.ZONE)
                    .toInstant()), id + " closed in the second run");
        }
        assertEquals(0, second.statistics().overdueOpen() - second.dangers().stream()
                .filter(d -> !open.contains(d.id()) && d.isOverdue(second.asOf())).count(),
                "no overdue count inflated by abandoned hidden dangers");
    }
}
