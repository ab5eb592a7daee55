package dev.longtail.curator.decision;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.embeddings.HnswVectorIndex;
import dev.longtail.embeddings.LazyMiniLm;
import dev.longtail.support.ProblemException;
import dev.longtail.support.admin.CampaignCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory curation pipeline of each campaign (the novelty state of its accepted samples). A pipeline is only a
 * cache: on a miss (first sample, restart, a rolled-back transaction, changed hashing settings) it is rebuilt from
 * the accepted decisions in the database, so decisions never depend on the process's history. Callers synchronise on
 * the returned pipeline while they use it. The end of a campaign, and {@code POST /admin/caches/evict}, free its
 * pipeline.
 */
@ApplicationScoped
public class CurationSessions implements CampaignCache {

    private record Entry(CurationPipeline pipeline) {
    }

    private final LazyMiniLm embedder;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public CurationSessions(LazyMiniLm embedder) {
        this.embedder = embedder;
    }

    /**
     * The campaign's pipeline for a configuration; call it inside the transaction that holds the campaign's lock. A
     * cached pipeline that does not hold exactly the accepted decisions of the database (another instance curated
     * the campaign while its partition was elsewhere), hashes differently, or lacks the embeddings the semantic stage
     * now needs, is rebuilt.
     */
    public CurationPipeline of(String campaignId, CurationConfig config) {
        Entry cached = sessions.get(campaignId);
        boolean needEmbeddings = config.semanticEnabled();
        if (cached != null && cached.pipeline().hashing().sameHashing(config)
                && cached.pipeline().acceptedCount() == acceptedInDatabase(campaignId)
                && (!needEmbeddings || cached.pipeline().embeddedCount() == cached.pipeline().acceptedCount())) {
            return cached.pipeline();
        }
        Entry rebuilt = rebuild(campaignId, config, needEmbeddings);
        sessions.put(campaignId, rebuilt);
        return rebuilt.pipeline();
    }

    /**
     * The pipeline of a campaign the curator knows, to check samples against its accepted history without joining
     * it; 404 for a campaign it has never heard of.
     */
    @Transactional
    public CurationPipeline ofKnown(String campaignId, CurationConfig config) {
        if (!CampaignReference.known(campaignId)) {
            throw ProblemException.notFound("campaign", campaignId);
        }
        return of(campaignId, config);
    }

    /** A pipeline of its own for a batch judged only against itself (nothing is cached). */
    public CurationPipeline standalone(CurationConfig config) {
        return new CurationPipeline(config, embedder, HnswVectorIndex::new);
    }

    private static long acceptedInDatabase(String campaignId) {
        return SampleDecision.count("campaignId = ?1 and status = ?2", campaignId, SampleDecision.Status.ACCEPTED);
    }

    /** Drops the campaign's pipeline, e.g. after a transaction that changed it rolled back. */
    public void forget(String campaignId) {
        sessions.remove(campaignId);
    }

    @Override
    public String name() {
        return "curation-sessions";
    }

    @Override
    public boolean evict(String campaignId) {
        return sessions.remove(campaignId) != null;
    }

    @Override
    public int size() {
        return sessions.size();
    }

    /** Drops every cached pipeline (hashing settings changed). */
    public void forgetAll() {
        sessions.clear();
    }

    private Entry rebuild(String campaignId, CurationConfig config, boolean embed) {
        var pipeline = standalone(config);
        List<SampleDecision> accepted = SampleDecision.list(
                "campaignId = ?1 and status = ?2 order by decidedAt, sampleId", campaignId, SampleDecision.Status.ACCEPTED);
        List<CurationSample> samples = accepted.stream()
                .map(d -> new CurationSample(d.sampleId, d.instruction, d.input, d.output)).toList();
        pipeline.remember(samples, embed);
        return new Entry(pipeline);
    }
}
