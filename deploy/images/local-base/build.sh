#!/usr/bin/env bash
# Builds the local stand-ins for the production base images from Debian packages (debootstrap + podman import):
#   localhost/oc-base-jre:<key>    for deploy/images/backend.Dockerfile  (--build-arg JRE_IMAGE=...)
#   localhost/oc-base-nginx:<key>  for deploy/images/frontend.Dockerfile (--build-arg NGINX_IMAGE=...)
# <key> is a hash of this directory and the Debian suite: an image already in podman's store is reused.
# Prints JRE_IMAGE=... and NGINX_IMAGE=... on stdout. Needs root, debootstrap and podman.
# See docs/deployment.md, "Images built here", for how these differ from the production bases.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
suite="${DEBIAN_SUITE:-trixie}"
mirror="${DEBIAN_MIRROR:-}"   # empty: debootstrap's default mirror
podman_cmd=(podman)

key="$( (echo "$suite"; cat "$here"/build.sh "$here"/nginx/*) | sha256sum | cut -c1-12)"
jre="localhost/oc-base-jre:$key"
nginx="localhost/oc-base-nginx:$key"

# A Debian minbase root filesystem with the given packages, without documentation and package lists.
rootfs() {
  local dir="$1" packages="$2"
  debootstrap --variant=minbase --include="$packages" "$suite" "$dir" $mirror >&2 \
    || { echo "debootstrap of $suite with $packages failed (see above)" >&2; exit 1; }
  rm -rf "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/* \
    "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/* "$dir"/var/cache/debconf/*-old "$dir"/var/log/*.log
}

import() {
  local dir="$1" name="$2"; shift 2
  tar --numeric-owner -C "$dir" -c . | "${podman_cmd[@]}" import "$@" - "$name" >&2
}

# Like eclipse-temurin:25-jre: the JDK's runtime under /opt/java/openjdk, java on the PATH, root as default user.
build_jre() {
  local dir; dir="$(mktemp -d)"
  rootfs "$dir" openjdk-25-jre-headless
  local home; home="$(cd "$dir" && echo usr/lib/jvm/java-25-openjdk-*)"
  mkdir -p "$dir/opt/java" && ln -s "/$home" "$dir/opt/java/openjdk"
  import "$dir" "$jre" \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["jshell"]'
  rm -rf "$dir"
}

# Like nginxinc/nginx-unprivileged: user nginx (101:101), port 8080, pid and temp files in /tmp, logs to the
# console, /docker-entrypoint.sh that hands over to nginx, SIGQUIT for a graceful stop.
build_nginx() {
  local dir; dir="$(mktemp -d)"
  rootfs "$dir" nginx
  chroot "$dir" groupadd --system --gid 101 nginx
  chroot "$dir" useradd --system --uid 101 --gid 101 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nginx
  rm -rf "$dir"/etc/nginx/sites-enabled "$dir"/etc/nginx/sites-available "$dir"/etc/nginx/conf.d/* "$dir"/usr/share/nginx/html/*
  install -m 0644 "$here/nginx/nginx.conf" "$dir/etc/nginx/nginx.conf"
  install -m 0644 "$here/nginx/default.conf" "$dir/etc/nginx/conf.d/default.conf"
  install -m 0644 "$here/nginx/index.html" "$dir/usr/share/nginx/html/index.html"
  install -m 0755 "$here/nginx/docker-entrypoint.sh" "$dir/docker-entrypoint.sh"
  mkdir -p "$dir/var/cache/nginx" "$dir/var/log/nginx"
  ln -sf /dev/stdout "$dir/var/log/nginx/access.log"
  ln -sf /dev/stderr "$dir/var/log/nginx/error.log"
  chown -R 101:0 "$dir/var/cache/nginx" "$dir/etc/nginx" && chmod -R g+w "$dir/var/cache/nginx" "$dir/etc/nginx"
  import "$dir" "$nginx" \
    --change 'ENTRYPOINT ["/docker-entrypoint.sh"]' \
    --change 'CMD ["nginx", "-g", "daemon off;"]' \
    --change 'STOPSIGNAL SIGQUIT' \
    --change 'EXPOSE 8080' \
    --change 'USER 101'
  rm -rf "$dir"
}

[ "$(id -u)" = 0 ] || { echo "build.sh must run as root (debootstrap and rootful podman)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
"${podman_cmd[@]}" image exists "$jre" || build_jre
"${podman_cmd[@]}" image exists "$nginx" || build_nginx
echo "JRE_IMAGE=$jre"
echo "NGINX_IMAGE=$nginx"
