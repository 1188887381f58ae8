#!/usr/bin/env bash
# Install the Debian packages unionreports needs, only those missing.
#   scripts/install_system_packages.sh runtime   # what the PDF export needs
#   scripts/install_system_packages.sh test      # runtime + browser, poppler and PostgreSQL
set -euo pipefail

runtime=(libharfbuzz-subset0 fonts-noto-cjk fonts-arphic-gkai00mp)
test_only=(chromium poppler-utils postgresql)

case "${1:-runtime}" in
  venv) wanted=(python3-venv) ;;
  runtime) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${test_only[@]}") ;;
  *) echo "usage: $0 venv|runtime|test" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "Installing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
