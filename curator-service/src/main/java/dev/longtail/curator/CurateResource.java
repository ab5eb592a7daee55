package dev.longtail.curator;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.embeddings.HnswVectorIndex;
import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The synchronous curation API: an ML platform sends a batch of its own samples and gets a decision per sample.
 * With a {@code campaignId} the batch is judged against that campaign's accepted history (without joining it);
 * without one, only against itself. Nothing is stored.
 */
@Path("/api/v1/curate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CurateResource {

    /** One sample of a request. */
    public record SampleIn(String id, String instruction, String input, String output) {
    }

    /** A batch; {@code semantic} switches the semantic stage for this request (default: configured). */
    public record CurateRequest(String campaignId, Boolean semantic, List<SampleIn> samples) {
    }

    /** The decision on one sample. */
    public record VerdictView(String id, boolean accepted, String reason, String stage, double score, double threshold,
            String duplicateOf, Map<String, Double> scores) {

        static VerdictView of(SampleVerdict v) {
            var d = v.decision();
            return new VerdictView(v.sampleId(), d.accepted(), d.reason() == null ? null : d.reason().name(), d.stage(),
                    d.score(), d.threshold(), v.duplicateOf(), v.scores());
        }
    }

    /** Decisions in request order, with the counts. */
    public record CurateResponse(String campaignId, int samples, int accepted, int rejected,
            Map<String, Integer> rejectedByReason, List<VerdictView> decisions) {
    }

    private final CurationSettings settings;
    private final CurationSessions sessions;
    private final LazyEmbedder embedder;
    private final CuratorConfig config;
    private final MeterRegistry registry;

    public CurateResource(CurationSettings settings, CurationSessions sessions, LazyEmbedder embedder,
            CuratorConfig config, MeterRegistry registry) {
        this.settings = settings;
        this.sessions = sessions;
        this.embedder = embedder;
        this.config = config;
        this.registry = registry;
    }

    @POST
    public CurateResponse curate(CurateRequest request) {
        List<CurationSample> samples = validate(request);
        CurationConfig chain = settings.forApi(request.semantic());
        List<SampleVerdict> verdicts;
        String campaignId = null;
        if (request.campaignId() != null) {
            campaignId = Ids.uuid(request.campaignId(), "campaignId").toString();
            String id = campaignId;
            CurationPipeline pipeline = QuarkusTransaction.requiringNew().call(() -> {
                boolean known = CampaignReference.findById(id) != null || SampleDecision.count("campaignId", id) > 0;
                if (!known) {
                    throw ProblemException.notFound("campaign", id);
                }
                return sessions.of(id, chain);
            });
            synchronized (pipeline) {
                verdicts = pipeline.check(samples, chain);
            }
        } else {
            verdicts = new CurationPipeline(chain, embedder, HnswVectorIndex::new).check(samples, chain);
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
                verdicts.stream().map(VerdictView::of).toList());
    }

    private List<CurationSample> validate(CurateRequest request) {
        if (request == null || request.samples() == null || request.samples().isEmpty()) {
            throw ProblemException.badRequest("samples must hold at least one sample");
        }
        int limit = config.api().maxBatchSize();
        if (request.samples().size() > limit) {
            throw new ProblemException(413, "Payload Too Large", "a request holds at most " + limit + " samples (longtail"
                    + ".curator.api.max-batch-size), this one has " + request.samples().size(), List.of());
        }
        Set<String> ids = new HashSet<>();
        List<CurationSample> samples = new ArrayList<>();
        for (int i = 0; i < request.samples().size(); i++) {
            SampleIn s = request.samples().get(i);
            if (s == null || s.id() == null || s.id().isBlank()) {
                throw ProblemException.badRequest("samples[" + i + "] has no id");
            }
            if (!ids.add(s.id())) {
                throw ProblemException.badRequest("sample id " + s.id() + " appears more than once");
            }
            if (s.output() == null) {
                throw ProblemException.badRequest("sample " + s.id() + " has no output");
            }
            samples.add(new CurationSample(s.id(), s.instruction(), s.input(), s.output()));
        }
        return samples;
    }
}
