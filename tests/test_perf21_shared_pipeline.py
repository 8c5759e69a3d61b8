"""One spaCy pipeline serves both the NER (entities.py) and the old-news check's dependency parse (tense.py).

Session 20 loaded a second, parse-only pipeline next to the NER one: a second load in every scan worker and its
own copy of the vocabulary, tokenizer and weights. The shared pipeline must give the same parse and the same
entities as the two pipelines did, and load once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import spacy

from storytrace.facts.entities import MODEL_PACKAGE, NER_ONLY, PARSE_ONLY, entities_many, get_nlp
from storytrace.facts.tense import governor

_SENTENCES = [
    "Mayor Colette Brannigan resigned on Tuesday, the Associated Press reported.",
    "The mayor said the road closes on Tuesday after a long review of the council's plans.",
    "Police have arrested two men in Madrid, officials said on Monday.",
    "The vote on Tuesday was postponed to Friday, when the council will meet again.",
]

_SRC = str(Path(__file__).resolve().parents[1] / "src")


def _run(code: str) -> dict[str, object]:
    """``code`` in a fresh process (a process loads its pipeline once, so a count needs a process of its own)."""
    env = {**os.environ, "PYTHONPATH": _SRC}
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_shared_parse_is_the_parse_only_pipelines() -> None:
    parse_only = spacy.load(MODEL_PACKAGE, exclude=["ner", "lemmatizer", "senter", "attribute_ruler"])
    shared = get_nlp()
    for sentence in _SENTENCES:
        theirs = [(t.idx, t.tag_, t.dep_, t.head.i) for t in parse_only(sentence)]
        ours = [(t.idx, t.tag_, t.dep_, t.head.i) for t in shared(sentence, disable=PARSE_ONLY)]
        assert ours == theirs
        assert not shared(sentence, disable=PARSE_ONLY).ents  # NER did not run for the parse


def test_the_shared_entities_are_the_ner_only_pipelines() -> None:
    ner_only = spacy.load(MODEL_PACKAGE, exclude=["tok2vec", "parser", "lemmatizer", "attribute_ruler", "tagger"])
    theirs = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in ner_only.pipe(_SENTENCES)]
    ours = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in get_nlp().pipe(_SENTENCES, disable=NER_ONLY)
    ]
    assert ours == theirs
    assert ("Madrid", "GPE") in {(e.text, e.label) for e in entities_many([(_SENTENCES[2], 0, len(_SENTENCES[2]))])[0]}


def test_the_tense_readings_stand() -> None:
    text = " ".join(_SENTENCES[:2])
    first = _SENTENCES[0]
    day = first.index("Tuesday")
    resigned = governor(text, 0, len(first), (day, day + len("Tuesday")))
    assert resigned is not None and (resigned.word, resigned.tense) == ("resigned", "past")
    start = len(first) + 1
    day = text.index("Tuesday", start)
    closes = governor(text, start, len(text), (day, day + len("Tuesday")))
    assert closes is not None and (closes.word, closes.tense) == ("closes", "present")  # not "said"


def test_ner_and_parse_load_one_pipeline() -> None:
    result = _run(
        """
        import json
        import spacy

        loads = []
        real_load = spacy.load

        def counted(*args, **kwargs):
            loads.append(kwargs.get("exclude"))
            return real_load(*args, **kwargs)

        spacy.load = counted
        from storytrace.facts.entities import entities
        from storytrace.facts.tense import governor

        text = "Mayor Colette Brannigan resigned on Tuesday in Boston."
        found = [e.text for e in entities(text, 0, len(text))]
        day = text.index("Tuesday")
        g = governor(text, 0, len(text), (day, day + 7))
        print(json.dumps({"loads": len(loads), "entities": found, "tense": g.tense if g else None}))
        """
    )
    assert result["loads"] == 1
    assert "Boston" in result["entities"]  # type: ignore[operator]
    assert result["tense"] == "past"


def test_a_missing_model_is_tried_once_and_leaves_dates_unread() -> None:
    # Without the model the NER says so in one line, and the parse answers "no reading" (None) for every date
    # without trying the load again for each dated sentence.
    result = _run(
        """
        import json
        import spacy

        from storytrace.errors import ModelUnavailableError
        from storytrace.facts import entities as ents

        loads = []
        real_load = spacy.load

        def counted(*args, **kwargs):
            loads.append(1)
            return real_load(*args, **kwargs)

        spacy.load = counted
        ents.MODEL_PACKAGE = "en_core_web_sm_not_installed_perf21"
        from storytrace.facts.tense import governor

        messages = []
        for _ in range(2):
            try:
                ents.entities("Okafor spoke in Boston.", 0, 23)
            except ModelUnavailableError as exc:
                messages.append(str(exc))
        readings = []
        for text, weekday in (("Okafor resigned on Tuesday.", "Tuesday"), ("Lindqvist left on Monday.", "Monday")):
            day = text.index(weekday)
            readings.append(governor(text, 0, len(text), (day, day + len(weekday))))
        print(json.dumps({"loads": len(loads), "messages": messages, "readings": readings}))
        """
    )
    assert result["loads"] == 1
    messages = result["messages"]
    assert isinstance(messages, list) and len(messages) == 2
    assert all("not installed" in m and "\n" not in m for m in messages)
    assert result["readings"] == [None, None]
