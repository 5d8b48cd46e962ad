package com.tabletalk.testing;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import io.dropwizard.testing.DropwizardTestSupport;

/** Two instances of the real application on one database, as the platform runs them behind one load balancer. */
public final class TwoInstances implements AutoCloseable {

    private DropwizardTestSupport<TableTalkConfiguration> first;
    private final DropwizardTestSupport<TableTalkConfiguration> second;

    private TwoInstances(DropwizardTestSupport<TableTalkConfiguration> first, DropwizardTestSupport<TableTalkConfiguration> second) {
        this.first = first;
        this.second = second;
    }

    /** Starts both with the settings every test app uses (rate limits off). */
    public static TwoInstances start(TestDatabase database) throws Exception {
        TwoInstances instances = new TwoInstances(support(database), support(database));
        instances.first.before();
        instances.second.before();
        return instances;
    }

    private static DropwizardTestSupport<TableTalkConfiguration> support(TestDatabase database) {
        return new DropwizardTestSupport<>(TableTalkApplication.class, ProjectFiles.config().toString(), TestApp.overrides(database));
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

    /** Stops the first instance as a deploy would; its sockets are closed with 1001. */
    public void stopFirst() {
        if (first != null) {
            first.after();
            first = null;
        }
    }

    @Override
    public void close() {
        stopFirst();
        second.after();
    }
}
