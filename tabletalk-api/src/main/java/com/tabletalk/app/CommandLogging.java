package com.tabletalk.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * The end of a one-shot command's logging. Dropwizard's own flush waits only until the asynchronous appender's
 * queue is empty, not until its worker has written the line it took last; the JVM then exits under that daemon
 * worker, and ops miss lines such as "Configuration is OK". Stopping the appender joins the worker after it has
 * written everything.
 */
final class CommandLogging {

    private CommandLogging() {}

    static void finish() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof AsyncAppenderBase<?> async) {
                async.stop();
            }
        }
    }
}
