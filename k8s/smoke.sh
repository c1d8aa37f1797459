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
#   localhost/parley-postgres:smoke    base + an entrypoint with the official image's interface
#   localhost/parley/<app>:smoke       base + the app's target/quarkus-app
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
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah debootstrap runc >/dev/null
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
  tar -C "$rootfs" -c . | podman import - localhost/parley-base:bookworm >/dev/null
  rm -rf "$rootfs"
}

install_tools
build_base_image
log "base image ready"
