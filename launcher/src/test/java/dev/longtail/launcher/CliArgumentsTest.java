package dev.longtail.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: options, defaults and usage errors. */
class CliArgumentsTest {

    private static final Set<String> DEMO = Set.of("generations", "samples", "seed", "seeds", "arms");

    @Test
    void shouldRunTheDocumentedDemoWithoutArguments() {
        var experiment = DemoExperiment.from(CliArguments.parse(List.of(), DEMO));
        assertEquals(new DemoExperiment(5, 120, List.of(42L, 43L, 44L), DemoExperiment.ARMS), experiment);
    }

    @Test
    void shouldTakeTheExperimentFromOptionsInBothSpellings() {
        var experiment = DemoExperiment.from(CliArguments.parse(
                List.of("--generations", "2", "--samples=40", "--seed", "-7", "--seeds=1", "--arms", "longtail"), DEMO));
        assertEquals(new DemoExperiment(2, 40, List.of(-7L), List.of(DemoExperiment.ARMS.get(2))), experiment);
    }

    @Test
    void shouldRejectUnknownOptionsMissingValuesAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CliArguments.parse(List.of("--generation", "2"), DEMO));
        assertThrows(IllegalArgumentException.class, () -> CliArguments.parse(List.of("--samples"), DEMO));
        assertThrows(IllegalArgumentException.class, () -> CliArguments.parse(List.of("5"), DEMO));
        var zero = CliArguments.parse(List.of("--generations", "0"), DEMO);
        assertThrows(IllegalArgumentException.class, () -> DemoExperiment.from(zero));
        var words = CliArguments.parse(List.of("--samples", "many"), DEMO);
        assertThrows(IllegalArgumentException.class, () -> DemoExperiment.from(words));
    }

    @Test
    void shouldApplyPortOptionsToTheDefaultPorts() {
        var options = CliArguments.parse(List.of("--curator-port", "18083", "--kafka-port", "19092"),
                CliArguments.STACK_OPTIONS).stackOptions();
        assertEquals(8081, options.port("generator"));
        assertEquals(8082, options.port("evolver"));
        assertEquals(18083, options.port("curator"));
        assertEquals(8084, options.port("evaluator"));
        assertEquals(19092, options.kafkaPort());
        assertEquals(5433, options.postgresPort());
    }

    @Test
    void shouldRunOneInstancePerServiceUnlessReplicasAreAsked() {
        assertEquals(1, CliArguments.parse(List.of(), CliArguments.STACK_OPTIONS).stackOptions().replicas());
        assertEquals(2, CliArguments.parse(List.of("--replicas", "2"), CliArguments.STACK_OPTIONS)
                .stackOptions().replicas());
    }

    @Test
    void shouldRefuseMoreReplicasThanTheTopicsHavePartitions() {
        var tooMany = CliArguments.parse(List.of("--replicas", String.valueOf(StackOptions.MAX_REPLICAS + 1)),
                CliArguments.STACK_OPTIONS);
        var error = assertThrows(IllegalArgumentException.class, tooMany::stackOptions);
        assertTrue(error.getMessage().contains("partitions"), error.getMessage());
        var none = CliArguments.parse(List.of("--replicas", "0"), CliArguments.STACK_OPTIONS);
        assertThrows(IllegalArgumentException.class, none::stackOptions);
    }

    @Test
    void shouldRefuseTwoThingsOnOnePort() {
        var clash = CliArguments.parse(List.of("--curator-port", "8081"), CliArguments.STACK_OPTIONS);
        assertThrows(IllegalArgumentException.class, clash::stackOptions);
        var tooHigh = CliArguments.parse(List.of("--kafka-port", "70000"), CliArguments.STACK_OPTIONS);
        assertThrows(IllegalArgumentException.class, tooHigh::stackOptions);
    }

    @Test
    void shouldGiveEachServiceAManagementPortAThousandAboveItsHttpPort() {
        var options = CliArguments.parse(List.of("--evolver-port", "28082"), CliArguments.STACK_OPTIONS).stackOptions();
        assertEquals(29082, options.managementPort("evolver"));
        assertEquals(9081, options.managementPort("generator"));
        // Kafka on the generator's management port
        var clash = CliArguments.parse(List.of("--kafka-port", "9081"), CliArguments.STACK_OPTIONS);
        assertThrows(IllegalArgumentException.class, clash::stackOptions);
    }

    @Test
    void shouldExitWithUsageForUnknownCommandsAndOptions() {
        var cli = new LongtailCli(System.out, false);
        assertEquals(LongtailCli.USAGE, cli.run(List.of()));
        assertEquals(LongtailCli.USAGE, cli.run(List.of("deploy")));
        assertEquals(LongtailCli.USAGE, cli.run(List.of("demo", "--turbo", "yes")));
        assertEquals(LongtailCli.OK, cli.run(List.of("help")));
        assertTrue(LongtailCli.USAGE_TEXT.contains("demo [--generations 5] [--samples 120] [--seed 42] [--seeds 3]"));
        assertTrue(LongtailCli.USAGE_TEXT.contains("[--arms control,common-practice,longtail] [--timeout 30m]"));
    }
}
