package com.tabletalk.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.tabletalk.account.AccountDao;
import com.tabletalk.account.AccountMail;
import com.tabletalk.account.AccountService;
import com.tabletalk.account.AdminCommand;
import com.tabletalk.account.AuditLog;
import com.tabletalk.account.AuditResource;
import com.tabletalk.account.ConsoleAuth;
import com.tabletalk.account.ConsoleAuthResource;
import com.tabletalk.account.ConsoleSessionDao;
import com.tabletalk.account.ConsoleSessions;
import com.tabletalk.account.InviteResource;
import com.tabletalk.account.PasswordResetResource;
import com.tabletalk.account.Passwords;
import com.tabletalk.account.SignedInResponses;
import com.tabletalk.app.TableTalkConfiguration.MetricsConfig;
import com.tabletalk.common.BodySizeLimitFilter;
import com.tabletalk.common.CorsFilter;
import com.tabletalk.common.ErrorEnvelope;
import com.tabletalk.common.FailureMapper;
import com.tabletalk.common.FrontendLinks;
import com.tabletalk.common.JettyErrorHandler;
import com.tabletalk.common.RateLimiter;
import com.tabletalk.common.SecurityHeadersFilter;
import com.tabletalk.event.EventJanitor;
import com.tabletalk.event.EventWriter;
import com.tabletalk.insight.EventExport;
import com.tabletalk.insight.InsightDao;
import com.tabletalk.insight.InsightFinalizer;
import com.tabletalk.insight.InsightRecomputeTask;
import com.tabletalk.insight.InsightResource;
import com.tabletalk.insight.InsightRollups;
import com.tabletalk.insight.Insights;
import com.tabletalk.insight.PlatformInsightResource;
import com.tabletalk.live.ChangeListener;
import com.tabletalk.live.ChangeNotices;
import com.tabletalk.live.ChangeNotifier;
import com.tabletalk.live.LiveEndpoint;
import com.tabletalk.live.LiveHub;
import com.tabletalk.live.Presence;
import com.tabletalk.live.PresenceDao;
import com.tabletalk.qr.QrResource;
import com.tabletalk.question.ContextResource;
import com.tabletalk.question.QuestionCatalog;
import com.tabletalk.question.QuestionCsv;
import com.tabletalk.question.QuestionDao;
import com.tabletalk.question.QuestionLibrary;
import com.tabletalk.question.QuestionLibraryResource;
import com.tabletalk.restaurant.ConsoleRestaurantDao;
import com.tabletalk.restaurant.ConsoleRestaurantResource;
import com.tabletalk.restaurant.ConsoleRestaurants;
import com.tabletalk.restaurant.ConsoleTableResource;
import com.tabletalk.restaurant.ConsoleTables;
import com.tabletalk.restaurant.DinerTableResource;
import com.tabletalk.restaurant.DinerTables;
import com.tabletalk.restaurant.TableDao;
import com.tabletalk.session.JoinCodeResource;
import com.tabletalk.session.JoinCodes;
import com.tabletalk.session.ReclaimResource;
import com.tabletalk.session.SeatReclaims;
import com.tabletalk.session.SessionDao;
import com.tabletalk.session.SessionEvents;
import com.tabletalk.session.SessionJanitor;
import com.tabletalk.session.SessionResource;
import com.tabletalk.session.SessionService;
import com.tabletalk.visit.EventPlaceDao;
import com.tabletalk.visit.EventPlaces;
import com.tabletalk.visit.EventResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.LoggerFactory;

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
        bootstrap.addCommand(new AdminCommand<>(
                TableTalkConfiguration.class,
                TableTalkConfiguration::getDatabase,
                TableTalkConfiguration::getAccount,
                config -> config.getWeb().links()));
        // JVM metrics (memory, threads, GC) for dashboards; the launcher would add them too, test harnesses do not.
        bootstrap.registerMetrics();
    }

    @Override
    protected void addDefaultCommands(Bootstrap<TableTalkConfiguration> bootstrap) {
        bootstrap.addCommand(new ServerCommand<>(this));
        bootstrap.addCommand(new CheckConfigCommand(this));
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
        // Nor is true a table token: a string field takes a JSON string and nothing else.
        for (CoercionInputShape scalar : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
    }

    @Override
    public void run(TableTalkConfiguration config, Environment environment) {
        configureJson(environment.getObjectMapper());
        ResidentMemory.register(environment.metrics());
        ManagedDataSource dataSource = config.getDatabase().build(environment.metrics(), "postgresql");
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), dataSource, "postgresql");
        jdbi.setTemplateEngine(new NamedStatements());
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        jdbi.getConfig(Jackson2Config.class).setMapper(environment.getObjectMapper());

        QuestionCatalog questions = new QuestionCatalog(new QuestionDao(jdbi));
        EventWriter eventLog = new EventWriter(
                jdbi,
                environment.getObjectMapper(),
                environment.metrics(),
                50_000,
                config.getEvents().linger());
        environment.lifecycle().manage(eventLog);
        environment.lifecycle().manage(new EventJanitor(jdbi, config.getEvents(), Clock.systemUTC()));
        SessionEvents sessionEvents = new SessionEvents(eventLog, config.getSessions(), Clock.systemUTC());
        SessionService sessions = new SessionService(
                new SessionDao(jdbi),
                questions,
                sessionEvents,
                config.getSessions(),
                Clock.systemUTC(),
                environment.metrics());
        environment
                .lifecycle()
                .manage(new SessionJanitor(sessions, config.getSessions().cleanupInterval()));

        // Cancelled hello timeouts leave the queue at once instead of holding a socket's memory for 10 s.
        ScheduledExecutorService liveScheduler = environment
                .lifecycle()
                .scheduledExecutorService("live-scheduler-%d")
                .threads(2)
                .removeOnCancelPolicy(true)
                .build();
        ExecutorService fanout = environment
                .lifecycle()
                .executorService("live-fanout-%d")
                .minThreads(4)
                .maxThreads(4)
                .build();
        Presence presence = new Presence(new PresenceDao(jdbi), sessions, config.getSessions());
        LiveHub hub = new LiveHub(
                sessions, presence, fanout, liveScheduler, environment.getObjectMapper(), environment.metrics());
        environment.lifecycle().manage(hub);
        // One per instance: it names this instance in what it announces, so that its listener passes over its own
        // notices.
        ChangeNotices notices = new ChangeNotices(environment.getObjectMapper());
        ChangeNotifier notifier = new ChangeNotifier(jdbi, notices, environment.metrics());
        environment.lifecycle().manage(notifier);
        sessions.addListener(hub);
        sessions.addListener(notifier);
        environment
                .lifecycle()
                .manage(new ChangeListener(
                        config.getDatabase()::openDedicatedConnection, hub, notices, environment.metrics()));
        LiveEndpoint.register(
                environment.getApplicationContext(),
                config.getWeb().frontendOrigin(),
                hub,
                sessions,
                presence,
                liveScheduler,
                environment.getObjectMapper(),
                environment.metrics(),
                config.getWeb().liveCompression());

        RateLimiter rateLimiter =
                new RateLimiter(dataSource, config.getRateLimits().enabled(), environment.metrics());
        liveScheduler.scheduleWithFixedDelay(rateLimiter::removeExpiredQuietly, 1, 1, TimeUnit.MINUTES);

        String frontendOrigin = config.getWeb().frontendOrigin();
        ErrorEnvelope envelope = new ErrorEnvelope(environment.getObjectMapper());
        // Jetty's own refusals: in the application (sendError, disallowed methods) and before it (URI, headers).
        SecurityHeadersFilter securityHeaders =
                new SecurityHeadersFilter(config.getRateLimits().trustedProxyHops());
        JettyErrorHandler jettyErrors = new JettyErrorHandler(envelope, securityHeaders);
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        // First on the path, so that every answer under /api carries them, whichever filter or servlet writes it.
        environment
                .servlets()
                .addFilter("security-headers", securityHeaders)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment
                .servlets()
                .addFilter("cors", new CorsFilter(frontendOrigin, envelope))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        registerMetrics(config, environment, envelope);

        var jersey = environment.jersey();
        jersey.register(
                new BodySizeLimitFilter(MAX_BODY_BYTES, Map.of("console/questions/import", QuestionCsv.MAX_BYTES)));
        jersey.register(new FailureMapper(envelope));

        ExecutorService healthExecutor = environment
                .lifecycle()
                .executorService("health-%d")
                .minThreads(2)
                .maxThreads(4)
                .workQueue(new ArrayBlockingQueue<>(16))
                .build();
        jersey.register(new HealthResource(environment.healthChecks(), healthExecutor, 1_800));
        jersey.register(new ContextResource(questions));
        FrontendLinks links = config.getWeb().links();
        DinerTables dinerTables = new DinerTables(jdbi.onDemand(TableDao.class));
        jersey.register(new DinerTableResource(dinerTables));
        JoinCodes joinCodes = new JoinCodes(new SessionDao(jdbi), sessions);
        jersey.register(
                new SessionResource(sessions, dinerTables, links, rateLimiter, config.getRateLimits(), joinCodes));
        jersey.register(new JoinCodeResource(joinCodes, rateLimiter, config.getRateLimits()));
        jersey.register(new ReclaimResource(
                new SeatReclaims(sessions, sessionEvents, config.getSessions(), Clock.systemUTC()),
                rateLimiter,
                config.getRateLimits()));
        jersey.register(new QrResource(links));
        jersey.register(new EventResource(
                environment.getObjectMapper(),
                new EventPlaces(jdbi.onDemand(EventPlaceDao.class), Clock.systemUTC(), Duration.ofMinutes(1)),
                eventLog,
                rateLimiter,
                config.getRateLimits(),
                Clock.systemUTC(),
                environment.metrics()));

        AuditLog audit = new AuditLog(jdbi, environment.getObjectMapper());
        ConsoleSessions consoleSessions =
                new ConsoleSessions(jdbi.onDemand(ConsoleSessionDao.class), config.getAccount());
        liveScheduler.scheduleWithFixedDelay(consoleSessions::removeExpiredQuietly, 1, 60, TimeUnit.MINUTES);
        AccountService accounts = new AccountService(
                jdbi,
                new Passwords(),
                consoleSessions,
                AccountMail.from(config.getAccount(), links),
                audit,
                config.getAccount(),
                links,
                rateLimiter);
        int proxyHops = config.getRateLimits().trustedProxyHops();
        SignedInResponses signedIn = new SignedInResponses(consoleSessions, jdbi.onDemand(AccountDao.class), proxyHops);
        ConsoleAuth.register(jersey, consoleSessions, frontendOrigin, envelope);
        jersey.register(new ConsoleAuthResource(accounts, consoleSessions, signedIn, proxyHops));
        jersey.register(new InviteResource(accounts, signedIn));
        jersey.register(new PasswordResetResource(accounts, signedIn, proxyHops));
        ConsoleRestaurants consoleRestaurants =
                new ConsoleRestaurants(jdbi.onDemand(ConsoleRestaurantDao.class), accounts, audit);
        jersey.register(new ConsoleRestaurantResource(
                consoleRestaurants, accounts, config.getSessions().recommendAfterCards()));
        jersey.register(new AuditResource(audit));
        jersey.register(new ConsoleTableResource(new ConsoleTables(jdbi.onDemand(TableDao.class), audit, links)));
        Insights insights =
                new Insights(consoleRestaurants, jdbi.onDemand(InsightRollups.class), jdbi.onDemand(InsightDao.class));
        jersey.register(new InsightResource(
                insights, new EventExport(jdbi, environment.getObjectMapper().getFactory())));
        jersey.register(new PlatformInsightResource(insights));
        // Asking the catalog for an id no question has makes it load the library again, so that the next deal
        // sees an added, edited, retired or restored question at once (on this instance).
        jersey.register(new QuestionLibraryResource(new QuestionLibrary(jdbi, audit)));
        environment.lifecycle().manage(new InsightFinalizer(insights, Duration.ofMinutes(5), Clock.systemUTC()));
        environment.admin().addTask(new InsightRecomputeTask(insights));
    }

    /** Prometheus text: openly on the admin port, and on the public port only with the metrics token. */
    private static void registerMetrics(
            TableTalkConfiguration config, Environment environment, ErrorEnvelope envelope) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
        environment
                .servlets()
                .addServlet("metrics", new MetricsServlet(config.getPrometheus().bearerToken(), prometheus, envelope))
                .addMapping("/api/metrics");
        if (config.getPrometheus().isConfiguredButTooShort()) {
            LoggerFactory.getLogger(TableTalkApplication.class)
                    .warn(
                            "METRICS_TOKEN is shorter than {} characters; /api/metrics stays off",
                            MetricsConfig.MIN_TOKEN_LENGTH);
        }
    }
}
