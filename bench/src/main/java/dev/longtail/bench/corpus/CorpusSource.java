package dev.longtail.bench.corpus;

import java.net.URI;
import java.util.Locale;

/** Where a reference corpus can be downloaded from, and the size and SHA-256 its file must have. */
public record CorpusSource(String name, URI uri, long size, String sha256) {

    /**
     * WikiText-2's validation text (Merity et al. 2016, CC BY-SA 3.0) as pytorch/examples publishes it: the file
     * {@code ../shared/data/wikitext-2/valid.txt} holds, byte for byte.
     */
    public static final CorpusSource WIKITEXT_2_VALID = new CorpusSource("WikiText-2's validation text (valid.txt)",
            URI.create("https://raw.githubusercontent.com/pytorch/examples/main/word_language_model/data/wikitext-2/valid.txt"),
            1_121_681, "f0737ed31fc1329026e95cb8b98e19c2a182c39c240ab909dc31abf2f8af58e8");

    /** Lower-cases the checksum so comparisons with computed digests are exact. */
    public CorpusSource {
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    /** This source with another address (a local server in tests, a mirror). */
    public CorpusSource at(URI other) {
        return new CorpusSource(name, other, size, sha256);
    }
}
