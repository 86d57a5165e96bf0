# syntax=docker/dockerfile:1
# One image definition for both backends: build with `--build-arg APP=provider-backend` (or
# client-backend) from the repository root, after `mvn -pl apps/$APP -am package`.

# Pinned by digest (Renovate bumps it: .github/renovate.json); override with --build-arg JRE_IMAGE=...
ARG JRE_IMAGE=eclipse-temurin:21-jre@sha256:7a65df4b22d2de92d4e04056e884f3b9122d70b21e2847fd66084278bd0ce037

FROM ${JRE_IMAGE} AS extract
ARG APP
WORKDIR /extract
COPY apps/${APP}/target/${APP}.jar app.jar
# Spring Boot's layers: dependencies change rarely, the application on every commit.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

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
# Numeric UID above 10000: no entry in /etc/passwd needed, matches the charts' runAsUser.
USER 10001:10001
# Files stream in 1 MiB chunks, so a quarter of the memory limit is heap enough (256 MiB of the charts'
# 1 GiB) and keeps the process under 400 MB resident under load (docs/performance.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
EXPOSE 8081 8082 8182 9081 9082
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
