#!/usr/bin/env bash
# Runs the dev overlay for real with podman, without any container registry, and drives one GraphQL
# query through the gateway to PostgreSQL and back. See k8s/README.md ("The podman smoke test").
#
#   k8s/smoke.sh            install tools, build images, play the dev overlay, query, tear down
#   k8s/smoke.sh --keep     same, but leave the pods running (tear down later with --down)
#   k8s/smoke.sh --down     remove the smoke pods
#
# Needs root (apt-get, debootstrap, podman), Java 17, the Debian apt mirror configured on this
# machine. Images:
#   localhost/parley-base:bookworm     debootstrap rootfs + openjdk-17-jre-headless + postgresql-15
#   localhost/parley/postgres:smoke    base + an entrypoint with the official image's interface (buildah)
#   localhost/parley/<app>:smoke       the app, built by Quarkus's Jib extension on the base image
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="${PARLEY_SMOKE_WORK:-/var/tmp/parley-smoke}"
offset="${PARLEY_SMOKE_PORT_OFFSET:-10000}"   # host networking: every port moves by this much
mkdir -p "$work"
log() { echo "smoke: $*" >&2; }

# --- podman on this kind of machine -----------------------------------------------------------
# crun and systemd cgroups do not work in this sandbox; the defaults' ulimits are above its limits.
export CONTAINERS_CONF="$work/containers.conf"
cat > "$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF

install_tools() {
  local missing=()
  for t in podman buildah debootstrap runc; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah debootstrap runc >"$work/apt.log" 2>&1 \
      || { tail -20 "$work/apt.log" >&2; exit 1; }
  fi
}

