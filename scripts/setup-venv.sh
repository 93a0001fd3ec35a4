#!/usr/bin/env bash
# Create .venv (when missing) and install psma-kg into it with the extras given as arguments,
# then the web explorer's front-end libraries (scripts/setup-web.sh).
# Usage: scripts/setup-venv.sh shacl,store
#
# The interpreter: $PYTHON when set. Otherwise the distribution's /usr/bin/python3 when it is
# Python >= 3.11 and can make a virtual environment, else the first python3 on the PATH. Debian
# builds its python3 with profile-guided and link-time optimization, which a pyenv build leaves
# out by default: the extraction rules are plain Python and ran ~20% faster on Debian's 3.11.2
# than on pyenv's 3.11.7 on the same machine, with identical records (README, Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."

usable() { "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

if [ ! -x .venv/bin/python ]; then
    if [ -n "${PYTHON:-}" ]; then
        "$PYTHON" -m venv .venv
    elif [ -x /usr/bin/python3 ] && usable /usr/bin/python3 && /usr/bin/python3 -m venv .venv 2>/dev/null; then
        :
    else
        rm -rf .venv  # a venv that /usr/bin/python3 could only half make (no ensurepip)
        python3 -m venv .venv
    fi
fi
echo "psma-kg's Python: $(.venv/bin/python -c 'import sys; print(sys.version.split()[0], sys.base_prefix)')"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$1]"
./scripts/setup-web.sh
