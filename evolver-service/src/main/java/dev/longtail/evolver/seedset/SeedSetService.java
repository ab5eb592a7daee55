package dev.longtail.evolver.seedset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.paging.Page;
import dev.longtail.evolver.paging.PageRequest;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;
import io.quarkus.runtime.StartupEvent;

/** Stores seed sets: validates uploads line by line and loads the bundled demo set at start-up. */
@ApplicationScoped
public class SeedSetService {

    private static final Logger LOG = Logger.getLogger(SeedSetService.class);

    /** Key of the advisory lock that serialises loading the demo set across replicas ("demoseed" in ASCII). */
    private static final long DEMO_LOAD_LOCK = 0x64656d6f73656564L;

    /** The id of the bundled demo seed set, the default of a campaign. */
    public static final String DEMO_ID = "demo";
    static final String DEMO_RESOURCE = "seeds/demo.jsonl";

    /** A seed set as the API shows it: how many seeds, and how many per category. */
    public record Summary(String id, String name, int seeds, Map<String, Integer> categories) {
    }

    private final EvolverConfig config;

    public SeedSetService(EvolverConfig config) {
        this.config = config;
    }

    /**
     * Loads {@code seeds/demo.jsonl} as seed set {@code demo} once; a broken bundled file fails the start. Replicas
     * start together: a transaction-scoped advisory lock lets one of them load it while the others wait for its
     * commit, then find the set.
     */
    @Transactional
    void loadDemo(@Observes StartupEvent start) throws IOException {
        SeedSet.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, DEMO_LOAD_LOCK)
                .getSingleResult();
        if (SeedSet.findById(DEMO_ID) != null) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                LOG.warnf("No bundled %s on the classpath: the demo seed set is not available", DEMO_RESOURCE);
                return;
            }
            var result = SeedSetParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            if (!result.valid()) {
                throw new IllegalStateException("The bundled " + DEMO_RESOURCE + " is invalid: " + result.errors());
            }
            store(DEMO_ID, "Demo seeds", result.seeds());
            LOG.infof("Loaded the demo seed set: %d seeds", result.seeds().size());
        }
    }

    /** Validates and stores an uploaded JSONL seed set, or fails with every error and its line. */
    @Transactional
    public Summary upload(String name, String body) {
        List<String> lines = body == null ? List.of() : body.lines().toList();
        if (lines.size() > config.seedSets().maxLines()) {
            throw new ProblemException(413, "Content Too Large", "A seed set may have at most "
                    + config.seedSets().maxLines() + " lines, this one has " + lines.size(), null);
        }
        if (lines.stream().allMatch(String::isBlank)) {
            throw ProblemException.badRequest("The seed set is empty: send one JSON seed per line");
        }
        var result = SeedSetParser.parse(lines);
        if (!result.valid()) {
            throw ProblemException.badRequest("The seed set has " + result.errors().size() + " invalid line(s)",
                    result.errors());
        }
        if (result.seeds().size() < config.seedSets().minSeeds()) {
            throw ProblemException.badRequest("A seed set needs at least " + config.seedSets().minSeeds()
                    + " seeds, this one has " + result.seeds().size(),
                    List.of(new Problem.Violation("seeds", null, "at least " + config.seedSets().minSeeds()
                            + " seeds are needed")));
        }
        return store(UUID.randomUUID().toString(), name.strip(), result.seeds());
    }

    /** A page of seed sets, the newest first. */
    @Transactional
    public Page<Summary> list(PageRequest request) {
        var query = SeedSet.<SeedSet>find("order by createdAt desc, id");
        List<SeedSet> sets = query.page(request.page(), request.size()).list();
        return Page.of(sets.stream().map(set -> summarise(set, SeedSetSeed.ofSet(set.id))).toList(), request,
                query.count());
    }

    @Transactional
    public Optional<Summary> find(String id) {
        return SeedSet.<SeedSet>findByIdOptional(id).map(set -> summarise(set, SeedSetSeed.ofSet(set.id)));
    }

    /** The seeds of a set in upload order; empty when the set does not exist. */
    @Transactional
    public Optional<List<Seed>> seeds(String id) {
        if (SeedSet.findById(id) == null) {
            return Optional.empty();
        }
        return Optional.of(SeedSetSeed.ofSet(id).stream().map(seed -> seed.text.toSeed()).toList());
    }

    private Summary store(String id, String name, List<Seed> seeds) {
        var set = new SeedSet();
        set.id = id;
        set.name = name;
        set.createdAt = Instant.now();
        set.persist();
        int position = 0;
        for (Seed seed : seeds) {
            var row = new SeedSetSeed();
            row.seedSetId = id;
            row.position = position++;
            row.text = SeedText.of(seed);
            row.persist();
        }
        return new Summary(id, name, seeds.size(), categories(seeds.stream().map(Seed::category).toList()));
    }

    private static Summary summarise(SeedSet set, List<SeedSetSeed> seeds) {
        return new Summary(set.id, set.name, seeds.size(),
                categories(seeds.stream().map(seed -> seed.text.category()).toList()));
    }

    private static Map<String, Integer> categories(List<String> categories) {
        Map<String, Integer> counts = new TreeMap<>();
        categories.forEach(category -> counts.merge(category, 1, Integer::sum));
        return counts;
    }
}
