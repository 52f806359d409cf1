package org.dualprevention.excel;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.LsMethod;
import org.dualprevention.method.Matrix4x4Method;
import org.dualprevention.method.MesMethod;
import org.dualprevention.method.RiskMatrixMethod;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.gen.Gen;

/** A seeded register over every built-in method and scheme, and the context to write it in. */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<AssessmentMethod> METHODS = List.of(new LecMethod(), new LsMethod(), new MesMethod(),
            new RiskMatrixMethod(), new Matrix4x4Method(), new DirectMethod());
    final long seed;
    final Gen gen;
    final Organization org;
    final ExcelContext context;

    Fixtures(long seed) {
        this(Gen.of(seed));
    }

    Fixtures(Gen gen) {
        this.seed = gen.seed();
        this.gen = gen;
        this.org = gen.organization();
        this.context = ExcelContext.of(org, METHODS, BuiltInSchemes.all(), ZONE);
    }

    /** {@code n} risk points, each assessed with a method and one of the schemes grading it, in turn. */
    List<RiskPoint> register(int n) {
        List<RiskPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AssessmentMethod m = METHODS.get(i % METHODS.size());
            List<GradingScheme> schemes = BuiltInSchemes.all().stream().filter(s -> s.method().equals(m.id())).toList();
            out.add(gen.riskPoint(org, m, gen.pick(schemes), Gen.EPOCH));
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
