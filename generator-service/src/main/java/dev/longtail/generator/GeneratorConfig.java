package dev.longtail.generator;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The generator's typed configuration ({@code longtail.generator.*}). */
@ConfigMapping(prefix = "longtail.generator")
public interface GeneratorConfig {

    /** Order n of the embedded Kneser-Ney n-gram model (3 = trigram). */
    @WithDefault("3")
    int ngramOrder();

    /** How long the consumer waits for the broker to acknowledge a generation's samples before it gives up. */
    @WithDefault("60s")
    Duration sendTimeout();
}
