package dev.longtail.bench.corpus;

import java.nio.file.Path;

/** A reference corpus file and how it was found: {@code from --corpus}, {@code development copy}, ... */
public record LocatedCorpus(Path file, String origin) {

    /** The line a benchmark prints so the user knows which file it read: {@code corpus: FILE (origin)}. */
    public String describe() {
        return "corpus: " + file + " (" + origin + ")";
    }
}
