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
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN ./mvnw -B -q -DskipTests package

# ---- runtime: Debian's headless JRE and the jar
FROM debian:bookworm-slim
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/automigrate.jar /opt/automigrate/automigrate.jar
# A class-data-sharing archive of the classes a plan loads: the JVM maps them instead of parsing and verifying them
# at every start. Recorded from a real plan of a tiny schema (the embedded PostgreSQL included), with the same
# options as the entrypoint: C1 only and the serial collector, which halve a short-lived CLI's CPU time
# (docs/benchmarks.md).
RUN mkdir -p /tmp/cds/db/migrations \
    && printf 'CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE INDEX t_name_idx ON t (name);\n' \
        > /tmp/cds/db/schema.sql \
    && cd /tmp/cds \
    && java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit=/opt/automigrate/automigrate.jsa \
        -Xlog:cds=off -Xlog:cds+dynamic=off -jar /opt/automigrate/automigrate.jar plan > /dev/null \
    && cd / && rm -rf /tmp/cds /root/.cache /tmp/embedded-pg* /tmp/automigrate*
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", \
    "-XX:SharedArchiveFile=/opt/automigrate/automigrate.jsa", "-Xshare:auto", \
    "-jar", "/opt/automigrate/automigrate.jar", "action"]
