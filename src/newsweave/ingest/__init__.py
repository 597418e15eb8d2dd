"""Ingest stage: files, directories, JSON Lines, CSV, HTML, feeds, URLs and stdin → RawArticle.

>>> from newsweave.ingest import record_to_raw
>>> record_to_raw({"id": "1", "title": "T", "text": "x"}, "stdin:1").title
'T'
"""

from newsweave.ingest.files import iter_paths, read_jsonl, read_path
from newsweave.ingest.records import RecordError, parse_published, record_to_raw

__all__ = ["RecordError", "iter_paths", "parse_published", "read_jsonl", "read_path", "record_to_raw"]
