package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.FrontendLinks;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.Map;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code java -jar tabletalk-api.jar admin invite --email ops@example.com config.yml}: prints a one-time link with
 * which that person sets their password and becomes an admin. This is how the first admin is made; there is no
 * default account or password.
 */
public class AdminCommand<C extends Configuration> extends ConfiguredCommand<C> {

    private final Class<C> configurationClass;
    private final Function<C, DataSourceFactory> database;
    private final Function<C, AccountConfig> account;
    private final Function<C, FrontendLinks> links;

    /** The application's configuration class, and the parts of it the command needs, each read by one function. */
    public AdminCommand(
            Class<C> configurationClass,
            Function<C, DataSourceFactory> database,
            Function<C, AccountConfig> account,
            Function<C, FrontendLinks> links) {
        super("admin", "Console administration: 'admin invite --email ADDRESS config.yml' prints an admin invite link");
        this.configurationClass = configurationClass;
        this.database = database;
        this.account = account;
        this.links = links;
    }

    /** Named here because the type parameter of a generic command is erased by the time Dropwizard looks. */
    @Override
    protected Class<C> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("invite").help("what to do: invite prints an admin invite link");
        subparser.addArgument("--email").required(true).help("the email address of the person to invite");
        super.configure(subparser);
    }

    /** One line instead of a stack trace; the cause's message never holds the database password. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("admin failed: " + error.getMessage());
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C config) throws Exception {
        String email;
        try {
            email = Emails.normalize(namespace.getString("email"));
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ManagedDataSource dataSource = database.apply(config).build(bootstrap.getMetricRegistry(), "admin");
        dataSource.start();
        try {
            Jdbi jdbi =
                    Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
            String token = Tokens.newToken();
            jdbi.onDemand(AccountDao.class)
                    .insertInvite(
                            Tokens.hash(token),
                            email,
                            Role.ADMIN.name(),
                            null,
                            null,
                            AccountService.seconds(account.apply(config).inviteLifetime()));
            new AuditLog(jdbi, bootstrap.getObjectMapper())
                    .record(
                            null,
                            "invite.created",
                            null,
                            Map.of("email", email, "role", Role.ADMIN.name(), "by", "command line"));
            System.out.println(links.apply(config).consoleInvite(token));
        } finally {
            dataSource.stop();
        }
    }
}
