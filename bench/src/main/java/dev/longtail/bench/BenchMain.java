package dev.longtail.bench;

import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.bench.corpus.CorpusNotFoundException;
import dev.longtail.bench.corpus.LocatedCorpus;
import dev.longtail.core.selection.SelectionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command line of the benchmarks ({@code curator} and {@code evaluator} hand over to their own classes):
 * {@code collapse --out DIR [--corpus FILE] [--no-download] [--generations N] [--seeds N]
 * [--first-seed N] [--regimes a,b] [--candidate-factor N] [--threads N] [--max-articles N] [--units U]
 * [--carry-over S] [--min-attested S] [--novel-penalty X] [--smoothing A]}.
 */
public final class BenchMain {

    static final String USAGE = """
            usage: BenchMain collapse --out DIR [options]     the collapse benchmark (below)
                   BenchMain curator --out DIR [options]      curator throughput, memory and near-duplicate fidelity
                   BenchMain evaluator --out DIR [options]    all evaluator metrics on a 10,000-sample version
                   BenchMain generator --out DIR              the embedded backend's training and sampling speed
                   BenchMain generator-overhead --out DIR     the generator service's latency around an OpenAI stub
                       [--stub-latency-ms 0] [--concurrency 64] [--requests 10000] [--rounds 5]
                       [--generator-jvm-opt OPT]... [--generator-prop KEY=VALUE]...
            collapse, curator, evaluator and generator read WikiText-2's valid.txt (or --corpus FILE) and print
            which file they read and how it was found; --no-download keeps them from downloading it.

              --out DIR              where collapse.json, collapse.md and collapse.svg go (created)
              --corpus FILE          real corpus, text (WikiText style) or JSONL; without it WikiText-2's
                                     valid.txt from $LONGTAIL_CORPUS, else ../shared/data/wikitext-2/valid.txt
                                     beside the project root, else the user cache ~/.cache/longtail/, else
                                     downloaded once into that cache
              --no-download          never download the corpus (also: LONGTAIL_NO_DOWNLOAD=1)
              --generations N        generations after generation 0 (default 10)
              --seeds N              seeds; the report gives mean and standard deviation (default 1)
              --first-seed N         first seed (default 1)
              --regimes LIST         comma-separated subset of replace,anchor10,accumulate,longtail (default all)
              --candidate-factor N   longtail's candidate tokens per generation, in budgets B (default 10)
              --threads N            regimes run in parallel on N threads (default 1)
              --max-articles N       use only the first N articles of the corpus (default all)
            longtail's selection (libs/core SelectionSettings; defaults = SelectionSettings.DEFAULTS):
              --units U              lines | sentences: whole candidate lines, or whole sentences packed into
                                     lines of real length (default sentences)
              --carry-over S         largest share of the synthetic part carried over from the previous
                                     generation's synthetic lines, 0 = all fresh (default 0.6)
              --min-attested S       drop sentences whose bigrams/trigrams real-train attests less than S (default 0)
              --novel-penalty X      gain subtracted per n-gram real-train lacks; negative = bonus (default -10)
              --smoothing A          smoothing of the profile-matching objective (default 0.02)
            """;

    private BenchMain() {
    }

    /** What the collapse command line asks for: the run, and whether the corpus may be downloaded. */
    record CollapseCommand(CollapseRunOptions options, boolean downloadAllowed) {
    }

    /** Entry point; exit status 2 on a usage error, 1 on a failure (a corpus nowhere to be found included). */
    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (CorpusNotFoundException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "curator" -> {
                dev.longtail.bench.curator.CuratorBenchmark.main(rest);
                return 0;
            }
            case "evaluator" -> {
                dev.longtail.bench.evaluator.EvaluatorBenchmark.main(rest);
                return 0;
            }
            case "generator" -> {
                dev.longtail.bench.generator.EmbeddedBackendBenchmark.main(rest);
                return 0;
            }
            case "generator-overhead" -> {
                dev.longtail.bench.generator.ServiceOverheadBenchmark.main(rest);
                return 0;
            }
            case "collapse" -> {
                // below
            }
            default -> throw new IllegalArgumentException("unknown benchmark '" + args[0] + "'");
        }
        CollapseCommand command = parse(rest);
        LocatedCorpus corpus = CorpusLocator.standard(err).locate(command.options().corpus(), command.downloadAllowed());
        CollapseRunOptions settings = command.options().withCorpus(corpus.file());
        CollapseBenchmark.Result result = CollapseBenchmark.run(settings, err::println);
        try {
            CollapseReport report = new CollapseReport(result, commandLine(args));
            report.write(settings.out());
            out.print(report.summary());
            out.println("wrote " + settings.out().resolve("collapse.json") + ", collapse.md, collapse.svg");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + settings.out(), e);
        }
    }

    /** The collapse command's options; the corpus stays null unless {@code --corpus} names it (the locator finds it). */
    static CollapseCommand parse(String[] args) {
        Path out = null;
        Path corpus = null;
        boolean downloadAllowed = true;
        CollapseRunOptions d = CollapseRunOptions.defaults(null, null);
        int generations = d.generations();
        int seeds = d.seeds();
        long firstSeed = d.firstSeed();
        List<String> regimes = d.regimes();
        int candidateFactor = d.candidateFactor();
        int threads = d.threads();
        int maxArticles = d.maxArticles();
        SelectionSettings selection = d.selection();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--no-download")) {
                downloadAllowed = false;
                continue;
            }
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
                case "--units" -> selection = selection.withUnits(switch (value) {
                    case "lines" -> SelectionSettings.Unit.LINE;
                    case "sentences" -> SelectionSettings.Unit.SENTENCE;
                    default -> throw new IllegalArgumentException("--units must be lines or sentences, was '" + value + "'");
                });
                case "--carry-over" -> selection = selection.withMaxCarriedShare(share(flag, value));
                case "--min-attested" -> selection = selection.withMinAttestedShare(share(flag, value));
                case "--novel-penalty" -> selection = selection.withNovelPenalty(number(flag, value));
                case "--smoothing" -> selection = selection.withSmoothing(number(flag, value));
                case "--regimes" -> {
                    regimes = new ArrayList<>();
                    for (String r : value.split(",")) {
                        String name = r.trim().toLowerCase(Locale.ROOT);
                        if (!CollapseRunOptions.ALL_REGIMES.contains(name)) {
                            throw new IllegalArgumentException("unknown regime '" + r + "'; known: " + CollapseRunOptions.ALL_REGIMES);
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
        return new CollapseCommand(new CollapseRunOptions(corpus, out, generations, seeds, firstSeed, d.order(),
                d.realShare(), candidateFactor, List.copyOf(regimes), threads, maxArticles, selection), downloadAllowed);
    }

    private static double number(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, was '" + value + "'");
        }
    }

    private static double share(String flag, String value) {
        double share = number(flag, value);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(flag + " must be in [0, 1], was " + value);
        }
        return share;
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
