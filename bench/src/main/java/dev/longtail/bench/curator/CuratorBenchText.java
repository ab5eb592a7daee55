package dev.longtail.bench.curator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The curator benchmark's texts from WikiText: its words, passages of them, and made-up instructions. */
final class CuratorBenchText {

    /** Words per sample. */
    static final int WORDS = 100;

    private CuratorBenchText() {
    }

    /** WikiText-2 words without headings, with its "@-@"-style joiners undone and "<unk>" dropped. */
    static List<String> corpusWords(Path corpus) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("=")) {
                continue;
            }
            l = l.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".").replace("<unk>", "");
            for (String w : l.split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** Consecutive windows of {@code size} words every {@code stride} words. */
    static List<String> passages(List<String> words, int size, int stride) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from + size <= words.size(); from += stride) {
            out.add(String.join(" ", words.subList(from, from + size)));
        }
        return out;
    }

    /** An instruction of 5-12 words: a verb and random corpus words. */
    static String instruction(List<String> words, SplittableRandom random) {
        String[] verbs = {"Explain", "Describe", "Summarise", "Discuss", "Outline", "Compare"};
        StringBuilder sb = new StringBuilder(verbs[random.nextInt(verbs.length)]);
        int n = 4 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT));
        }
        return sb.append('.').toString();
    }
}
