# syntax=docker/dockerfile:1
# One image definition for both frontends: build with `--build-arg APP=provider-frontend` (or
# client-frontend) from the repository root, after the app's `dist/` has been built.

# Pinned by digest (Renovate bumps it: .github/renovate.json); override with --build-arg NGINX_IMAGE=...
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine@sha256:0c79d56aee561a1d81c63f00eee5fb5fe29279560cdc55e91425133104c7fbe6

FROM ${NGINX_IMAGE}
ARG APP
ARG SOURCE=unknown
ARG REVISION=unknown
ARG VERSION=0.0.0-dev
LABEL org.opencontainers.image.title="${APP}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}"
# The shared server configuration (SPA fallback, security headers, port 8080) for both frontends.
COPY apps/frontend-nginx/default.conf /etc/nginx/conf.d/default.conf
COPY apps/${APP}/dist/ /usr/share/nginx/html/
USER root
# The base image runs as 101; ours runs as the charts' UID, so hand it nginx's cache directory
# (temp files and the pid file are in /tmp already, an emptyDir in Kubernetes).
RUN chown -R 10001:10001 /var/cache/nginx
USER 10001:10001
EXPOSE 8080
