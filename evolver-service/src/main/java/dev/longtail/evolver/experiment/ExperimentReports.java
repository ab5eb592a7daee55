package dev.longtail.evolver.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.contracts.Verdict;
import dev.longtail.core.experiment.CampaignMeasurements;
import dev.longtail.core.experiment.ComparedMetric;
import dev.longtail.core.experiment.ExperimentComparison;
import dev.longtail.evolver.campaign.CampaignStatus;

/**
 * Builds an experiment's report: fetches each campaign's report from the evaluator (outside any transaction: the
 * remote calls hold no database connection) and lets {@link ExperimentComparison} compare the arms, the first arm
 * being the control.
 */
@ApplicationScoped
public class ExperimentReports {

    private final EvaluatorReports evaluator;

    public ExperimentReports(EvaluatorReports evaluator) {
        this.evaluator = evaluator;
    }

    public ExperimentReport report(ExperimentViews.Detail experiment) {
        List<ExperimentComparison.Arm> arms = new ArrayList<>();
        boolean complete = true;
        for (ExperimentViews.Arm arm : experiment.arms()) {
            List<CampaignMeasurements> campaigns = new ArrayList<>();
            for (ExperimentViews.Campaign campaign : arm.campaigns()) {
                Optional<EvaluatorReport> report = evaluator.report(campaign.campaignId());
                report.ifPresent(r -> campaigns.add(r.measurements(campaign.randomSeed())));
                // a failed or cancelled campaign will be measured no further; a completed one once the evaluator has
                // every generation
                complete &= campaign.status() == CampaignStatus.FAILED || campaign.status() == CampaignStatus.CANCELLED
                        || (campaign.status() == CampaignStatus.COMPLETED
                        && report.map(EvaluatorReport::complete).orElse(false));
            }
            arms.add(new ExperimentComparison.Arm(arm.name(), campaigns));
        }
        String control = experiment.arms().isEmpty() ? null : experiment.arms().get(0).name();
        ExperimentComparison.Result result = ExperimentComparison.compare(arms, control);

        List<ExperimentReport.Arm> armReports = new ArrayList<>();
        for (int i = 0; i < result.arms().size(); i++) {
            armReports.add(new ExperimentReport.Arm(result.arms().get(i).name(), experiment.arms().get(i).settings(),
                    result.arms().get(i).generations().stream().map(ExperimentReports::generation).toList(),
                    experiment.arms().get(i).evolution()));
        }
        var reference = result.reference();
        return new ExperimentReport(experiment.id(), experiment.name(), experiment.generations(),
                experiment.randomSeeds(), control, new ExperimentReport.Reference(reference.perplexity(),
                reference.tailCoverage(), reference.distinct2(), reference.meanWords()), armReports,
                result.differences().stream().map(d -> new ExperimentReport.Difference(d.arm(), d.against(),
                        d.generation(), d.metric().field(), d.statistic().mean(), d.statistic().sd(),
                        d.statistic().n())).toList(), complete);
    }

    private static ExperimentReport.Generation generation(ExperimentComparison.ArmGeneration g) {
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            String name = verdict.name().toLowerCase(Locale.ROOT);
            verdicts.put(name, g.verdicts().getOrDefault(name, 0));
        }
        var metrics = g.metrics();
        return new ExperimentReport.Generation(g.generation(), metrics.get(ComparedMetric.PERPLEXITY_RATIO),
                metrics.get(ComparedMetric.TAIL_COVERAGE), metrics.get(ComparedMetric.DISTINCT_2),
                metrics.get(ComparedMetric.MEAN_WORDS), metrics.get(ComparedMetric.LENGTH_RATIO), verdicts);
    }
}
