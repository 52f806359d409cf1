package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's "On your own database" block is the body of {@link #readmeBlock}, word for word (a test checks),
 * so it compiles; run on H2, it migrates, applies a command inside the host's transaction together with the
 * host's own work, and both are committed together.
 */
class ReadmeDatabaseTest {
    /** The host's own data access in the README's block. */
    interface ErpDao {
        void markTicketDone(Connection c, String ticket) throws SQLException;
    }

    @SuppressWarnings("try")
    static DualPrevention readmeBlock(DataSource dataSource, HiddenDangerId id, HiddenDangerCommand command,
            ErpDao erpDao, String ticket) throws SQLException {
        // --- README block begins ---
        Migrations.migrate(dataSource);                         // or hand the SQL files under
                                                                // /org/dualprevention/jdbc/migration/<dialect>/ to Flyway
        JdbcStorage storage = JdbcStorage.of(dataSource);       // H2, PostgreSQL or MySQL/MariaDB, dialect detected
        DualPrevention dp = DualPrevention.builder().storage(storage)
                .zone(ZoneId.of("Asia/Shanghai"))               // the organisation's zone: "today", deadlines, overdue
                .build();                                       // (default: the clock's zone, i.e. the JVM's)

        try (Connection c = dataSource.getConnection()) {      // inside the host's own transaction:
            c.setAutoCommit(false);
            try (JdbcStorage.Binding b = storage.bind(c)) {     // library writes join it, never commit it
                dp.hiddenDangers().apply(id, command);
                erpDao.markTicketDone(c, ticket);               // the host's own work in the same transaction
            }
            c.commit();
        }
        // --- README block ends ---
        return dp;
    }

    @Test
    void theReadmeBlockIsThisMethodsBody() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.isDirectory(root.resolve("examples"))) {
            root = root.getParent();
        }
        String source = Files.readString(root.resolve("examples/src/test/java/org/dualprevention/examples/"
                + "ReadmeDatabaseTest.java"));
        String body = source.substring(source.indexOf("// --- README block begins ---\n") + 31,
                source.indexOf("        // --- README block ends ---")).lines().map(l -> l.length() >= 8 ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = Pattern.compile("### On your own database\n\n```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has the database block");
        assertEquals(body.strip(), m.group(1).strip());
    }

    @Test
    void theReadmeBlockRunsInTheHostsTransaction() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:readme-db-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(ds);
        OrgUnitId plant = OrgUnitId.of("plant");
        DualPrevention before = DualPrevention.builder().storage(JdbcStorage.of(ds)).zone(ZoneId.of("Asia/Shanghai"))
                .build();
        before.register().saveOrganization(Organization.of(List.of(OrgUnit.root(plant, "Plant", ControlLevel.COMPANY))));
        HiddenDangerId id = HiddenDangerId.of("HD-1");
        before.hiddenDangers().report(HiddenDangerCommand.Report.of(Actor.of(ActorId.of("li"), plant), id,
                "Guard missing", "Press 3 runs without its guard", HiddenDangerSource.RANDOM_OBSERVATION, plant,
                LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE erp_ticket (ticket VARCHAR(20) NOT NULL)");
        }
        ErpDao erp = (c, ticket) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO erp_ticket (ticket) VALUES (?)")) {
                ps.setString(1, ticket);
                ps.executeUpdate();
            }
        };

        DualPrevention dp = readmeBlock(ds, id, HiddenDangerCommand.Verify.general(Actor.of(ActorId.of("wang"), plant),
                "Confirmed on site"), erp, "T-42");

        assertEquals(HiddenDangerState.VERIFIED, dp.hiddenDangers().find(id).orElseThrow().state());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ticket FROM erp_ticket")) {
            assertTrue(rs.next());
            assertEquals("T-42", rs.getString(1), "the host's work committed with the library's");
        }
    }
}
