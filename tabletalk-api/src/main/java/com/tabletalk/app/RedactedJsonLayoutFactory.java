package com.tabletalk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.util.TimeZone;

/**
 * Dropwizard's JSON layout ({@code type: json} and all its options), each finished line passed through
 * {@link LogRedaction}: the README promises no session ids, tokens or client addresses in the logs, whoever logs.
 */
@JsonTypeName("redacted-json")
public class RedactedJsonLayoutFactory extends EventJsonLayoutBaseFactory {

    @Override
    public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        LayoutBase<ILoggingEvent> json = super.build(context, timeZone);
        LayoutBase<ILoggingEvent> redacted = new LayoutBase<>() {
            @Override
            public String doLayout(ILoggingEvent event) {
                return LogRedaction.redact(json.doLayout(event));
            }

            @Override
            public void start() {
                json.start();
                super.start();
            }

            @Override
            public void stop() {
                super.stop();
                json.stop();
            }
        };
        redacted.setContext(context);
        return redacted;
    }
}
