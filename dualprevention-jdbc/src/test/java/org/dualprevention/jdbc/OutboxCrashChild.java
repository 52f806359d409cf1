package org.dualprevention.jdbc;

import java.nio.file.Path;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;

/**
 * Child JVM of {@link OutboxCrashTest}: reports and verifies a hidden danger naming a failed control measure on
 * an H2 file store, and dies ({@code Runtime.halt}) inside the first listener call of the verification, that is
 * after the commit and before its events were delivered.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    /**
     * Runs the child.
     *
     * @param args the H2 file
     */
    public static void main(String[] args) {
        JdbcStorage storage = JdbcStorage.h2File(Path.of(args[0]));
        EngineFixture f = new EngineFixture(storage, e -> {
            if (e instanceof HiddenDangerEvent.ReassessmentRequested) {
                System.out.println("COMMITTED");
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
        }).withRegister();
        HiddenDangerId hd = HiddenDangerId.of("HD-1");
        f.dp.hiddenDangers().report(CommandId.of("r1"), EngineFixture.report(hd));
        f.dp.hiddenDangers().apply(CommandId.of("v1"), hd, EngineFixture.verify());
        System.out.println("NOT HALTED");
    }
}
