package dev.longtail.core.dedup;

/**
 * Open-addressing set of 128-bit fingerprints in two long arrays, (0, 0) marking a free slot (a real fingerprint
 * equal to it is kept in a flag): 16 bytes per slot, loaded up to 0.8, about 27 bytes per member on average.
 */
public final class FingerprintSet {

    private long[] highs = new long[64];
    private long[] lows = new long[64];
    private boolean hasZero;
    private int size;

    /** Adds a fingerprint; false when it was already there. */
    public boolean add(Fingerprint fingerprint) {
        if (fingerprint.high() == 0 && fingerprint.low() == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 10 > highs.length * 8) {
            resize();
        }
        int slot = slotOf(fingerprint.high(), fingerprint.low());
        if (used(slot)) {
            return false;
        }
        highs[slot] = fingerprint.high();
        lows[slot] = fingerprint.low();
        size++;
        return true;
    }

    public boolean contains(Fingerprint fingerprint) {
        if (fingerprint.high() == 0 && fingerprint.low() == 0) {
            return hasZero;
        }
        return used(slotOf(fingerprint.high(), fingerprint.low()));
    }

    private boolean used(int slot) {
        return highs[slot] != 0 || lows[slot] != 0;
    }

    public int size() {
        return size;
    }

    /** Bytes of the arrays held. */
    public long memoryBytes() {
        return 16L * highs.length + 2 * 16;
    }

    private int slotOf(long high, long low) {
        int mask = highs.length - 1;
        int slot = (int) (high ^ (high >>> 32)) & mask;
        while (used(slot) && !(highs[slot] == high && lows[slot] == low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void resize() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        highs = new long[oldHighs.length * 2];
        lows = new long[oldHighs.length * 2];
        for (int i = 0; i < oldHighs.length; i++) {
            if (oldHighs[i] != 0 || oldLows[i] != 0) {
                int slot = slotOf(oldHighs[i], oldLows[i]);
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
            }
        }
    }
}
