package org.dualprevention.examples.embed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The smallest host: an ERP with its own {@link DataSource}, its own user table and its own transaction.
 * A user reports a hidden danger and the ERP opens a work order for it in the same transaction, so both
 * are stored or neither is. Copy {@link #reportWithWorkOrder} into your service layer.
 */
public final class EmbeddingExample {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private EmbeddingExample() {
    }

    /**
     * Runs the example on an in-memory H2 database standing in for the ERP's.
     *
     * @param args none
     * @throws SQLException if the database fails
     */
    public static void main(String[] args) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();                       // the host's pool in real life
        ds.setURL("jdbc:h2:mem:erp;DB_CLOSE_DELAY=-1");
        createHostTables(ds);

        // once at start-up: the library on the host's DataSource (it creates its own tables)
        JdbcStorage storage = JdbcStorage.builder().dataSource(ds).migrate(true).build();
        DualPrevention dp = DualPrevention.builder().storage(storage).clock(Clock.system(ZONE)).zone(ZONE).build();
        dp.register().saveOrganization(Organization.of(List.of(
                OrgUnit.root(OrgUnitId.of("PLANT"), "Plant", ControlLevel.COMPANY),
                OrgUnit.child(OrgUnitId.of("PACK"), "Packing line", ControlLevel.TEAM, OrgUnitId.of("PLANT")))));

        HiddenDanger d = reportWithWorkOrder(ds, storage, dp, "wang.li", "Guard missing on conveyor 3");
        System.out.println("stored " + d.id() + " in state " + d.state() + ", reported by " + d.reporter()
                + "; work orders: " + count(ds, "erp_work_order"));
    }

    /**
     * One business operation of the host: a user reports a hidden danger and a work order is opened, in one
     * transaction on the host's connection.
     *
     * @param ds the host's data source
     * @param storage the library's storage on it
     * @param dp the library
     * @param login the host's user
     * @param title what was found
     * @return the stored hidden danger
     * @throws SQLException if the host's work fails; then nothing is stored
     */
    public static HiddenDanger reportWithWorkOrder(DataSource ds, JdbcStorage storage, DualPrevention dp, String login,
            String title) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                HiddenDanger d;
                try (JdbcStorage.Binding bound = storage.bind(c)) {     // the library writes on c, never commits
                    Actor user = actor(c, login);                       // the host's user, as the library sees it
                    String key = "WO-" + System.nanoTime();
                    d = dp.hiddenDangers().report(HiddenDangerCommand.Report.of(user, HiddenDangerId.of(key), title,
                            "Reported from the ERP", HiddenDangerSource.RANDOM_OBSERVATION, user.unit(),
                            LocalDate.now(dp.clock())));
                    try (PreparedStatement ps = c.prepareStatement("insert into erp_work_order(id, text) values (?, ?)")) {
                        ps.setString(1, key);
                        ps.setString(2, title);
                        ps.executeUpdate();
                    }
                }
                c.commit();                                             // both, or (on an exception) neither
                return d;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The host's user table decides who someone is and which unit they belong to. */
    static Actor actor(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select unit from erp_user where login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no ERP user [" + login + "]");
                }
                return Actor.of(ActorId.of(login), OrgUnitId.of(rs.getString(1)));
            }
        }
    }

    static void createHostTables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists erp_user(login varchar(40) primary key, unit varchar(40))");
            s.execute("merge into erp_user key(login) values ('wang.li', 'PACK'), ('zhao.min', 'PLANT')");
            s.execute("create table if not exists erp_work_order(id varchar(60) primary key, text varchar(200))");
        }
    }

    static int count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
