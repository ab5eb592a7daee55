package dev.longtail.support.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every service's bad-input suite (a {@code @QuarkusTest}) shares: the service's URL and database, the
 * {@link BadRequests} that sends the cases and counts them, and the table of counts printed once all have run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSuite {

    @TestHTTPResource("/")
    URI base;

    @Inject
    protected DataSource dataSource;

    protected BadRequests bad;

    /** The service's name in the printed counts. */
    protected abstract String service();

    @BeforeEach
    void connect() {
        if (bad == null) {
            bad = new BadRequests(service(), base);
        }
    }

    @AfterAll
    void printCounts() {
        if (bad != null) {
            bad.report();
        }
    }
}
