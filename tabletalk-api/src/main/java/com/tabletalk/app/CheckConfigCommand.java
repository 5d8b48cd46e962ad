package com.tabletalk.app;

import io.dropwizard.core.cli.CheckCommand;

/** Dropwizard's {@code check}, whose "Configuration is OK" reaches the output before the process exits. */
final class CheckConfigCommand extends CheckCommand<TableTalkConfiguration> {

    CheckConfigCommand(TableTalkApplication application) {
        super(application);
    }

    @Override
    protected void cleanup() {
        super.cleanup();
        CommandLogging.finish();
    }
}
