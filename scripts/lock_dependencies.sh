#!/usr/bin/env bash
# Regenerate constraints.txt: one release of every package pcdesk, its extras (test, lint) and
# its bundles install, resolved with pip-compile (pip-tools) from pyproject.toml's ranges and
# scripts/lock-inputs.in. Rerun after changing either, review the diff, commit.
#
#   scripts/lock_dependencies.sh              # resolve, keeping current pins where still allowed
#   scripts/lock_dependencies.sh --upgrade    # take the newest releases the ranges allow
#
# Used as a constraints file (pip install -c constraints.txt ...), not a requirements file: it
# limits what is installed without installing anything itself, so packages that only another
# system needs (pywin32 on Windows, say) are simply not pinned and install as usual there.
# It is resolved on the oldest Python pcdesk supports (3.11); pip-compile rather than
# `pip freeze` because it resolves every extra without installing them, and `--upgrade` moves
# the whole lock in one reviewable step.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${LOCK_PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "pip-tools==7.6.2"

# --strip-extras: pip refuses extras in a constraints file (psycopg[binary] -> psycopg, psycopg-binary).
CUSTOM_COMPILE_COMMAND="scripts/lock_dependencies.sh" \
  "$work/venv/bin/pip-compile" \
  --quiet \
  --all-extras \
  --strip-extras \
  --allow-unsafe \
  --no-emit-index-url \
  --no-emit-find-links \
  --no-emit-trusted-host \
  --output-file constraints.txt \
  "$@" \
  pyproject.toml scripts/lock-inputs.in

echo "constraints.txt: $(grep -c '==' constraints.txt) packages pinned"
