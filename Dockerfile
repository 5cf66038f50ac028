# The GitHub Action's image (action.yml: runs.using docker, image Dockerfile). Both stages start from Debian's slim
# image and use Debian's own OpenJDK packages.

# ---- build: the Maven wrapper builds target/automigrate.jar (the embedded PostgreSQL binaries are inside it)
FROM debian:bookworm-slim AS build
# openjdk-*-jdk-headless fails to configure on a slim image without the man1 folder it writes a link into.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-17-jdk-headless ca-certificates curl unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The wrapper and the pom first: where layers are cached, the dependency download is kept until they change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -DskipTests package

# ---- runtime: Debian's headless JRE and the jar
FROM debian:bookworm-slim
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/automigrate.jar /opt/automigrate/automigrate.jar
# A class-data-sharing archive of the classes a run loads: the JVM maps them instead of parsing and verifying
# them at every start. Recorded from an action run that has nothing to do.
RUN cd /tmp \
    && GITHUB_EVENT_NAME=none java -XX:ArchiveClassesAtExit=/opt/automigrate/automigrate.jsa -XX:+UseSerialGC \
        -jar /opt/automigrate/automigrate.jar action > /dev/null
# The archive only helps when the same JVM flags are used at run time (Serial GC: a CLI needs no parallel collector).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/automigrate/automigrate.jsa", "-XX:+UseSerialGC", \
    "-jar", "/opt/automigrate/automigrate.jar", "action"]
