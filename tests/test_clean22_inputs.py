"""Text-level inputs (clean22): plain-text bylines and stamps are boilerplate, stdin that names a tag is text, a
short Western text in windows-1252 is read as windows-1252."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storytrace import compare
from storytrace.article import _sniff, article_from_text, decode_bytes, legacy_encoding
from storytrace.errors import InputError
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.text import analyse, byline_or_stamp, is_boilerplate

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)

STORY = (
    "The harbour council voted 7-2 on Tuesday to build a new sea wall along the northern shore, after two "
    "winters of flooding damaged 140 homes.\n\n"
    "The wall will cost 12 million pounds and take three years to finish, the council's engineer, Tom Hale, "
    "told the meeting.\n\n"
    "Residents who opposed the plan said the money should go to moving homes away from the shore instead.\n"
)
HEADLINE = "Harbour council approves new sea wall"


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Smith, Reuters",
        "BY JANE SMITH, REUTERS",
        "By Jane Smith | Reuters",
        "Updated 10:42 AM GMT",
        "Posted at 9:15 a.m. ET",
        "Published 7 March 2026",
        "Last updated: 7 March 2026 at 10:42",
        "By Jane Smith, Reuters | Updated 10:42 AM GMT",
        "Reporting by Jane Smith; Editing by Al Roe",
    ],
)
def test_byline_and_stamp_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "Updated figures show 140 homes were damaged.",
        "Published reports said the mayor had resigned.",
        "The reporter, Jane Smith, updated the story at 10:42.",
        "By Friday, officials said the wall was finished.",
        "By law, the council must publish its accounts.",
        "By 2030 the wall will be finished.",
        "Last year 140 homes were damaged.",
        "May 2026 was the wettest month on record.",
        "5 PM",  # a time alone, no label: a live blog's entry time is no plain text's to drop
        # a sentence in capitals the page reader's byline pattern takes (SheepDog)
        "BY THE USE OF THIS DUE PROCESS FORMULA THE COURT DOES NOT, AS ITS PROPONENTS FREQUENTLY PROCLAIM, ABSTAIN "
        "FROM INTERFERING WITH THE CONGRESSIONAL POLICY.",
        "BY USING FORCE, THE POLICE BROKE THE LAW.",
    ],
)
def test_story_sentences_that_name_an_update_or_a_reporter_stay(sentence: str) -> None:
    assert not is_boilerplate(sentence)
    assert not byline_or_stamp(sentence)


def test_byline_and_stamp_lines_under_a_headline_are_sentences_of_their_own() -> None:
    text = f"{HEADLINE}\nBy Jane Smith, Reuters\nUpdated 10:42 AM GMT\n\n{STORY}\nBy Jane Smith\n"
    doc = analyse(article_from_text(text))
    marked = [(doc.sentence_text(s.index), s.boilerplate) for s in doc.sentences]
    assert marked[:3] == [(HEADLINE, False), ("By Jane Smith, Reuters", True), ("Updated 10:42 AM GMT", True)]
    assert marked[-1] == ("By Jane Smith", True)
    assert all(not boilerplate for _, boilerplate in marked[3:-1])


def test_wrapped_prose_keeps_a_date_or_a_byline_that_goes_on_its_sentence() -> None:
    text = (
        "The council said on Monday that the new harbour wall would be finished and that it would vote on\n"
        "May 5, 2026. Residents who opposed the plan asked the mayor to delay the vote until the spring, when a\n"
        "report on the shore is due. The report on the northern shore and its homes was written and signed\n"
        "by Jane Smith, Reuters\n"
    )
    doc = analyse(article_from_text(text))
    assert [doc.sentence_text(s.index)[-12:] for s in doc.sentences] == ["May 5, 2026.", "hore is due.", "ith, Reuters"]
    assert not any(s.boilerplate for s in doc.sentences)


def _kinds(report: Any) -> list[str]:
    return [f"{f.type}:{f.subtype}" for f in report.findings]


def test_a_copy_that_drops_the_byline_and_stamps_omits_nothing() -> None:
    original = (
        f"{HEADLINE}\n\nBy Jane Smith, Reuters\nUpdated 10:42 AM GMT\n\n{STORY}\nReporting by Jane Smith; "
        "Editing by Al Roe\n"
    )
    report = compare(original, f"{HEADLINE}\n\n{STORY}", settings=LEXICAL)
    assert report.findings == (), _kinds(report)
    assert report.scores.coverage == 1.0


def test_a_copy_that_adds_a_byline_and_a_stamp_adds_no_claim() -> None:
    suspect = f"{HEADLINE}\nPublished 7 March 2026\n\n{STORY}\nBy Jane Smith, Reuters\n"
    report = compare(f"{HEADLINE}\n\n{STORY}", suspect, settings=LEXICAL)
    assert report.findings == (), _kinds(report)
    assert report.scores.novelty == 0.0


def test_an_index_of_the_previous_schema_asks_for_a_rebuild(tmp_path: Path) -> None:
    # Boilerplate decides what an index holds: one built before bylines were left out must be rebuilt.
    path = tmp_path / "v5.db"
    Index(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(InputError, match=r"index schema version 5, but this storytrace reads version 6: rebuild"):
        Index(path, create=False)


# --- stdin sniffing --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The page uses <html> tags to lay out the text, the developer said on Monday.\n",
        "<html> tags wrap every web page, the developer said on Monday.\n",
        "<b>Note:</b> the page uses <html> and <body> tags, the developer said.\n",
        "Use <p> for a paragraph, the guide says; a <p> opens one, and a third <p> opens another.\n",
    ],
)
def test_text_that_names_tags_is_text(text: str) -> None:
    assert _sniff(text) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><head><title>T</title></head><body><p>The quay reopened.</p></body></html>",
        '<?xml version="1.0"?>\n<!-- saved from url -->\n<html lang="en"><head><title>T</title></head><body>x',
        "<html>\n<body><p>The quay reopened on Monday.</p>",  # cut before its </html>
        "<article><p>The harbour master confirmed the closure on Thursday.</p></article>",
        "<p>The ferry ran late.</p>\n<p>Fares will not change.</p>\n<p>Passengers welcomed it.</p>\n",
    ],
)
def test_documents_and_markup_are_html(text: str) -> None:
    assert _sniff(text) == "html"


def test_stdin_that_opens_with_a_tag_name_is_compared_as_text(run_cli: Any, tmp_path: Path) -> None:
    story = "<html> tags wrap every web page, the developer told the conference in Lisbon on Monday.\n"
    other = tmp_path / "other.txt"
    other.write_text(story, encoding="utf-8")
    proc = run_cli(["compare", "-", str(other), "--format", "json", "--no-embeddings"], stdin=story)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["text"] == story


# --- legacy code pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Côte d'Ivoire: élection présidentielle en décembre.",  # was read as Baltic cp775: "C¶te ... ķlection"
        "Très bien, merci.",  # was read as Japanese cp932: "Tr鑚 bien"
        "Le maire a démissionné mardi.",
        "Prix: 12 € par mois.",
    ],
)
def test_short_french_in_windows_1252_is_read_as_windows_1252(text: str) -> None:
    data = text.encode("cp1252")
    assert legacy_encoding(data) == "cp1252"
    assert decode_bytes(data, name="short.txt") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Ο πρωθυπουργός δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν.", "cp1253"),
        ("Prezydent Łódź powiedział, że rozmowy będą kontynuowane w środę.", "cp1250"),
        ("東京で会議が開かれた。首相は記者会見で発言した。", "cp932"),
        ("Sony (ソニー) said profits rose 5% in the quarter to March.", "cp932"),
    ],
)
def test_other_code_pages_keep_their_reading(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), name="other.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        '<meta charset="utf-8"><title>Quay</title><body><p>The quay reopened on Monday.</p></body>',
        "<div class='story'><article><p>The quay reopened on Monday.</p></article></div>",
    ],
)
def test_a_page_that_opens_with_another_tag_is_still_html(text: str) -> None:
    assert _sniff(text) == "html"
