package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.InspectionTaskFact;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Documents to print and post" snippet is this test's code, line for line, and runs. */
class ReadmeDocumentsTest {
    @Test
    void theReadmeSnippetRuns(@TempDir Path dir) throws Exception {
        Plant plant = new Plant(Gen.of(15));
        Organization organization = plant.org;
        List<RiskPoint> riskPoints = plant.points;
        List<MapZone> zones = plant.zones;
        List<HiddenDanger> hiddenDangers = plant.dangers;
        LocalDate today = plant.asOf;
        ZoneId zone = Plant.ZONE;
        Clock clock = Clock.fixed(today.atTime(17, 0).atZone(zone).toInstant(), zone);
        OrgUnitId company = organization.units().get(0).id();
        OrgUnitId workshop = organization.units().get(organization.units().size() - 1).id();
        List<HiddenDangerFact> facts = plant.facts;
        List<InspectionTaskFact> tasks = List.of();
        // --- the README's lines, in a temporary directory
        Documents docs = Documents.chinese()                 // Documents.of(Locale.ENGLISH) for English
                .withEnterprise("华信精细化工有限公司")
                .withDirectory(Directory.empty()
                        .withResponsible(workshop, "李强")
                        .withContact(workshop, "车间值班室", "0531-12345678"));
        String register = docs.riskRegister(organization, riskPoints, zones, today);
        String cards = docs.riskCards(organization, riskPoints, zones, today);
        String ledger = docs.hiddenDangerLedger(organization, riskPoints, zones, hiddenDangers, today, zone);
        PeriodReport quarter = Statistics.of(organization, clock, zone)
                .report(company, ReportingPeriod.quarterOf(today), facts, tasks);
        String table = docs.statisticsTable(organization, quarter);
        Files.writeString(dir.resolve("register.html"), register);
        // ---
        for (String html : List.of(register, cards, ledger, table)) {
            HtmlCheck.check(html, "readme snippet");
        }
        assertEquals(register, Files.readString(dir.resolve("register.html"), StandardCharsets.UTF_8));

        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String snippet = readme.substring(readme.indexOf("<!-- documents:begin -->"),
                readme.indexOf("<!-- documents:end -->"));
        String source = Files.readString(Path.of("src", "test", "java", "org", "dualprevention", "analytics", "document",
                "ReadmeDocumentsTest.java"), StandardCharsets.UTF_8);
        for (String line : snippet.lines().toList()) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("```") || code.startsWith("<!--")) {
                continue;
            }
            String tested = code.replace("Files.writeString(Path.of(\"register.html\"), register);",
                    "Files.writeString(dir.resolve(\"register.html\"), register);");
            assertTrue(source.contains(tested), "README line not in the tested code: " + code);
        }
    }
}
