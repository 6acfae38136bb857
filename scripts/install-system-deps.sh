#!/usr/bin/env bash
# Install the Debian packages the dashboard needs, only those missing:
#   chromium        chart export (kaleido) and the browser tests (Playwright drives it)
#   fonts-noto-cjk  Chinese glyphs in charts, PDFs and screenshots (without it: boxes)
#   poppler-utils   pdftoppm/pdffonts, used by tests to inspect exported PDFs
#   libcairo2       CairoSVG rasterises each chart's SVG to PNG (usually there already, with chromium)
#   postgresql      the PostgreSQL store (issue 25): the tests' private cluster (scripts/pg.sh); no
#                   service is started here — Debian's own cluster, if the package makes one, stays unused
#   haproxy         several dashboard processes behind one address (issue 25; not started here)
# Browsers are never downloaded by kaleido or Playwright: the system Chromium is used.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# grep without -q reads all of fc-list, so pipefail does not see fc-list killed by SIGPIPE
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
ldconfig -p 2>/dev/null | grep "libcairo.so.2" >/dev/null || missing+=(libcairo2)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Please install as root: apt-get install -y ${missing[*]}" >&2
    exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
