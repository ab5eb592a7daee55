package dev.longtail.curator.decision;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.curator.CuratorConfig;
import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The synchronous curation of a platform's own batch: with a campaign id, judged against that campaign's accepted
 * history (without joining it); without one, only against itself. Nothing is stored.
 */
@ApplicationScoped
public class BatchCuration {

    private final CurationSettings settings;
    private final CurationSessions sessions;
    private final CuratorConfig config;
    private final MeterRegistry registry;

    public BatchCuration(CurationSettings settings, CurationSessions sessions, CuratorConfig config,
            MeterRegistry registry) {
        this.settings = settings;
        this.sessions = sessions;
        this.config = config;
        this.registry = registry;
    }

    /** A decision per sample, in request order; 413 for a batch over the limit, 400 for a repeated sample id. */
    public CurateResponse curate(CurateRequest request) {
        List<CurationSample> samples = samplesOf(request);
        CurationConfig chain = settings.forApi(request.semantic());
        List<SampleVerdict> verdicts;
        String campaignId = null;
        if (request.campaignId() != null) {
            campaignId = Ids.uuid(request.campaignId(), "campaignId").toString();
            CurationPipeline pipeline = sessions.ofKnown(campaignId, chain);
            synchronized (pipeline) {
                verdicts = pipeline.check(samples, chain);
            }
        } else {
            verdicts = sessions.standalone(chain).check(samples, chain);
        }
        Map<String, Integer> byReason = new TreeMap<>();
        int accepted = 0;
        for (SampleVerdict v : verdicts) {
            String reason = v.accepted() ? "ACCEPTED" : v.decision().reason().name();
            registry.counter("longtail.curator.api.decisions", "outcome", reason).increment();
            if (v.accepted()) {
                accepted++;
            } else {
                byReason.merge(reason, 1, Integer::sum);
            }
        }
        return new CurateResponse(campaignId, verdicts.size(), accepted, verdicts.size() - accepted, byReason,
                verdicts.stream().map(CurateResponse.VerdictView::of).toList());
    }

    /** The request's samples, once its size is within the configured limit and its ids are unique. */
    private List<CurationSample> samplesOf(CurateRequest request) {
        int limit = config.api().maxBatchSize();
        if (request.samples().size() > limit) {
            throw new ProblemException(413, "Payload Too Large", "a request holds at most " + limit + " samples (longtail"
                    + ".curator.api.max-batch-size), this one has " + request.samples().size(), List.of());
        }
        Set<String> ids = new HashSet<>();
        List<CurationSample> samples = new ArrayList<>();
        for (CurateRequest.SampleIn s : request.samples()) {
            if (!ids.add(s.id())) {
                throw ProblemException.badRequest("sample id " + s.id() + " appears more than once");
            }
            samples.add(new CurationSample(s.id(), s.instruction(), s.input(), s.output()));
        }
        return samples;
    }
}
