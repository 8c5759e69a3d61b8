"""Regenerate the example report in docs/schema.md from the same texts (run after output changes).

    python scripts/regen_schema_example.py
"""

from __future__ import annotations

import json
from pathlib import Path

from storytrace import compare
from storytrace.article import Article

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    start = text.index('```json\n{\n  "schema"') + len("```json\n")
    end = text.index("\n```", start)
    old = json.loads(text[start:end])
    src, der = old["source"], old["derived"]
    new = compare(Article(text=src["text"], id=src["id"]), Article(text=der["text"], id=der["id"])).to_dict()
    new["meta"]["settings"] = {k: new["meta"]["settings"][k] for k in old["meta"]["settings"]}
    DOC.write_text(text[:start] + json.dumps(new, ensure_ascii=False, indent=2) + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
