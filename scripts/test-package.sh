#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Opt-in install test of the Debian package (not in CI: it needs root and the network mirror).
# In a clean Debian 12 root made with mmdebstrap from this machine's apt mirror (cached between
# runs), as an ordinary user: apt-get install ./kms-admin_*.deb, kmsctl init / generate / ingest /
# search / health, kms-admin under Xvfb for a few seconds in German; then purge the package and check
# that nothing of it is left outside the user's home (where the data directory is).
# Usage: sudo scripts/test-package.sh [DEB]   (default: the newest dist/kms-admin_*.deb)
#        KMS_PACKAGE_TEST_CACHE=DIR caches the base root (default ~/.cache/kms-admin-package-test).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-package: needs root (chroot, mounts)" >&2; exit 1; }
deb=${1:-$(ls -t dist/kms-admin_*.deb 2>/dev/null | grep -v dbgsym | head -n 1 || true)}
[ -f "$deb" ] || { echo "test-package: no package: run scripts/package.sh first or name the .deb" >&2; exit 1; }
deb=$(realpath "$deb")
cache=${KMS_PACKAGE_TEST_CACHE:-$HOME/.cache/kms-admin-package-test}
base="$cache/bookworm-base.tar"
seconds() { echo $(( $(date +%s) - $1 )); }
step() { printf '\n== %s\n' "$*"; }

dpkg-query -W -f='${Status}' mmdebstrap 2>/dev/null | grep -q "install ok installed" ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mmdebstrap

# The mirror this machine's apt uses for bookworm, -updates and -security (never a fixed host).
sources=$(apt-cache policy | awk '$3 ~ /^bookworm(-updates|-security)?\/main$/ && $4 == "'"$(dpkg --print-architecture)"'" {
                                    split($3, s, "/"); print "deb " $2 " " s[1] " main" }' | sort -u)
[ -n "$sources" ] || { echo "test-package: apt has no bookworm main source configured" >&2; exit 1; }

if [ ! -f "$base" ]; then
  step "base root: mmdebstrap bookworm (cached in $base)"
  mkdir -p "$cache"
  t=$(date +%s)
  # Xvfb is part of the base: the GUI check needs it, and it must not count as left by the package.
  mmdebstrap --variant=apt --format=tar --include=xvfb,xauth,passwd bookworm "$base.part" <<<"$sources"
  mv "$base.part" "$base"
  echo "base root made in $(seconds "$t") s"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kms-admin-install-test.XXXXXX")
root="$work/root"
cleanup() {
  for m in dev/pts dev proc sys ""; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  rm -rf "$work"
}
trap cleanup EXIT
total=$(date +%s)
mkdir -p "$root"
tar -xf "$base" -C "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# The root as a mount point of its own: kmsctl health reads the free space of the data directory's
# file system from /proc/self/mountinfo, which cannot name a plain folder chrooted into.
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"; mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"; mount --bind /dev/pts "$root/dev/pts"
in_root() { chroot "$root" "$@"; }
as_user() { chroot --userspec=tester:tester "$root" env -i HOME=/home/tester PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

in_root useradd --create-home --shell /bin/bash tester
in_root apt-get update -qq
# What the root holds before the package (apt's and dpkg's own state aside).
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./tmp -o -path ./home/tester \
       -o -path ./var/lib/apt -o -path ./var/cache -o -path ./var/log -o -path ./var/lib/dpkg \) -prune -o -print | sort)
}
snapshot > "$work/before"

step "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
t=$(date +%s)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./tmp/$(basename "$deb")" > "$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }
echo "installed with $(grep -c '^Setting up' "$work/install.log") packages in $(seconds "$t") s"
in_root dpkg -L kms-admin > "$work/files"
for f in /usr/bin/kmsctl /usr/bin/kms-admin /usr/share/man/man1/kmsctl.1.gz /usr/share/man/man1/kms-admin.1.gz \
         /usr/share/applications/io.github.kms_admin.KmsAdmin.desktop \
         /usr/share/metainfo/io.github.kms_admin.KmsAdmin.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/io.github.kms_admin.KmsAdmin.svg \
         /usr/share/icons/hicolor/48x48/apps/io.github.kms_admin.KmsAdmin.png \
         /usr/share/bash-completion/completions/kmsctl /usr/share/doc/kms-admin/copyright; do
  grep -qx "$f" "$work/files" || { echo "FAIL: the package lacks $f"; exit 1; }
