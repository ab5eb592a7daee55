package dev.longtail.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code --export-sets DIR}: every regime's training set at every generation as plain text, so that a model of
 * another family (a small neural LM trained from scratch) can check whether the ranking of regimes holds beyond
 * n-gram models. One line per training line, its tokens (as the benchmark's models see them) joined by single
 * spaces, UTF-8, {@code \n}: {@code DIR/<regime>/seed-<s>/generation-<gg>.txt}, the set's real lines first (the
 * manifest says how many), then its synthetic lines; {@code DIR/real-train.txt} (generation 0's set, the budget
 * B) and {@code DIR/held-out.txt} (for scoring only: no regime reads it) in the same format; and
 * {@code DIR/manifest.tsv}, one row per file. Thread-safe: regimes run in parallel.
 */
final class TrainingSetExport {

    /** One exported file. */
    private record Entry(String regime, long seed, int generation, String file, long lines, long tokens,
                         long realLines) {
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();

    private TrainingSetExport(Path dir) {
        this.dir = dir;
    }

    /** Starts an export into {@code dir} (created) with the split's two parts. */
    static TrainingSetExport into(Path dir, List<List<String>> realTrain, List<List<String>> heldOut) {
        TrainingSetExport export = new TrainingSetExport(dir);
        export.writeLines(dir.resolve("real-train.txt"), realTrain);
        export.writeLines(dir.resolve("held-out.txt"), heldOut);
        export.record(new Entry("real-train", 0, 0, "real-train.txt", realTrain.size(), Corpus.tokens(realTrain),
                realTrain.size()));
        export.record(new Entry("held-out", 0, 0, "held-out.txt", heldOut.size(), Corpus.tokens(heldOut),
                heldOut.size()));
        return export;
    }

    /** Writes one regime's training set of one generation. */
    void write(String regime, long seed, int generation, TrainingSet set) {
        String file = String.format(Locale.ROOT, "%s/seed-%d/generation-%02d.txt", regime, seed, generation);
        writeLines(dir.resolve(file), set.lines());
        record(new Entry(regime, seed, generation, file, set.real().size() + set.synthetic().size(), set.tokens(),
                set.real().size()));
    }

    /** Writes {@code manifest.tsv}: regime, seed, generation, file, lines, tokens, real lines (the first ones). */
    void finish() {
        List<Entry> sorted;
        synchronized (entries) {
            sorted = new ArrayList<>(entries);
        }
        List<String> regimes = new ArrayList<>(List.of("real-train", "held-out"));
        regimes.addAll(CollapseRunOptions.ALL_REGIMES);
        sorted.sort(Comparator.comparingInt((Entry e) -> regimes.indexOf(e.regime())).thenComparingLong(Entry::seed)
                .thenComparingInt(Entry::generation));
        List<String> rows = new ArrayList<>();
        rows.add("regime\tseed\tgeneration\tfile\tlines\ttokens\treal_lines");
        for (Entry e : sorted) {
            rows.add(e.regime() + "\t" + e.seed() + "\t" + e.generation() + "\t" + e.file() + "\t" + e.lines() + "\t"
                    + e.tokens() + "\t" + e.realLines());
        }
        try {
            Files.write(dir.resolve("manifest.tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("manifest.tsv"), e);
        }
    }

    private void record(Entry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
    }

    private void writeLines(Path file, List<List<String>> lines) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (List<String> line : lines) {
                    out.write(String.join(" ", line));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training set " + file, e);
        }
    }
}
