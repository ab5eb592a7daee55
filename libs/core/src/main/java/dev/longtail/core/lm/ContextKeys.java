package dev.longtail.core.lm;

import java.util.Arrays;

/** Map keys of n-gram contexts: a packed long when the ids fit, an int-array wrapper otherwise. */
final class ContextKeys {

    private final int bits;
    private final boolean packed;

    ContextKeys(int idCount, int maxLength) {
        int b = 64 - Long.numberOfLeadingZeros(Math.max(1, idCount));
        this.bits = b;
        // one extra slot of 4 bits tells lengths apart
        this.packed = (long) b * maxLength + 4 <= 63;
    }

    /** The key of the {@code length} ids of {@code seq} from {@code start}. */
    Object key(int[] seq, int start, int length) {
        if (packed) {
            long k = length;
            for (int i = 0; i < length; i++) {
                k = (k << bits) | seq[start + i];
            }
            return k;
        }
        return new IntSeq(Arrays.copyOfRange(seq, start, start + length));
    }

    private record IntSeq(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntSeq other && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }
}