done
echo "ok: binaries, man pages, desktop file, metainfo, icons, completion and copyright installed"
# No build folder exists in this root: what kms-admin and kmsctl need must come from the package.
[ ! -e "$root$(pwd)" ] || { echo "FAIL: the build tree is visible in the root"; exit 1; }

step "kmsctl as the user tester"
t=$(date +%s)
as_user kmsctl init
as_user kmsctl generate --cases 2000 --articles 200 --seed 7 --out /home/tester/demo.jsonl
as_user kmsctl ingest /home/tester/demo.jsonl
as_user kmsctl search "password reset" -k 3 | tee "$work/search.txt"
[ -s "$work/search.txt" ] || { echo "FAIL: the search printed nothing"; exit 1; }
health=0; as_user kmsctl health || health=$?
[ "$health" -eq 0 ] || { echo "FAIL: kmsctl health exited $health"; exit 1; }
echo "ok: kmsctl init, generate, ingest, search, health in $(seconds "$t") s"
offered=$(as_user bash -c '. /usr/share/bash-completion/completions/kmsctl; COMP_WORDS=(kmsctl sea); COMP_CWORD=1; _kmsctl; echo "${COMPREPLY[*]}"')
[ "$offered" = "search search-log" ] || { echo "FAIL: completion of 'kmsctl sea' offers '$offered'"; exit 1; }
echo "ok: bash completion"

step "kms-admin under Xvfb, in German"
mkdir -p "$root/home/tester/.config/kms-admin"
printf '[appearance]\nlanguage=de\n' > "$root/home/tester/.config/kms-admin/kms-admin.conf"
in_root chown -R tester:tester /home/tester/.config
gui=0
as_user timeout 8 xvfb-run -a kms-admin > "$work/gui.log" 2>&1 || gui=$?
# timeout's 124: still running after 8 s, which is the pass; anything else is an early exit.
if [ "$gui" -ne 124 ]; then cat "$work/gui.log"; echo "FAIL: kms-admin exited $gui within 8 s"; exit 1; fi
# The console shows warnings and errors only: a missing .qm is logged as "cannot load the translation".
if grep -q "cannot load the translation" "$work/gui.log"; then cat "$work/gui.log"; echo "FAIL: the German translation was not loaded"; exit 1; fi
if grep -Eq "^(error|critical) \[" "$work/gui.log"; then cat "$work/gui.log"; echo "FAIL: kms-admin logged an error"; exit 1; fi
echo "ok: kms-admin ran 8 s under Xvfb with the German translation"

step "apt-get purge kms-admin, autoremove"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove kms-admin > "$work/purge.log" 2>&1 ||
  { cat "$work/purge.log"; exit 1; }
while read -r f; do
  if [ -e "$root$f" ] && [ ! -d "$root$f" ]; then echo "FAIL: $f is left after the purge"; exit 1; fi
done < "$work/files"
snapshot > "$work/after"
# Dependencies apt keeps (e.g. priority-required ones such as mount) and their runtime state
# (/run, /etc/machine-id) may stay; nothing of ours may.
diff "$work/before" "$work/after" | sed -n 's/^> //p' > "$work/left" || true
if grep -i 'kms' "$work/left"; then echo "FAIL: the purge left files of kms-admin (above)"; exit 1; fi
echo "after the purge, $(wc -l < "$work/left") paths are new since before the install, none of them ours (apt's dependencies):"
sed 's/^/  /' "$work/left" | head -n 20
[ -d "$root/home/tester/.local/share/kms-admin" ] || { echo "FAIL: the user's data directory is gone"; exit 1; }
echo "ok: nothing of kms-admin left outside /home/tester; the user's data directory stays"
printf '\ntest-package: all checks passed in %s s\n' "$(seconds "$total")"
