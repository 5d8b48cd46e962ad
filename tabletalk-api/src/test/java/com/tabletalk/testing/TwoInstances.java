package com.tabletalk.testing;

import com.codahale.metrics.MetricRegistry;
import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two instances of the real application on one database, as the platform runs them behind one load balancer,
 * with the settings every test app uses (rate limits off). A test class declares it as a static
 * {@code @RegisterExtension} field: both start before its first test and stop after its last.
 */
public final class TwoInstances implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final TestDatabase database;
    private DropwizardTestSupport<TableTalkConfiguration> first;
    private final DropwizardTestSupport<TableTalkConfiguration> second;

    private TwoInstances(TestDatabase database) {
        this.database = database;
        this.first = support(database);
        this.second = support(database);
    }

    /** Two instances on a fresh, migrated database of their own. */
    public static TwoInstances onFreshDatabase() {
        return new TwoInstances(TestPostgres.freshDatabase());
    }

    /** The database both instances use. */
    public TestDatabase database() {
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        first.before();
        second.before();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static DropwizardTestSupport<TableTalkConfiguration> support(TestDatabase database) {
        return new DropwizardTestSupport<>(
                TableTalkApplication.class, ProjectFiles.config().toString(), TestApp.overrides(database));
    }

    public int firstPort() {
        return first.getLocalPort();
    }

    public int secondPort() {
        return second.getLocalPort();
    }

    public int firstAdminPort() {
        return first.getAdminPort();
    }

    public int secondAdminPort() {
        return second.getAdminPort();
    }

    public MetricRegistry firstMetrics() {
        return first.getEnvironment().metrics();
    }

    public MetricRegistry secondMetrics() {
        return second.getEnvironment().metrics();
    }

    /** Stops the first instance as a deploy would; its sockets are closed with 1001. */
    public void stopFirst() {
        if (first != null) {
            first.after();
            first = null;
        }
    }

    /**
     * Last started, first stopped: each instance puts back the system properties (its configuration overrides) it
     * found when it started, so the other order would leave the first one's to every later test.
     */
    @Override
    public void close() {
        second.after();
        stopFirst();
    }
}
