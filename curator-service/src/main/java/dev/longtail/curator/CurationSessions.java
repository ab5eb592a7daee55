package dev.longtail.curator;

import dev.longtail.core.curation.CurationSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory curation session of each campaign (the MinHash index and fingerprints of its accepted
 * samples). A session is only a cache: on a miss (first sample, restart, or a rolled-back transaction) it is
 * rebuilt from the accepted decisions in the database, so decisions never depend on the process's history.
 */
@ApplicationScoped
public class CurationSessions {

    private final CuratorConfig config;
    private final Map<String, CurationSession> sessions = new ConcurrentHashMap<>();

    public CurationSessions(CuratorConfig config) {
        this.config = config;
    }

    /**
     * The campaign's session; call it inside the transaction that holds the campaign's lock. A cached session
     * that does not hold exactly the accepted decisions of the database (another instance curated the
     * campaign while its partition was elsewhere) is rebuilt.
     */
    public CurationSession of(String campaignId) {
        CurationSession cached = sessions.get(campaignId);
        if (cached != null && cached.acceptedCount() == acceptedInDatabase(campaignId)) {
            return cached;
        }
        CurationSession rebuilt = rebuild(campaignId);
        sessions.put(campaignId, rebuilt);
        return rebuilt;
    }

    private static long acceptedInDatabase(String campaignId) {
        return SampleDecision.count("campaignId = ?1 and status = ?2", campaignId, SampleDecision.Status.ACCEPTED);
    }

    /** Drops the campaign's session, e.g. after a transaction that changed it rolled back. */
    public void forget(String campaignId) {
        sessions.remove(campaignId);
    }

    private CurationSession rebuild(String campaignId) {
        var minhash = config.minhash();
        var session = new CurationSession(minhash.permutations(), minhash.shingleSize(), minhash.seed());
        List<SampleDecision> accepted = SampleDecision.list(
                "campaignId = ?1 and status = ?2 order by decidedAt, sampleId", campaignId, SampleDecision.Status.ACCEPTED);
        for (SampleDecision d : accepted) {
            session.remember(d.sampleId, d.instruction, d.output);
        }
        return session;
    }
}
