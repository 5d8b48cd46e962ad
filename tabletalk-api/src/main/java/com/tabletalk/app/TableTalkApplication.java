package com.tabletalk.app;

import com.tabletalk.common.ApiExceptionMapper;
import com.tabletalk.common.BodySizeLimitFilter;
import com.tabletalk.common.JsonExceptionMapper;
import com.tabletalk.common.UnexpectedExceptionMapper;
import com.tabletalk.common.WebApplicationExceptionMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
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

    @Override
    public void run(TableTalkConfiguration config, Environment environment) {
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "postgresql");
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        jdbi.getConfig(Jackson2Config.class).setMapper(environment.getObjectMapper());

        var jersey = environment.jersey();
        jersey.register(new BodySizeLimitFilter(MAX_BODY_BYTES));
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());

        ExecutorService healthExecutor = environment.lifecycle().executorService("health-%d")
                .minThreads(2).maxThreads(4).workQueue(new ArrayBlockingQueue<>(16)).build();
        jersey.register(new HealthResource(environment.healthChecks(), healthExecutor, 1_800));
    }
}
