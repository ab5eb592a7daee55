package dev.longtail.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Means and standard deviations over the seeds of a collapse run, per regime and generation. */
final class SeedStatistics {

    private final CollapseBenchmark.Result result;

    SeedStatistics(CollapseBenchmark.Result result) {
        this.result = result;
    }

    /** Mean and (sample) standard deviation over seeds. */
    double[] stats(String regime, int generation, ToDoubleFunction<GenerationRow> field) {
        List<CollapseBenchmark.RegimeRun> runs = result.runsOf(regime);
        double sum = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            sum += field.applyAsDouble(run.rows().get(generation));
        }
        double mean = sum / runs.size();
        double ss = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            double d = field.applyAsDouble(run.rows().get(generation)) - mean;
            ss += d * d;
        }
        return new double[] {mean, runs.size() > 1 ? Math.sqrt(ss / (runs.size() - 1)) : 0};
    }

    /** Mean over seeds of a field at a generation. */
    double mean(String regime, int generation, ToDoubleFunction<GenerationRow> field) {
        return stats(regime, generation, field)[0];
    }

    /** D = perplexity at the last generation / perplexity at generation 0, mean over seeds. */
    double degradation(String regime) {
        List<CollapseBenchmark.RegimeRun> runs = result.runsOf(regime);
        double sum = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            sum += run.rows().get(run.rows().size() - 1).perplexity() / run.rows().get(0).perplexity();
        }
        return sum / runs.size();
    }
}
