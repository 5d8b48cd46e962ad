package com.tabletalk.dev;

import com.tabletalk.app.TableTalkApplication;
import com.tabletalk.app.TableTalkConfiguration;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;

/** The service plus the built web app, routed like the production ingress: /api to the API, the rest to files. */
final class LocalDevApplication extends TableTalkApplication {

    private final Path dist;

    LocalDevApplication(Path dist) {
        this.dist = dist;
    }

    @Override
    public void run(TableTalkConfiguration config, Environment environment) {
        super.run(config, environment);
        environment
                .servlets()
                .addServlet("web-app", new StaticSiteServlet(dist))
                .addMapping("/");
    }
}
