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

    private TestApp() {
    }

    public static DropwizardAppExtension<TableTalkConfiguration> extension(TestDatabase database, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(TableTalkApplication.class, ProjectFiles.config().toString(), overrides(database, extra));
    }

    /** Tests create many sessions from one address, so rate limits are off here; see {@link #withRateLimits}. */
    public static ConfigOverride[] overrides(TestDatabase database, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(withRateLimits(database, extra)));
        overrides.add(ConfigOverride.config("rateLimits.enabled", "false"));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** As configured in config.yml, rate limits included. Each key may be given once (the first one counts). */
    public static ConfigOverride[] withRateLimits(TestDatabase database, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("web.frontendUrl", FRONTEND)));
        overrides.addAll(List.of(extra));
        return overrides.toArray(ConfigOverride[]::new);
    }
}
