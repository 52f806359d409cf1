package org.dualprevention.excel;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LsMethod;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.gen.Gen;

/** A seeded register and the context to write it in. */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final long seed;
    final Gen gen;
    final Organization org;
    final ExcelContext context;

    Fixtures(long seed) {
        this.seed = seed;
        this.gen = Gen.of(seed);
        this.org = gen.organization();
        this.context = ExcelContext.of(org, List.of(new LecMethod(), new LsMethod()),
                List.of(BuiltInSchemes.lecV1(), BuiltInSchemes.lsShandong()), ZONE);
    }

    List<RiskPoint> register(int n) {
        List<RiskPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 2 == 0 ? gen.riskPoint(org, new LecMethod(), BuiltInSchemes.lecV1(), Gen.EPOCH)
                    : gen.riskPoint(org, new LsMethod(), BuiltInSchemes.lsShandong(), Gen.EPOCH));
        }
        return out;
    }

    byte[] write(List<RiskPoint> register) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterWorkbook.write(out, context, register);
        return out.toByteArray();
    }

    static Path file(Path dir, byte[] bytes) throws java.io.IOException {
        Path p = Files.createTempFile(dir, "register", ".xlsx");
        Files.write(p, bytes);
        return p;
    }
}
