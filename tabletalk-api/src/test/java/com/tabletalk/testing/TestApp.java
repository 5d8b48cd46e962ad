package com.tabletalk.testing;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;

/** The real application on random ports, with the real config.yml, against a test database. */
public final class TestApp {

    public static final String FRONTEND = "http://frontend.test";

    private TestApp() {}

    public static DropwizardAppExtension<TableTalkConfiguration> extension(
            TestDatabase database, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(
                TableTalkApplication.class, ProjectFiles.config().toString(), overrides(database, extra));
    }

    /** Tests create many sessions from one address, so rate limits are off here; see {@link #withRateLimits}. */
    public static ConfigOverride[] overrides(TestDatabase database, ConfigOverride... extra) {
        return build(database, "false", extra);
    }

    /** Rate limits on, as in production. */
    public static ConfigOverride[] withRateLimits(TestDatabase database, ConfigOverride... extra) {
        return build(database, "true", extra);
    }

    /**
     * Overrides travel as system properties, which two apps started in one class may restore out of order; so
     * every app states every setting that some test changes, and each key appears once (the first one counts).
     */
    private static ConfigOverride[] build(TestDatabase database, String rateLimits, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("web.frontendUrl", FRONTEND),
                ConfigOverride.config("rateLimits.enabled", rateLimits),
                // Tests read the event log right after the step that logs: events are written as they come.
                ConfigOverride.config("events.batchLinger", "0ms")));
        overrides.addAll(List.of(extra));
        return overrides.toArray(ConfigOverride[]::new);
    }
}
