"""The on-disk index of a corpus, for ``trace``: one SQLite file, no server.

from storytrace.index import Index
index = Index("news.db")
index.add(articles)                 # Articles with ids; re-adding an id updates it
result = index.trace(suspect, top=5)
"""

from storytrace.index.store import SCHEMA_VERSION, Index, IndexStats

__all__ = ["SCHEMA_VERSION", "Index", "IndexStats"]
