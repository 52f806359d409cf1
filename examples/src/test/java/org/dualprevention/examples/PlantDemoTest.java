package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dualprevention.examples.demo.PlantDemo;
import org.dualprevention.json.DualPreventionJson;
import org.dualprevention.risk.RiskLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * Runs the plant demo in-process into a temporary folder, as the README's first command does, and checks
 * what it wrote: the SVG map, the HTML report's statistics against the ledger JSON, and the closed-loop
 * cases the demo promises.
 */
class PlantDemoTest {
    @TempDir
    static Path dir;
    static PlantDemo.Result result;
    static String console;
    static JsonNode ledger;
    static String html;

    @BeforeAll
    static void runTheDemo() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        result = PlantDemo.run(new PlantDemo.Options(dir, "memory", 4, PlantDemo.DEFAULT_SEED, "en"),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        console = buf.toString(StandardCharsets.UTF_8);
        ledger = DualPreventionJson.mapper().readTree(Files.readString(dir.resolve("ledger.json")));
        html = Files.readString(dir.resolve("report.html"));
    }

    @Test
    void printsAProgressLinePerWeekAndTheSummary() {
        for (int w = 1; w <= 4; w++) {
            assertTrue(console.contains("\nweek " + w + " ("), "week " + w + " line missing:\n" + console);
        }
        assertTrue(console.contains("Risk levels per zone"), console);
        assertTrue(console.contains("Statistics of the whole company"), console);
        assertTrue(console.contains("Early warnings ("), console);
        assertTrue(console.contains("plug-in ACME.MATRIX6"), "the example plug-in is found without any change:\n"
                + console);
    }

    @Test
    void riskMapIsWellFormedSvgWithTheFourColours() throws Exception {
        Path svg = dir.resolve("risk-map.svg");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String text = Files.readString(svg);
        for (RiskLevel l : RiskLevel.values()) {
            assertTrue(text.toUpperCase(java.util.Locale.ROOT).contains(l.rgb().toUpperCase(java.util.Locale.ROOT)),
                    "colour of " + l + " " + l.rgb() + " missing from the map");
        }
    }

    @Test
    void reportStatisticsEqualTheLedgerCounts() {
        JsonNode all = ledger.get("hiddenDangers");
        Map<String, Integer> byState = new HashMap<>();
        int major = 0;
        for (JsonNode d : all) {
            byState.merge(d.get("state").asString(), 1, Integer::sum);
            for (JsonNode e : d.get("entries")) {
                if (e.get("action").asString().equals("verify") && e.get("data").asString().contains("grade=major")) {
                    major++;
                }
            }
        }
        int withdrawn = byState.getOrDefault("withdrawn", 0);
        assertEquals(all.size() - withdrawn, stat("hidden-dangers-found"), "found = ledger minus withdrawn");
        assertEquals(withdrawn, stat("withdrawn"));
        assertEquals(byState.getOrDefault("closed", 0), stat("closed"));
        assertEquals(major, stat("major-found"));
        assertEquals(all.size(), result.dangers().size());
        assertEquals(all.size(), count(html, "<tr data-state="), "one ledger row per hidden danger in the report");
        assertTrue(html.contains("<svg"), "the map is embedded");
    }

    @Test
    void theClosedLoopCasesAllHappen() {
        List<String> actions = new ArrayList<>();
        for (JsonNode d : ledger.get("hiddenDangers")) {
            for (JsonNode e : d.get("entries")) {
                actions.add(e.get("action").asString());
            }
        }
        for (String a : List.of("report", "verify", "plan", "start", "submit", "accept", "reject", "rectify-on-spot",
                "extend-deadline", "withdraw")) {
            assertTrue(actions.contains(a), "no [" + a + "] in the ledger");
        }
        assertTrue(result.statistics().majorFound() >= 1, "a major hidden danger");
        assertTrue(result.statistics().overdueOpen() >= 1, "an overdue hidden danger");
        assertTrue(html.contains("(overdue)"), "the report marks the overdue one");
        assertTrue(result.dangers().stream().anyMatch(d -> d.authorityReport().isPresent()), "reported to the authority");
        assertTrue(Files.exists(dir.resolve("register.json")), "register JSON");
    }

    private static int stat(String name) {
        Matcher m = Pattern.compile("data-stat=\"" + name + "\">([0-9]+)<").matcher(html);
        assertTrue(m.find(), "statistic [" + name + "] missing from report.html");
        return Integer.parseInt(m.group(1));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
