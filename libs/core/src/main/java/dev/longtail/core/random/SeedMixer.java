package dev.longtail.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The one way Longtail derives random seeds: SplitMix64's finaliser over a 64-bit FNV-1a hash of a key, so
 * that a campaign, a generation or a sample replays exactly on any JVM from one random seed.
 */
public final class SeedMixer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SeedMixer() {
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole 64-bit range. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the key's UTF-8 bytes ({@link String#hashCode} is too narrow for seeds). */
    public static long hash(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** A seed that depends only on the parent seed and the key: unrelated keys give unrelated seeds. */
    public static long derive(long seed, String key) {
        return mix(seed ^ mix(hash(key)));
    }

    /** A seed for one purpose of one step (a generation, say): every (purpose, step) gives an unrelated seed. */
    public static long derive(long seed, String purpose, int step) {
        return mix(seed ^ mix(hash(purpose) + step * GOLDEN_GAMMA));
    }

    /** A random generator whose sequence depends only on the parent seed and the key. */
    public static RandomGenerator rng(long seed, String key) {
        return new SplittableRandom(derive(seed, key));
    }
}
