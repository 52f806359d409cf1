package org.dualprevention.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application end to end over HTTP: a hidden danger reported, verified, planned, started, submitted and
 * accepted through the REST API; refusals as problem details; the page with the map and the ledger; the page in a
 * real headless browser where one is installed.
 */
class SafetyApplicationTest {
    private static ConfigurableApplicationContext app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        String db = "jdbc:h2:mem:app" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ";DB_CLOSE_DELAY=-1";
        app = SpringApplication.run(SafetyApplication.class, "--server.port=0", "--spring.datasource.url=" + db);
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> post(String path, String actor, String unit, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-Actor", actor).header("X-Unit", unit).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHiddenDangerRunsTheWholeLoopOverHttp() throws Exception {
        HttpResponse<String> r = post("/api/hidden-dangers", "wang", "WS-1",
                "{\"id\":\"HD-1\",\"title\":\"进料泵联轴器防护罩缺失\",\"riskPoint\":\"RP-PUMP\",\"foundOn\":\"2026-12-01\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"reported\""), r.body());
        HttpResponse<String> v = post("/api/hidden-dangers/HD-1/verify", "zhao", "WS-1",
                "{\"major\":false,\"note\":\"属实\"}");
        assertEquals(200, v.statusCode(), v.body());
        assertEquals(200, post("/api/hidden-dangers/HD-1/plan", "zhao", "WS-1",
                "{\"responsible\":\"li\",\"measures\":\"加装防护罩\",\"funds\":200,\"deadline\":\"2099-12-31\","
                        + "\"contingency\":\"停泵挂牌\"}").statusCode());
        assertEquals(200, post("/api/hidden-dangers/HD-1/start", "li", "WS-1", "").statusCode());
        assertEquals(200, post("/api/hidden-dangers/HD-1/submit", "li", "WS-1",
                "{\"description\":\"已加装\",\"evidence\":[\"https://example.org/p.jpg\"],\"completedOn\":\"2026-12-02\"}")
                .statusCode());
        HttpResponse<String> own = post("/api/hidden-dangers/HD-1/accept", "li", "WS-1", "{\"note\":\"自己验收\"}");
        assertEquals(403, own.statusCode(), "the rectifier may not accept his own work: " + own.body());
        HttpResponse<String> closed = post("/api/hidden-dangers/HD-1/accept", "zhao", "WS-1", "{\"note\":\"验收合格\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("\"closed\""), closed.body());
        HttpResponse<String> again = post("/api/hidden-dangers/HD-1/start", "li", "WS-1", "");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("CLOSED"), again.body());
        assertEquals(404, get("/api/hidden-dangers/HD-NONE").statusCode());
    }

    @Test
    void thePageShowsTheMapAndTheLedgerInChineseAndInEnglish() throws Exception {
        post("/api/hidden-dangers", "wang", "WS-1", "{\"id\":\"HD-P\",\"title\":\"罐区静电接地断开\",\"riskPoint\":\"RP-TANK\"}");
        HttpResponse<String> zh = get("/");
        assertEquals(200, zh.statusCode());
        assertTrue(zh.body().contains("<svg"), "the map");
        for (String s : List.of("安全风险四色分布图", "隐患排查治理台账", "罐区静电接地断开", "已上报")) {
            assertTrue(zh.body().contains(s), s + " in\n" + zh.body());
        }
        assertFalse(zh.body().contains(">reported<"), "no raw state code");
        HttpResponse<String> en = get("/?lang=en");
        assertTrue(en.body().contains("Hidden-danger ledger") && en.body().contains("Reported"), en.body());
    }

    @Test
    void thePageRendersInAHeadlessBrowserWhereOneIsInstalled() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium),
                "no browser at /usr/bin/chromium: install one with `apt-get install -y chromium` to run this test");
        Path shot = Files.createTempDirectory("dp-shot").resolve("page.png");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("dp-chromium"),
                "--window-size=1200,900", "--screenshot=" + shot, base + "/").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.exists(shot) && Files.size(shot) > 10_000, "screenshot taken: " + out);
    }
}
