# syntax=docker/dockerfile:1
# One image definition for both backends: build with `--build-arg APP=provider-backend` (or
# client-backend) from the repository root, after `mvn -pl apps/$APP -am package`.

# Pinned by digest (Renovate bumps it: .github/renovate.json); override with --build-arg JRE_IMAGE=...
# The digest is the eclipse-temurin:25-jre index (Temurin 25.0.4+7) as the Docker official images
# record it in docker-library/repo-info, repos/eclipse-temurin/remote/25-jre.md (ADR 0320).
ARG JRE_IMAGE=eclipse-temurin:25-jre@sha256:15090d159279e5c158473eccb48cd87f57b3e3a47511a797eb5a7a7ea6f86b0f

FROM ${JRE_IMAGE} AS extract
ARG APP
WORKDIR /extract
COPY apps/${APP}/target/${APP}.jar app.jar
# Spring Boot's layers: dependencies change rarely, the application on every commit. Without
# --launcher: app.jar plus lib/, the class path layout an AOT cache can hold.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination layers

FROM ${JRE_IMAGE}
ARG APP
ARG SOURCE=unknown
ARG REVISION=unknown
ARG VERSION=0.0.0-dev
LABEL org.opencontainers.image.title="${APP}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}"
WORKDIR /app
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# Files stream in 1 MiB chunks, so a quarter of the memory limit is heap enough (256 MiB of the charts'
# 1 GiB) and keeps the process under 400 MB resident under load (docs/performance.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# JDK 25's ahead-of-time cache (JEP 483): a training run loads and links the classes up to the end of
# the application context's refresh (no database here, so without Flyway) and stores them in
# /app/app.aot, the layer above the application. Two steps (record, create) work on every JDK 24+.
# The backends stop when a required variable is unset (ADR 0345): the training run, which only starts the
# context and exits, gets placeholders that exist in that one command and never in the image.
RUN TRAINING_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
    && DB_PASSWORD=training INTERNAL_API_SECRET=training ACCESS_CODE_ENCRYPTION_KEY="$TRAINING_KEY" \
        FILE_ENCRYPTION_KEYS="training:$TRAINING_KEY" \
        java -XX:AOTMode=record -XX:AOTConfiguration=/tmp/app.aotconf -Xlog:aot=error \
        -Dspring.context.exit=onRefresh -Dspring.flyway.enabled=false -jar /app/app.jar \
    && java -XX:AOTMode=create -XX:AOTConfiguration=/tmp/app.aotconf -XX:AOTCache=/app/app.aot -Xlog:aot=error \
        -jar /app/app.jar \
    && rm /tmp/app.aotconf
# Numeric UID above 10000: no entry in /etc/passwd needed, matches the charts' runAsUser.
USER 10001:10001
EXPOSE 8081 8082 8182 9081 9082
# A missing or unusable cache (another JDK, a changed class path) is reported and the JVM starts without it.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
