package com.tabletalk.app;

import com.tabletalk.common.ApiExceptionMapper;
import com.tabletalk.common.BodySizeLimitFilter;
import com.tabletalk.common.JsonExceptionMapper;
import com.tabletalk.common.UnexpectedExceptionMapper;
import com.tabletalk.common.WebApplicationExceptionMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.tabletalk.analytics.AnalyticsRecorder;
import com.tabletalk.common.SecurityHeadersFilter;
import com.tabletalk.live.ChangeListener;
import com.tabletalk.live.LiveEndpoint;
import com.tabletalk.live.LiveHub;
import com.tabletalk.live.Presence;
import com.tabletalk.live.PresenceDao;
import com.tabletalk.qr.QrResource;
import com.tabletalk.question.ContextResource;
import com.tabletalk.question.QuestionCatalog;
import com.tabletalk.question.QuestionDao;
import com.tabletalk.session.SessionDao;
import com.tabletalk.session.SessionJanitor;
import com.tabletalk.session.SessionResource;
import com.tabletalk.session.SessionService;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Wires the service: configuration, database, features, health. */
public class TableTalkApplication extends Application<TableTalkConfiguration> {

    /** Largest request body any endpoint accepts. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    public static void main(String[] args) throws Exception {
        new TableTalkApplication().run(args);
    }

    @Override
    public String getName() {
        return "tabletalk";
    }

    @Override
    public void initialize(Bootstrap<TableTalkConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DatabaseCommand());
    }

    /** Strict reading of client JSON; set after config.yml is parsed, which shares this mapper. */
    private static void configureJson(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // "1" is not a version and "yes" is not a boolean: no silent coercion of client input.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    @Override
    public void run(TableTalkConfiguration config, Environment environment) {
        configureJson(environment.getObjectMapper());
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "postgresql");
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        jdbi.getConfig(Jackson2Config.class).setMapper(environment.getObjectMapper());

        QuestionCatalog questions = new QuestionCatalog(() -> jdbi.onDemand(QuestionDao.class).all());
        AnalyticsRecorder analytics = new AnalyticsRecorder(jdbi, environment.getObjectMapper(), environment.metrics(), 10_000);
        environment.lifecycle().manage(analytics);
        SessionService sessions = new SessionService(jdbi.onDemand(SessionDao.class), questions, analytics,
                config.getSessions(), Clock.systemUTC());
        environment.lifecycle().manage(new SessionJanitor(sessions, config.getSessions().cleanupInterval()));

        ScheduledExecutorService liveScheduler = environment.lifecycle().scheduledExecutorService("live-scheduler-%d")
                .threads(2).build();
        ExecutorService fanout = environment.lifecycle().executorService("live-fanout-%d").minThreads(4).maxThreads(4).build();
        Presence presence = new Presence(jdbi.onDemand(PresenceDao.class), sessions, config.getSessions());
        LiveHub hub = new LiveHub(sessions, presence, fanout, liveScheduler, environment.metrics());
        environment.lifecycle().manage(hub);
        environment.lifecycle().manage(new ChangeListener(config.getDatabase()::openDedicatedConnection, hub, environment.metrics()));
        LiveEndpoint.register(environment.getApplicationContext(), config.getWeb().frontendOrigin(), hub,
                environment.getObjectMapper(), environment.metrics());

        var jersey = environment.jersey();
        jersey.register(new BodySizeLimitFilter(MAX_BODY_BYTES));
        jersey.register(new SecurityHeadersFilter());
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());

        ExecutorService healthExecutor = environment.lifecycle().executorService("health-%d")
                .minThreads(2).maxThreads(4).workQueue(new ArrayBlockingQueue<>(16)).build();
        jersey.register(new HealthResource(environment.healthChecks(), healthExecutor, 1_800));
        jersey.register(new ContextResource(questions));
        jersey.register(new SessionResource(sessions, config.getWeb().frontendOrigin()));
        jersey.register(new QrResource(config.getWeb().frontendOrigin()));
    }
}
