#!/usr/bin/env bash
# Installs Prometheus and promtool from Debian when they are missing.
# Idempotent: does nothing (and never touches apt) when both are on PATH.
# Used by `make test` and CI before the deploy/metrics tests.
set -euo pipefail

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  echo "prometheus and promtool already installed: $(promtool --version 2>&1 | head -n1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-prometheus: need root (or sudo) to apt-get install prometheus" >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-prometheus: apt-get not found; install prometheus and promtool by hand" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# One update: the package lists may be absent or stale on a fresh machine.
$SUDO apt-get update -q
# --no-install-recommends keeps node-exporter & co out; the package does not start a
# service in a container, and tests run their own server on 127.0.0.1.
$SUDO apt-get install -y -q --no-install-recommends prometheus

command -v promtool >/dev/null 2>&1 || { echo "install-prometheus: promtool missing after install" >&2; exit 1; }
echo "installed: $(promtool --version 2>&1 | head -n1)"
