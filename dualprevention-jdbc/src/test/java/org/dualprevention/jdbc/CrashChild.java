package org.dualprevention.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;

/**
 * The child JVM of {@link CrashSafetyTest}: applies closed-loop commands to hidden dangers for ever, printing
 * {@code ACK <id> <version>} on stdout after each save has returned (committed), until it is killed.
 *
 * <p>Arguments: {@code h2 <file>} or {@code url <jdbc url>}, then the seed and the round number.
 */
public final class CrashChild {
    private CrashChild() {
    }

    /**
     * Runs until killed.
     *
     * @param args target kind, file or URL, seed, round
     */
    public static void main(String[] args) {
        JdbcStorage storage = args[0].equals("h2") ? JdbcStorage.h2File(Path.of(args[1]))
                : JdbcStorage.builder().dataSource(new TestDatabase.UrlDataSource(args[1])).build();
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        int round = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        List<HiddenDanger> open = Page.stream(p -> storage.hiddenDangers().find(HiddenDangerQuery.all().open(), p), 500)
                .collect(Collectors.toCollection(ArrayList::new));
        long created = storage.hiddenDangers().count(HiddenDangerQuery.all());
        out.println("READY " + open.size() + " open of " + created);
        out.flush();
        int n = 0;
        while (true) {
            Transition t;
            long expected;
            int index = -1;
            if (open.size() < 3 || random.nextInt(5) == 0) {
                HiddenDangerId id = HiddenDangerId.of("HD-" + round + "-" + n++);
                t = Loop.report(id, OrgUnitId.of("U-" + random.nextInt(5)),
                        random.nextBoolean() ? Optional.of(RiskPointId.of("RP-" + random.nextInt(20))) : Optional.empty(),
                        Loop.START.plusSeconds(60 * created++));
                expected = 0;
            } else {
                index = random.nextInt(open.size());
                HiddenDanger d = open.get(index);
                t = Loop.next(d, random);
                expected = d.version();
            }
            storage.hiddenDangers().save(t.next(), expected, t.audit());
            out.println("ACK " + t.next().id().value() + " " + t.next().version());
            out.flush();
            if (index < 0) {
                open.add(t.next());
            } else if (t.next().isOpen()) {
                open.set(index, t.next());
            } else {
                open.remove(index);
            }
        }
    }
}
