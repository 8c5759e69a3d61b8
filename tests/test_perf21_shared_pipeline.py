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


def test_a_model_installed_after_a_failed_load_is_picked_up(tmp_path: Path) -> None:
    # A server whose first request found no model says so in one line (and the parse answers "no reading");
    # once the user installs the model as the message says, the next call loads it: no restart needed.
    model_dir = tmp_path / "model_later"
    result = _run(
        f"""
        import json
        import spacy

        from storytrace.errors import ModelUnavailableError
        from storytrace.facts import entities as ents
        from storytrace.facts.tense import governor

        ents.MODEL_PACKAGE = {str(model_dir)!r}
        text = "Mayor Ann Lindqvist spoke in Boston."
        messages = []
        try:
            ents.entities(text, 0, len(text))
        except ModelUnavailableError as exc:
            messages.append(str(exc))
        day = "Okafor resigned on Tuesday.".index("Tuesday")
        reading = governor("Okafor resigned on Tuesday.", 0, 27, (day, day + 7))
        spacy.load("{MODEL_PACKAGE}").to_disk({str(model_dir)!r})  # the user installs the model
        found = [e.text for e in ents.entities(text, 0, len(text))]
        print(json.dumps({{"messages": messages, "reading": reading, "found": found}}))
        """
    )
    messages = result["messages"]
    assert isinstance(messages, list) and len(messages) == 1
    assert "not installed" in messages[0] and "\n" not in messages[0]
    assert result["reading"] is None
    assert result["found"] == ["Ann Lindqvist", "Boston"]


def test_a_sentence_of_few_words_but_many_characters_is_not_parsed() -> None:
    # "a,a,a,..." is one word by spaces and hundreds of tokens: a hostile suspect must not buy parser time with it.
    sentence = "Okafor resigned on Tuesday " + ",".join(["a"] * 600) + "."
    day = sentence.index("Tuesday")
    assert governor(sentence, 0, len(sentence), (day, day + 7)) is None
