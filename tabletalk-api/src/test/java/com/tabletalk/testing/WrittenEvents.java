package com.tabletalk.testing;

import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.event.EventWriter;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** The running app's event writer, so that a test can wait until what was recorded is written. */
public final class WrittenEvents {

    private WrittenEvents() {}

    public static EventWriter writerOf(DropwizardAppExtension<TableTalkConfiguration> app) {
        return app.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance)
                .map(managed -> ((JettyManaged) managed).getManaged())
                .filter(EventWriter.class::isInstance)
                .map(EventWriter.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The app manages no EventWriter"));
    }
}
