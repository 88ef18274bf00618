# Shared by the run and test scripts.
PNPM_VERSION=10.34.8

# pnpm exactly as pinned in package.json (corepack cannot verify signatures against this registry).
ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "installing pnpm@$PNPM_VERSION with npm"
    npm i -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

# Debian's Chromium (and CJK fonts) for the browser tests; browser downloads do not work here.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "Chromium is missing: run 'apt-get install -y chromium fonts-noto-cjk' as root" >&2
    return 1
  fi
  echo "installing Debian's chromium and CJK fonts"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

# MariaDB on 127.0.0.1:3306 for the server e2e tests, started if it is down.
ensure_mariadb() {
  if mariadb-admin -uroot -h127.0.0.1 ping >/dev/null 2>&1; then return 0; fi
  if [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    for _ in $(seq 1 60); do
      mariadb-admin -uroot -h127.0.0.1 ping >/dev/null 2>&1 && return 0
      sleep 0.5
    done
  fi
  echo "MariaDB is not reachable on 127.0.0.1:3306 (set TEST_DATABASE_URL to use another server)" >&2
  return 1
}
