#!/usr/bin/env bash
# Decides, for the commit checked out, which image of each app a deploy uses and which images must be
# built first. An app's image is tagged with the last commit that changed one of its inputs
# (deploy/release/inputs/<app>.paths, the same paths its workflow filters on), so every commit
# resolves to a tag that a build of that commit or an earlier one produces, and a deploy never
# references a tag that was not built: a missing one is listed for building.
#   deploy/release/image-tags.sh <registry prefix, e.g. ghcr.io/owner>
# Prints "<app> <tag> present|missing" per app. With GITHUB_OUTPUT set, also writes the outputs
# "tags" (JSON object app -> tag) and "build" (JSON array of the apps whose image is missing).
# IMAGE_EXISTS is the command that tells whether an image reference exists (default: docker
# manifest inspect, logged in to the registry).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 <registry prefix, e.g. ghcr.io/owner>" >&2
  exit 2
fi
prefix="$1"
inputs="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/inputs"
exists="${IMAGE_EXISTS:-docker manifest inspect}"

tags=()
missing=()
for file in "$inputs"/*.paths; do
  app="$(basename "$file" .paths)"
  pathspecs=()
  while IFS= read -r pattern; do
    [ -n "$pattern" ] && pathspecs+=(":(glob)$pattern")
  done < "$file"
  tag="$(git log -1 --format=%H HEAD -- "${pathspecs[@]}")"
  if [ -z "$tag" ]; then
    echo "no commit changes the inputs of $app (deploy/release/inputs/$app.paths)" >&2
    exit 1
  fi
  state=present
  # shellcheck disable=SC2086 # IMAGE_EXISTS is a command with its arguments
  if ! $exists "$prefix/oc-$app:$tag" > /dev/null 2>&1; then
    state=missing
    missing+=("\"$app\"")
  fi
  echo "$app $tag $state"
  tags+=("\"$app\":\"$tag\"")
done
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  (IFS=,; echo "tags={${tags[*]}}"; echo "build=[${missing[*]}]") >> "$GITHUB_OUTPUT"
fi
