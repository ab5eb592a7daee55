package dev.longtail.devstack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The devstack main's arguments. */
class DevStackMainTest {

    @Test
    void shouldUseTheFixedLocalPortsWithoutArguments() {
        var options = DevStackMain.parse(new String[0]);
        assertEquals(9092, options.kafkaPort());
        assertEquals(5433, options.postgresPort());
    }

    @Test
    void shouldTakePortsFromArguments() {
        var options = DevStackMain.parse(new String[] {"--kafka-port", "19092", "--postgres-port", "15433"});
        assertEquals(19092, options.kafkaPort());
        assertEquals(15433, options.postgresPort());
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> DevStackMain.parse(new String[] {"--kafka-port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> DevStackMain.parse(new String[] {"--postgres-port"}));
        assertThrows(IllegalArgumentException.class, () -> DevStackMain.parse(new String[] {"--verbose"}));
    }
}
