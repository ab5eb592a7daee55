package dev.longtail.bench;

import dev.longtail.core.selection.SelectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command line of the benchmarks: {@code collapse --out DIR [--corpus FILE] [--generations N] [--seeds N]
 * [--first-seed N] [--regimes a,b] [--candidate-factor N] [--threads N] [--max-articles N]}.
 */
public final class BenchMain {

    static final String USAGE = """
            usage: BenchMain collapse --out DIR [options]

              --out DIR              where collapse.json, collapse.md and collapse.svg go (created)
              --corpus FILE          real corpus, text (WikiText style) or JSONL
                                     (default ../shared/data/wikitext-2/valid.txt beside the project root)
              --generations N        generations after generation 0 (default 10)
              --seeds N              seeds; the report gives mean and standard deviation (default 1)
              --first-seed N         first seed (default 1)
              --regimes LIST         comma-separated subset of replace,anchor10,accumulate,longtail (default all)
              --candidate-factor N   longtail's candidate tokens per generation, in budgets B (default 10)
              --threads N            regimes run in parallel on N threads (default 1)
              --max-articles N       use only the first N articles of the corpus (default all)
            """;

    private BenchMain() {
    }

    /** Entry point; exit status 2 on a usage error, 1 on a failure. */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("collapse")) {
            throw new IllegalArgumentException("unknown benchmark '" + args[0] + "'");
        }
        CollapseSettings settings = parse(Arrays.copyOfRange(args, 1, args.length));
        CollapseBenchmark.Result result = CollapseBenchmark.run(settings, System.err::println);
        try {
            CollapseReport report = new CollapseReport(result, commandLine(args));
            report.write(settings.out());
            System.out.print(report.summary());
            System.out.println("wrote " + settings.out().resolve("collapse.json") + ", collapse.md, collapse.svg");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + settings.out(), e);
        }
    }

    static CollapseSettings parse(String[] args) {
        Path out = null;
        Path corpus = defaultCorpus();
        CollapseSettings d = CollapseSettings.defaults(corpus, null);
        int generations = d.generations();
        int seeds = d.seeds();
        long firstSeed = d.firstSeed();
        List<String> regimes = d.regimes();
        int candidateFactor = d.candidateFactor();
        int threads = d.threads();
        int maxArticles = d.maxArticles();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--out" -> out = Path.of(value);
                case "--corpus" -> corpus = Path.of(value);
                case "--generations" -> generations = positive(flag, value);
                case "--seeds" -> seeds = positive(flag, value);
                case "--first-seed" -> firstSeed = Long.parseLong(value);
                case "--candidate-factor" -> candidateFactor = positive(flag, value);
                case "--threads" -> threads = positive(flag, value);
                case "--max-articles" -> maxArticles = positive(flag, value);
                case "--regimes" -> {
                    regimes = new ArrayList<>();
                    for (String r : value.split(",")) {
                        String name = r.trim().toLowerCase(Locale.ROOT);
                        if (!CollapseSettings.ALL_REGIMES.contains(name)) {
                            throw new IllegalArgumentException("unknown regime '" + r + "'; known: " + CollapseSettings.ALL_REGIMES);
                        }
                        regimes.add(name);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new CollapseSettings(corpus, out, generations, seeds, firstSeed, d.order(), d.realShare(),
                candidateFactor, List.copyOf(regimes), threads, maxArticles, SelectionSettings.DEFAULTS);
    }

    /**
     * ../shared/data/wikitext-2/valid.txt beside the project root: the root is {@code longtail.home} when set
     * (the launcher sets it), else the working directory.
     */
    static Path defaultCorpus() {
        String home = System.getProperty("longtail.home", ".");
        return Path.of(home).toAbsolutePath().normalize().resolve("../shared/data/wikitext-2/valid.txt").normalize();
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(flag + " must be >= 1, was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was '" + value + "'");
        }
    }

    private static String commandLine(String[] args) {
        return "./longtail bench " + String.join(" ", args);
    }
}
