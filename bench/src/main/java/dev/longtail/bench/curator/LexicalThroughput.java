package dev.longtail.bench.curator;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Throughput of the curator's lexical stages on 100-word WikiText passages: the cheap stages (quality, exact,
 * MinHash-LSH) and the chain with instruction novelty (ROUGE-L) added, wall-clock and per CPU second.
 */
final class LexicalThroughput {

    private LexicalThroughput() {
    }

    /** The cheap stages, then the lexical chain with instruction novelty, on every passage. */
    static Map<String, Object> measure(List<String> words, List<String> passages) {
        Map<String, Object> report = new LinkedHashMap<>();
        // 1. cheap stages: quality, exact duplicates, MinHash-LSH near duplicates
        CurationConfig cheap = CurationConfig.DEFAULTS.toBuilder().instructionNoveltyEnabled(false).semanticEnabled(false).build();
        List<CurationSample> samples = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            samples.add(new CurationSample("p" + i, "Continue the encyclopedia article in the same style.", "", passages.get(i)));
        }
        Throughput cheapRun = throughput(samples, cheap, 1000, 5);
        report.put("cheap_stages_samples_per_s", CuratorBenchOutput.round(cheapRun.perSecond));
        report.put("cheap_stages", cheapRun.details());
        CuratorBenchOutput.log("cheap stages: %.0f samples/s", cheapRun.perSecond);

        // 2. every stage but the embeddings: instruction novelty (ROUGE-L) added
        CurationConfig lexical = CurationConfig.DEFAULTS.toBuilder().semanticEnabled(false).build();
        List<CurationSample> instructed = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < passages.size(); i++) {
            instructed.add(new CurationSample("q" + i, CuratorBenchText.instruction(words, random), "", passages.get(i)));
        }
        Throughput lexicalRun = throughput(instructed, lexical, 1000, 3);
        report.put("lexical_chain_samples_per_s", CuratorBenchOutput.round(lexicalRun.perSecond));
        report.put("lexical_chain", lexicalRun.details());
        CuratorBenchOutput.log("lexical chain (with instruction novelty): %.0f samples/s", lexicalRun.perSecond);
        return report;
    }

    private record Throughput(double perSecond, int samples, int rounds, double seconds, double cpuSeconds,
            double loadBefore, double loadAfter, Map<String, Integer> outcomes) {
        Map<String, Object> details() {
            int cores = Runtime.getRuntime().availableProcessors();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("samples_per_round", samples);
            d.put("measured_rounds", rounds);
            d.put("batch_size", 1000);
            d.put("wall_seconds", CuratorBenchOutput.round(seconds));
            d.put("process_cpu_seconds", CuratorBenchOutput.round(cpuSeconds));
            d.put("samples_per_cpu_second", CuratorBenchOutput.round(samples * (double) rounds / cpuSeconds));
            d.put("samples_per_s_if_all_" + cores + "_cores_were_ours", CuratorBenchOutput.round(samples * (double) rounds / cpuSeconds * cores));
            d.put("system_load_average_before_after", List.of(CuratorBenchOutput.round(loadBefore), CuratorBenchOutput.round(loadAfter)));
            d.put("outcomes_per_round", outcomes);
            return d;
        }
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** One warm-up round, then {@code rounds} timed rounds, each on a fresh pipeline, in batches. */
    private static Throughput throughput(List<CurationSample> samples, CurationConfig config, int batch, int rounds) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        double seconds = 0;
        double cpu = 0;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int round = 0; round <= rounds; round++) {
            CurationPipeline pipeline = new CurationPipeline(config);
            Map<String, Integer> counts = new LinkedHashMap<>();
            double cpuStart = processCpuSeconds();
            long start = System.nanoTime();
            for (int from = 0; from < samples.size(); from += batch) {
                for (SampleVerdict v : pipeline.curate(samples.subList(from, Math.min(samples.size(), from + batch)), config)) {
                    counts.merge(v.accepted() ? "ACCEPTED" : v.decision().reason().name(), 1, Integer::sum);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuElapsed = processCpuSeconds() - cpuStart;
            if (round > 0) {
                seconds += elapsed;
                cpu += cpuElapsed;
                outcomes = counts;
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Throughput(samples.size() * (double) rounds / seconds, samples.size(), rounds, seconds, cpu,
                loadBefore, loadAfter, outcomes);
    }
}
