package org.dualprevention.method;

import java.util.List;
import org.dualprevention.engine.TestPlugins;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;

/** Test-only stand-ins for built-ins: classes in org.dualprevention.method count as built-in. */
public final class EngineTestBuiltIns {
    private EngineTestBuiltIns() {
    }

    /** A "built-in" LEC. */
    public static final class Lec extends TestPlugins.ProductMethod {
        public Lec() {
            super("LEC", "LEC-ENGINE-TEST");
        }
    }

    /** A "built-in" scheme for it. */
    public static final class LecScheme extends TestPlugins.BandScheme {
        public LecScheme() {
            super("LEC-ENGINE-TEST", "LEC");
        }
    }

    /**
     * A "built-in" scheme provider: its scheme's class lies outside org.dualprevention.method, yet the scheme
     * is built-in because the provider that contributes it is.
     */
    public static final class Schemes implements GradingSchemeProvider {
        @Override
        public List<GradingScheme> schemes() {
            return List.of(new TestPlugins.BandScheme("LEC-ENGINE-TEST", "LEC"),
                    new TestPlugins.BandScheme("LEC-ENGINE-TEST2", "LEC"));
        }
    }
}
