#!/usr/bin/env python3
"""Compares claimcheck's verdicts on audit 6 with the expectations.

    cargo run --release -- check --claims tests/outlets4/claims \
        --seeds tests/outlets4/seeds --format json --no-cache > /tmp/a6.json
    python3 tests/outlets4/compare.py /tmp/a6.json

Prints the cell count, how many agree with the working claims file, and every
cell that does not, as `claim source expected got`, false supports and false
contradictions first; `(frozen X)` marks a cell whose working expectation
differs from tests/outlets4/expectations.frozen.toml. Needs Python 3.11+.
"""
import json, sys, tomllib
from pathlib import Path

here = Path(__file__).resolve().parent
out = json.load(open(sys.argv[1]))
load = lambda p: {c['id']: c['per_source'] for c in tomllib.load(open(p, 'rb'))['claim']}
work = load(here / 'claims' / 'audit6.toml')
frozen = load(here / 'expectations.frozen.toml')
cells, wrong = 0, []
for c in out['claims']:
    for s in c['sources']:
        cells += 1
        want = work[c['id']][s['source']]
        if s['verdict'] != want:
            wrong.append((c['id'], s['source'], want, s['verdict']))
print(f"{cells} cells, {cells - len(wrong)} agree, {len(wrong)} wrong")
order = {'supported': 0, 'contradicted': 1, 'not-mentioned': 2}
for cid, src, want, got in sorted(wrong, key=lambda w: order[w[3]]):
    tag = {'supported': 'FALSE SUPPORT', 'contradicted': 'FALSE CONTRADICTION'}.get(got, 'missed')
    old = frozen.get(cid, {}).get(src)
    note = f"  (frozen {old})" if old and old != want else ""
    print(f"{tag:20} {cid} {src} {want} {got}{note}")
