package dev.longtail.bench.evaluator;

import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.Sampling;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.CollapseSettings;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.core.text.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The evaluator's performance budget: every metric of a 10,000-sample dataset version (embeddings included) in at
 * most 60 s. Real text (WikiText-2 validation) is the reference and the held-out set; the version is sampled from
 * a Kneser-Ney model trained on the reference, as the loop's generator does. Times the reference's preparation
 * (once per campaign: generation-0 model, reference embeddings, clusters) and the measurement of the version,
 * per metric group, with all samples embedded and with the evaluator's default embedding sample. Writes
 * {@code evaluator-benchmark.json} into {@code --out}.
 *
 * <p>Usage: {@code EvaluatorBenchmark --out DIR [--corpus FILE] [--no-download] [--samples 10000]
 * [--reference 2000] [--sampled-embeddings 1000]}; without {@code --corpus} (or its old name {@code --data}) the
 * text is WikiText-2's valid.txt as {@link CorpusLocator} finds it. The MiniLM embedder is loaded by name
 * ({@code dev.longtail.embeddings.MiniLmEmbedder}) from the class path; without it the run stops with a message.
 */
public final class EvaluatorBenchmark {

    private EvaluatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        Path corpus = null;
        boolean downloadAllowed = true;
        int samples = 10_000;
        int referenceSize = 2_000;
        int sampled = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--corpus", "--data" -> corpus = Path.of(args[++i]);
                case "--no-download" -> downloadAllowed = false;
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--reference" -> referenceSize = Integer.parseInt(args[++i]);
                case "--sampled-embeddings" -> sampled = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --out DIR [--corpus FILE] [--no-download] [--samples N] [--reference N] [--sampled-embeddings N]");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Path data = CorpusLocator.standard(System.err).locate(corpus, downloadAllowed).file();
        Files.createDirectories(out);

        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("=") && Tokenizer.wordCount(t) >= 5) {
                lines.add(t);
            }
        }
        List<CorpusText> reference = new ArrayList<>();
        List<CorpusText> heldOut = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i % 5 == 4) {
                heldOut.add(CorpusText.of(lines.get(i), null));
            } else if (reference.size() < referenceSize) {
                reference.add(CorpusText.of(lines.get(i), null));
            }
        }
        TextEmbedder embedder = loadEmbedder();

        long t0 = System.nanoTime();
        KneserNeyModel model = KneserNeyModel.train(reference.stream().map(CorpusText::tokens).toList(), 3);
        SplittableRandom rng = new SplittableRandom(42);
        List<CorpusText> version = new ArrayList<>(samples);
        Sampling sampling = new Sampling(1.0, 0.95, 80);
        while (version.size() < samples) {
            List<String> tokens = model.sample(List.of(), sampling, rng);
            if (!tokens.isEmpty()) {
                version.add(CorpusText.of(Tokenizer.detokenize(tokens), null));
            }
        }
        double generationSeconds = seconds(t0);
        System.out.printf(Locale.ROOT, "reference %d texts, held-out %d, version %d samples (sampled in %.1f s)%n",
                reference.size(), heldOut.size(), version.size(), generationSeconds);

        StringBuilder json = new StringBuilder("{\n  \"samples\": ").append(samples).append(",\n  \"referenceTexts\": ")
                .append(reference.size()).append(",\n  \"heldOutTexts\": ").append(heldOut.size())
                .append(",\n  \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n  \"runs\": [\n");
        int[] embeddingSamples = {samples, sampled, 0};
        for (int r = 0; r < embeddingSamples.length; r++) {
            CollapseSettings settings = CollapseSettings.DEFAULTS.withEmbeddingSample(embeddingSamples[r]);
            long start = System.nanoTime();
            CollapseBaseline baseline = CollapseBaseline.of(reference, heldOut, embedder, settings);
            double prepare = seconds(start);
            start = System.nanoTime();
            CollapseMeasurement m = baseline.measure(version);
            double measure = seconds(start);
            String label = embeddingSamples[r] == 0 ? "no embeddings" : embeddingSamples[r] >= samples
                    ? "all samples embedded" : embeddingSamples[r] + " samples embedded";
            System.out.printf(Locale.ROOT, "%-22s reference prepared in %5.1f s, version measured in %5.1f s  %s%n",
                    label, prepare, measure, m.millis());
            json.append("    {\"embeddingSample\": ").append(embeddingSamples[r]).append(", \"prepareSeconds\": ")
                    .append(fmt(prepare)).append(", \"measureSeconds\": ").append(fmt(measure))
                    .append(", \"millisByGroup\": ").append(object(m.millis())).append(", \"sampleSizes\": ")
                    .append(object(m.sampleSizes())).append(", \"metrics\": ").append(object(m.values())).append('}')
                    .append(r < embeddingSamples.length - 1 ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Path result = out.resolve("evaluator-benchmark.json");
        Files.writeString(result, json.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + result.toAbsolutePath());
    }

    private static TextEmbedder loadEmbedder() throws ReflectiveOperationException {
        try {
            return (TextEmbedder) Class.forName("dev.longtail.embeddings.MiniLmEmbedder").getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("dev.longtail.embeddings.MiniLmEmbedder is not on the class path: the "
                    + "benchmark measures embeddings too; add dev.longtail:longtail-embeddings to the class path", e);
        }
    }

    private static String object(Map<String, ? extends Number> values) {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v instanceof Double d ? fmt(d) : v.toString()));
        return sb.append('}').toString();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
