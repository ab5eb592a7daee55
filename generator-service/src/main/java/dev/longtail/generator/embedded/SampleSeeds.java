package dev.longtail.generator.embedded;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Derives one random generator per sample from the plan's random seed and a stable key (the seed id), so
 * that a redelivered generation samples exactly the same texts on any JVM. Pure; a candidate for libs/core.
 */
public final class SampleSeeds {

    private SampleSeeds() {
    }

    /** A generator whose sequence depends only on the plan's seed and the key. */
    public static RandomGenerator rng(long planSeed, String key) {
        return new SplittableRandom(derive(planSeed, key));
    }

    /** Mixes the plan's seed with a 64-bit FNV-1a hash of the key (String.hashCode is too narrow). */
    public static long derive(long planSeed, String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(planSeed ^ mix(hash));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
