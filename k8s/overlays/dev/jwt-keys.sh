#!/usr/bin/env bash
# Makes the dev overlay's token key pair and the importer's token in k8s/overlays/dev/jwt/ (git-ignored)
# unless they are there: run once before `kubectl apply -k k8s/overlays/dev` (k8s/smoke.sh and the offline
# tests run it). The packaged images refuse the committed dev key, so a cluster gets a key of its own.
# Tokens for the cluster: PARLEY_JWT_DIR=k8s/overlays/dev/jwt bin/parley token editor
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export PARLEY_JWT_DIR="$here/jwt"
mkdir -p "$PARLEY_JWT_DIR" && chmod 700 "$PARLEY_JWT_DIR"
if [ ! -s "$PARLEY_JWT_DIR/importer-token" ]; then
  # A year: the CronJob's token for a dev cluster (a real one comes from your identity provider).
  PARLEY_TOKEN_TTL=31536000 "$root/bin/parley" token importer >"$PARLEY_JWT_DIR/importer-token.tmp"
  mv "$PARLEY_JWT_DIR/importer-token.tmp" "$PARLEY_JWT_DIR/importer-token"
fi
