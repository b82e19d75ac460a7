#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package from a clean export of the committed tree (git archive HEAD, so local
# edits and build folders cannot leak in) with packaging/debian beside it, then runs lintian.
# Usage: scripts/package.sh [OUT_DIR]   (default: dist/; the .deb, -dbgsym .deb, .changes and
# .buildinfo end up there). The maintainer identity is DEBFULLNAME/DEBEMAIL, else git's.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out_dir=$(realpath -m "${1:-dist}")

bash scripts/install-deps.sh
# Tools only packaging needs (not the build or the tests).
tools=(debhelper dpkg-dev fakeroot lintian)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "package: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "package: note: uncommitted changes are not packaged (the package is built from HEAD)"
fi

version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
project_version=$(sed -n 's/^project(kms-admin VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
if [ "$version" != "$project_version" ]; then
  echo "package: packaging/debian/changelog is at $version but CMakeLists.txt at $project_version" >&2
  exit 1
fi

maintainer_name=${DEBFULLNAME:-$(git config user.name || true)}
maintainer_email=${DEBEMAIL:-$(git config user.email || true)}
if [ -z "$maintainer_name" ] || [ -z "$maintainer_email" ]; then
  echo "package: set DEBFULLNAME and DEBEMAIL (or git's user.name and user.email): the package names its maintainer" >&2
  exit 1
fi
maintainer="$maintainer_name <$maintainer_email>"

work=$(mktemp -d "${TMPDIR:-/tmp}/kms-admin-package.XXXXXX")
# A failed build keeps its tree, so a fix in debian/ can be tried there without compiling again.
cleanup() {
  if [ $? -eq 0 ]; then rm -rf "$work"; else echo "package: failed; the build tree is kept in $work" >&2; fi
}
trap cleanup EXIT
src="$work/kms-admin-$version"
mkdir -p "$src"
git archive --format=tar HEAD | tar -x -C "$src"
cp -r packaging/debian "$src/debian"
sed -i "s|^Maintainer: .*|Maintainer: $maintainer|" "$src/debian/control"
sed -i "s|^ -- .*>  | -- $maintainer  |" "$src/debian/changelog"

export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc 2>/dev/null || echo 2)}"
# With ccache installed, a second package build reuses the first one's objects: the export lands in
# a new temporary folder each time, so paths are hashed relative to it.
if [ -z "${KMS_COMPILER_LAUNCHER+set}" ] && command -v ccache >/dev/null; then
  export KMS_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=true
fi
start=$(date +%s)
(cd "$src" && dpkg-buildpackage -us -uc -b)
echo "package: built in $(( $(date +%s) - start )) s"

mkdir -p "$out_dir"
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
changes="$work/kms-admin_${version}_${arch}.changes"
for f in $(sed -n '/^Files:/,/^[^ ]/s/^ [0-9a-f]\{32\} [0-9]* [^ ]* [^ ]* //p' "$changes") \
         "$(basename "$changes")"; do
  cp "$work/$f" "$out_dir/"
done
echo "package: lintian"
# Errors and warnings fail the script; each accepted tag is explained in debian/*lintian-overrides.
lintian --fail-on error,warning --info --display-info "$out_dir/$(basename "$changes")"
echo "package: $(ls "$out_dir"/*.deb | tr '\n' ' ')"
cd "$repo"
