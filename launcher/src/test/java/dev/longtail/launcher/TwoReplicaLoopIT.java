package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop scaled out: two instances of every service over the devstack (one Kafka consumer group and one
 * schema per service, the topics' three partitions shared between the instances), three campaigns at once. Every
 * campaign completes with exact counts: every evolved seed decided exactly once, one sealed version and one
 * evaluation per generation, nothing dead-lettered. Runs with {@code -Pe2e}.
 */
class TwoReplicaLoopIT {

    /** Two by default; {@code -Dlongtail.it.replicas=1} runs the same campaigns on one instance each, to compare times. */
    private static final int REPLICAS = Integer.getInteger("longtail.it.replicas", 2);
    private static final int CAMPAIGNS = 3;
    private static final int GENERATIONS = 2;
    private static final int SAMPLES = 30;
    private static final List<String> GROUPS =
            List.of("longtail-generator", "longtail-evolver", "longtail-curator", "longtail-evaluator");

    private static LongtailStack stack;

    @BeforeAll
    static void startStack() {
        stack = LongtailStack.start(StackOptions.ephemeral().withReplicas(REPLICAS));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldCompleteConcurrentCampaignsWithEverySampleDecidedOnceAndEveryVersionSealedOnce() throws Exception {
        assertEquals(StackOptions.SERVICES.size() * REPLICAS, stack.instanceUrls().size(), stack.instanceUrls().toString());
        var client = CampaignClient.of(stack);
        long started = System.nanoTime();
        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < CAMPAIGNS; c++) {
            campaigns.add(client.createCampaign("two-replicas-" + c, "demo", GENERATIONS, SAMPLES, 100 + c));
        }
        for (String id : campaigns) {
            JsonNode report = client.awaitReport(id, Duration.ofMinutes(10), progress -> { });
            assertTrue(report.path("complete").asBoolean(), report.toString());
            assertEquals(GENERATIONS, report.path("completedGenerations").asInt(), report.toString());
        }
        System.out.printf(java.util.Locale.ROOT, "%d campaigns of %d generations × %d samples on %d instance(s) per"
                + " service: %.1f s%n", CAMPAIGNS, GENERATIONS, SAMPLES, REPLICAS, (System.nanoTime() - started) / 1e9);

        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), "longtail", "longtail")) {
            for (String id : campaigns) {
                for (int g = 1; g <= GENERATIONS; g++) {
                    String where = "campaign " + id + ", generation " + g;
                    long evolved = count(db, "SELECT count(*) FROM evolver.pool_seed WHERE campaign_id = ?::uuid"
                            + " AND generation = ? AND origin = 'EVOLVED'", id, g);
                    assertTrue(evolved >= SAMPLES, "the evolver evolved the generation's seeds: " + where);
                    assertEquals(evolved, count(db, "SELECT count(*) FROM curator.decision WHERE campaign_id = ?"
                            + " AND generation = ?", id, g), "one decision per evolved seed: " + where);
                    assertEquals(evolved, count(db, "SELECT count(DISTINCT seed_id) FROM curator.decision"
                            + " WHERE campaign_id = ? AND generation = ?", id, g), "no seed decided twice: " + where);
                    assertEquals(1, count(db, "SELECT count(*) FROM curator.dataset_version WHERE campaign_id = ?"
                            + " AND generation = ?", id, g), "one sealed version: " + where);
                    assertEquals(evolved, count(db, "SELECT generated FROM curator.dataset_version"
                            + " WHERE campaign_id = ? AND generation = ?", id, g), "the version counts them all: " + where);
                    assertEquals(count(db, "SELECT count(*) FROM curator.decision WHERE campaign_id = ?"
                                    + " AND generation = ? AND status = 'ACCEPTED'", id, g),
                            count(db, "SELECT accepted FROM curator.dataset_version WHERE campaign_id = ?"
                                    + " AND generation = ?", id, g), "accepted count of the version: " + where);
                    assertEquals(1, count(db, "SELECT count(*) FROM evaluator.evaluation WHERE campaign_id = ?"
                            + " AND generation = ?", id, g), "one evaluation: " + where);
                    assertEquals(1, count(db, "SELECT count(*) FROM evolver.generation WHERE campaign_id = ?::uuid"
                            + " AND generation = ?", id, g), "one generation row: " + where);
                }
            }
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all()
                    .get(30, TimeUnit.SECONDS);
            for (String group : GROUPS) {
                // one consumer per instance and incoming channel, named after the channel
                Map<String, List<MemberDescription>> byChannel = new HashMap<>();
                groups.get(group).members().forEach(m ->
                        byChannel.computeIfAbsent(m.clientId(), c -> new ArrayList<>()).add(m));
                assertTrue(!byChannel.isEmpty(), group + " has members");
                byChannel.forEach((channel, members) -> {
                    assertEquals(REPLICAS, members.size(), "every instance consumes " + channel + ": " + members);
                    members.forEach(member -> assertTrue(!member.assignment().topicPartitions().isEmpty(),
                            "every instance owns partitions of " + channel + ": " + members));
                });
            }
            assertEquals(Map.of(), deadLetters(admin), "nothing dead-lettered");
        }
    }

    /** Records per dead-letter topic that holds any. */
    private static Map<String, Long> deadLetters(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith("longtail.dlq.")).toList();
        Map<String, Long> held = new HashMap<>();
        if (topics.isEmpty()) {
            return held;
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic ->
                topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest())));
        admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).forEach((partition, offset) -> {
            if (offset.offset() > 0) {
                held.merge(partition.topic(), offset.offset(), Long::sum);
            }
        });
        return held;
    }

    private static long count(Connection db, String sql, String campaignId, int generation) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, campaignId);
            statement.setInt(2, generation);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getLong(1);
            }
        }
    }
}
