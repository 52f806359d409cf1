package org.dualprevention.method;

import org.dualprevention.engine.TestPlugins;

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
}
