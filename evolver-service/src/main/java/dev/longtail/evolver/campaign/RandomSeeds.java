package dev.longtail.evolver.campaign;

import java.nio.charset.StandardCharsets;

/**
 * Derives the random seeds of a campaign (split, evolution and sampling of each generation) from its one
 * random seed, so that a campaign replays exactly. Pure; a candidate for libs/core.
 */
public final class RandomSeeds {

    static final String SPLIT = "split";
    static final String EVOLUTION = "evolution";
    static final String SAMPLING = "sampling";

    private RandomSeeds() {
    }

    /** A seed for one purpose of one generation; different purposes and generations give unrelated seeds. */
    public static long derive(long campaignSeed, String purpose, int generation) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(campaignSeed ^ mix(hash + generation * 0x9e3779b97f4a7c15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
