package dev.longtail.core.lm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded LRU cache of a sampler's per-context distributions and bases, plus the tempered unigram per temperature. */
final class SamplingCache {

    /** Upper bound on cached candidate entries (over all contexts) before the cache evicts. */
    static final long CANDIDATE_BUDGET = 4_000_000L;

    /** A cached entry's context key and sampling setting; topP is −1 for the entry of a {@link BackoffBase}. */
    record Key(Object context, double temperature, double topP) {
    }

    /** A cached entry, sized in candidate entries for the budget. */
    interface Sized {
        int size();
    }

    private final NGramTables tables;
    private final Map<Double, TemperedUnigram> tempered = new HashMap<>();
    private long candidates;
    private final LinkedHashMap<Key, Sized> entries = new LinkedHashMap<>(1024, 0.75f, true);

    SamplingCache(NGramTables tables) {
        this.tables = tables;
    }

    synchronized TemperedUnigram tempered(double temperature) {
        return tempered.computeIfAbsent(temperature, t -> new TemperedUnigram(tables, t));
    }

    synchronized Sized get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, Sized d) {
        Sized old = entries.put(key, d);
        if (old != null) {
            candidates -= old.size();
        }
        candidates += d.size();
        var it = entries.entrySet().iterator();
        while (candidates > CANDIDATE_BUDGET && it.hasNext()) {
            var e = it.next();
            if (e.getValue() == d) {
                continue;
            }
            candidates -= e.getValue().size();
            it.remove();
        }
    }
}
