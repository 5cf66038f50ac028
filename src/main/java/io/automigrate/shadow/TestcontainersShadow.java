package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.automigrate.db.DatabaseUrl;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A PostgreSQL container per run, where a Docker engine is reachable. */
final class TestcontainersShadow {
    private TestcontainersShadow() {
    }

    static ShadowServer start(ShadowOptions options) {
        if (!dockerAvailable()) {
            throw AutomigrateException.database("--shadow testcontainers needs a reachable Docker engine and none "
                    + "was found (DOCKER_HOST, /var/run/docker.sock): use --shadow embedded (the default, no Docker) "
                    + "or --shadow url", null);
        }
        String image = options.image() != null ? options.image() : "postgres:" + options.pgVersion();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw AutomigrateException.database("cannot start container " + image + ": " + e.getMessage(), e);
        }
        DatabaseUrl admin = DatabaseUrl.of(container.getHost(), container.getFirstMappedPort(),
                container.getDatabaseName(), container.getUsername(), container.getPassword());
        return new ShadowServer(admin, "container " + image, container::close);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
