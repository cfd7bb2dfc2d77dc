#!/usr/bin/env bash
# Installs what beetrace needs on a fresh Debian 12 machine: the eBPF toolchain from Debian's
# archive, Chromium (the report's browser tests), and pnpm from the npm registry. Safe to run
# again; it skips what is already there.
set -euo pipefail

debs=(clang llvm libbpf-dev libbpf1 bpftool libelf-dev zlib1g-dev pkg-config make gcc g++ python3 strace linux-perf time util-linux sqlite3 chromium)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version | grep -q '^9\.'; then
  echo "setup: installing pnpm 9" >&2
  npm install -g --silent pnpm@9 >/dev/null
fi
