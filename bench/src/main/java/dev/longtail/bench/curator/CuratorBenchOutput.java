package dev.longtail.bench.curator;

import java.util.Locale;

/** Rounding and progress lines shared by the curator benchmark's measurements. */
final class CuratorBenchOutput {

    private CuratorBenchOutput() {
    }

    /** Three decimals. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A progress line on stderr. */
    static void log(String format, Object... args) {
        System.err.println("[curator-bench] " + String.format(Locale.ROOT, format, args));
    }
}