# The Debian mirror this machine's apt already uses (no host name lives in the repository).
debian_mirror() {
  local codename=$1 f
  shopt -s nullglob
  {
    # deb822 stanzas: the URIs of a stanza whose Suites name the release itself.
    for f in /etc/apt/sources.list.d/*.sources; do
      awk -v c="$codename" '
        /^[[:space:]]*$/ { if (u != "" && s) print u; u=""; s=0; next }
        /^URIs:/ { u=$2 }
        /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == c) s=1 }
        END { if (u != "" && s) print u }' "$f"
    done
    # one-line format: deb [options] URI codename components
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      if [ -f "$f" ]; then sed -E 's/\[[^]]*\]//' "$f" | awk -v c="$codename" '$1 == "deb" && $3 == c { print $2 }'; fi
    done
  } | awk 'NR == 1'
}

build_base_image() {
  if podman image exists localhost/parley-base:bookworm; then return; fi
  local codename mirror rootfs
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mirror=$(debian_mirror "$codename")
  [ -n "$mirror" ] || { log "no Debian mirror for '$codename' found in /etc/apt"; exit 1; }
  rootfs="$work/rootfs"
  log "debootstrap $codename into $rootfs (slow, once per machine)"
  rm -rf "$rootfs"
  debootstrap --variant=minbase "$codename" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  # Fixed ids the manifests rely on: the apps run as 185 (as Quarkus's own images do), PostgreSQL
  # as 999 (as the official postgres image does).
  chroot "$rootfs" sh -c 'groupadd -g 999 postgres && useradd -r -u 999 -g 999 -d /var/lib/postgresql -s /bin/bash postgres &&
                          groupadd -g 185 app && useradd -r -u 185 -g 185 -d /deployments -s /usr/sbin/nologin app'
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' RETURN
  chroot "$rootfs" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        openjdk-17-jre-headless postgresql-15 curl ca-certificates && apt-get clean && rm -rf /var/lib/apt/lists/*' \
        >"$work/apt-in-rootfs.log" 2>&1 || { tail -20 "$work/apt-in-rootfs.log"; exit 1; }
  umount "$rootfs/proc"
  # The Debian package's own cluster is not used: the entrypoint makes one under PGDATA.
  rm -rf "$rootfs/var/lib/postgresql/15" "$rootfs/etc/postgresql/15"
  log "importing the rootfs as localhost/parley-base:bookworm"
  tar -C "$rootfs" -c . | podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    - localhost/parley-base:bookworm >/dev/null 2>"$work/import.log" || { cat "$work/import.log" >&2; exit 1; }
  rm -rf "$rootfs"
}

# The services' images, built as a user builds them (k8s/README.md): Quarkus's Jib extension (the
# root pom's `images` profile). Jib needs no container engine to build; with no registry here, its
# base image is the Debian one above, saved to a tar (tar://), and the result is handed to podman
# (`podman load`) instead of being pushed.
build_app_images() {
  if [ ! -f "$work/base.tar" ] || [ "$(cat "$work/base.tar.id" 2>/dev/null)" != "$(podman image inspect --format '{{.Id}}' localhost/parley-base:bookworm)" ]; then
    rm -f "$work/base.tar"
    podman save --format docker-archive -o "$work/base.tar" localhost/parley-base:bookworm >/dev/null 2>&1
    podman image inspect --format '{{.Id}}' localhost/parley-base:bookworm >"$work/base.tar.id"
  fi
  log "packaging actors-service, events-service and gateway with Jib images (./mvnw package -Dimages …)"
  ./mvnw -B -q -pl actors-service,events-service,gateway -am package -DskipTests -Dparley.skipDbEnsure=true \
    -Dimages -Dquarkus.container-image.build=true -Dquarkus.container-image.tag=smoke \
    -Dquarkus.jib.base-jvm-image="tar://$work/base.tar" -Dquarkus.jib.docker-executable-name=podman \
    -Dquarkus.jib.user=185 >"$work/jib.log" 2>&1 || { tail -40 "$work/jib.log" >&2; exit 1; }
  # The previous run's images, now untagged (podman here holds only this script's images).
  podman image prune -f >/dev/null 2>&1 || true
}

# No RUN steps (so no container runtime at build time): files are copied into the base image.
build_postgres_image() {
  local ctr stage="$work/postgres-stage"
  rm -rf "$stage" && mkdir -p "$stage/var/lib/postgresql/data" "$stage/var/run/postgresql"
  chmod 700 "$stage/var/lib/postgresql/data"
  ctr=$(buildah from --pull=never localhost/parley-base:bookworm)
  buildah copy --chown 999:999 "$ctr" "$stage/var" /var >/dev/null
  buildah copy --chmod 755 "$ctr" k8s/smoke/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint >/dev/null
  buildah config --user 999:999 --port 5432 --env PATH=/usr/lib/postgresql/15/bin:/usr/bin:/bin \
    --entrypoint '["/usr/local/bin/postgres-entrypoint"]' --cmd '' "$ctr"
  buildah commit --rm -q "$ctr" localhost/parley/postgres:smoke >/dev/null
}

# The dev overlay (k8s/smoke points its images at the ones above), rewritten for podman by
# org.parley.k8s.PodmanPlay — see its comment for each step of the rewrite.
render_for_podman() {
  ./mvnw -B -q -pl k8s compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
  bash k8s/overlays/dev/jwt-keys.sh # the dev overlay's own token key pair (git-ignored)
  kubectl kustomize k8s/smoke >"$work/rendered.yaml"
  java -cp "k8s/target/classes:$(cat "$work/classpath.txt")" org.parley.k8s.PodmanPlay "$offset" \
    <"$work/rendered.yaml" >"$work/play.yaml"
}

down() {
  [ -f "$work/play.yaml" ] && podman kube down "$work/play.yaml" >/dev/null 2>&1 || true
  # A fresh database every run, so the init script is exercised every time; podman also keeps a
  # volume per mounted ConfigMap.
  local v
  for v in $(podman volume ls --format '{{.Name}}'); do
    case "$v" in data-postgres-0 | postgres-initdb-*) podman volume rm -f "$v" >/dev/null 2>&1 || true ;; esac
  done
}

dump_logs() {
  local c
  for c in $(podman ps -a --format '{{.Names}}' | grep -E '^(gateway|actors-service|events-service|postgres)-pod-' || true); do
    echo "----- podman logs $c (last 40 lines)" >&2
    podman logs --tail 40 "$c" >&2 || true
  done
}

wait_ready() { # name port deadline-seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS --max-time 2 "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "$1 not ready on port $2 after $3 s"
      dump_logs
      return 1
    fi
    sleep 1
  done
  log "$1 ready on port $2"
}

case "${1:-}" in
  --down) down; exit 0 ;;
esac

started=$SECONDS
install_tools
command -v kubectl >/dev/null 2>&1 || { log "kubectl is needed to render the overlay (kubectl kustomize)"; exit 1; }
build_base_image
build_app_images
build_postgres_image
render_for_podman
down
[ "${1:-}" = --keep ] || trap 'down' EXIT
log "podman kube play (ports +$offset on the host network)"
podman kube play "$work/play.yaml" >"$work/play.log" 2>&1 || { cat "$work/play.log" >&2; dump_logs; exit 1; }
wait_ready actors-service $((8081 + offset)) 240
wait_ready events-service $((8082 + offset)) 240
wait_ready gateway $((8080 + offset)) 240

# What podman applied from the manifests' security contexts (the README lists it as proven here).
for c in gateway actors-service events-service postgres; do
  applied=$(podman inspect --format '{{.Config.User}} readonly={{.HostConfig.ReadonlyRootfs}} {{.HostConfig.SecurityOpt}} memory={{.HostConfig.Memory}}' "$c-pod-0-$c")
  log "$c: user $applied"
  case "$applied" in
    "185:185 readonly=true [no-new-privileges] memory="[1-9]* | "999:999 readonly=true [no-new-privileges] memory="[1-9]*) ;;
    *) log "$c does not run as the manifests say (non-root, read-only root, no-new-privileges, memory limit)"; exit 1 ;;
  esac
done

# One query through the gateway to both services and their databases and back: events (events-service,
# database events) with their participants' actors (actors-service, database actors).
query='{"query":"{ events(first: 3) { totalCount edges { node { title start participants { role actor { name country } } } } } }"}'
log "POST http://127.0.0.1:$((8080 + offset))/graphql $query"
answer=$(curl -fsS --max-time 20 -H 'content-type: application/json' -d "$query" "http://127.0.0.1:$((8080 + offset))/graphql")
echo "$answer"
echo "$answer" | grep -q '"errors"' && { log "the answer carries errors"; exit 1; }
echo "$answer" | grep -q '"participants":\[{' || { log "no event with resolved participants in the answer"; exit 1; }
log "passed in $((SECONDS - started)) s"
