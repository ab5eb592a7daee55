package dev.longtail.core.selection;

/** Open-addressing map from 64-bit n-gram keys to counts: the selection's hot path, without boxing. */
final class LongIntMap {

    private static final long EMPTY = 0L; // keys are mixed hashes; 0 is remapped on the way in

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    /** The count stored for the key, 0 when there is none. */
    int get(long key) {
        long k = stored(key);
        int i = slot(k);
        return keys[i] == k ? values[i] : 0;
    }

    /** Adds delta to the key's count (a new key starts at delta). */
    void add(long key, int delta) {
        long k = stored(key);
        int i = slot(k);
        if (keys[i] == k) {
            values[i] += delta;
            return;
        }
        keys[i] = k;
        values[i] = delta;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The key as stored: 0 marks an empty slot, so it is remapped. */
    private static long stored(long key) {
        return key == EMPTY ? 1L : key;
    }

    /** The slot that holds the stored key k, or the empty slot where its linear probe ends. */
    private int slot(long k) {
        int mask = keys.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (keys[i] != k && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    int size() {
        return size;
    }

    /** Calls the consumer for every stored key and its value. */
    void forEach(java.util.function.BiConsumer<Long, Integer> consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                consumer.accept(keys[i], values[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }
}
