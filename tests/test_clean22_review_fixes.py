"""clean22's review fixes (rev22c): a date alone on a line is a timeline's, not a stamp; a title-case headline or a
caption that opens with "By" is no byline; a Turkish or Baltic Windows code page keeps its reading; a WARC payload's
head and legacy <p> markup are sniffed as main sniffed them."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import _sniff, article_from_text, decode_bytes, legacy_encoding
from storytrace.corpus import _looks_like_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.text import analyse, byline_or_stamp, is_boilerplate

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)

INTRO = (
    "Collapse of Harbour Bank: a timeline\n\n"
    "The collapse of Harbour Bank took regulators by surprise, and depositors are still waiting for their money.\n\n"
)
OUTRO = "The government has promised to repay deposits of up to 85,000 pounds within a month.\n"
ENTRIES = (
    "The bank reports a loss of 40 million pounds and suspends its dividend.",
    "Chief executive Tom Hale resigns after a board meeting that ran past midnight.",
    "Regulators close the bank and freeze its 12,000 accounts.",
)


def _timeline(dates: tuple[str, str, str]) -> str:
    return INTRO + "".join(f"{d}\n{e}\n\n" for d, e in zip(dates, ENTRIES, strict=True)) + OUTRO


DATES = ("March 3, 2026", "March 19, 2026", "April 14, 2026")
ORIGINAL = _timeline(DATES)


def test_a_timeline_copy_that_changes_its_dates_is_reported() -> None:
    copy = _timeline(("March 3, 2026", "March 9, 2026", "March 14, 2026"))
    report = compare(ORIGINAL, copy, settings=LEXICAL)
    changed = [f for f in report.findings if f.type == "date_changed"]
    assert len(changed) == 2, [f"{f.type}:{f.subtype}" for f in report.findings]
    assert all(f.severity == "high" for f in changed)


def test_a_timeline_date_stays_in_its_entry() -> None:
    doc = analyse(article_from_text(ORIGINAL))
    entries = [doc.sentence_text(s.index) for s in doc.sentences if "2026" in doc.sentence_text(s.index)]
    assert entries == [f"{d}\n{e}" for d, e in zip(DATES, ENTRIES, strict=True)]
    assert not any(s.boilerplate for s in doc.sentences)


def test_the_original_of_a_timeline_is_not_taken_for_the_copy() -> None:
    prose = INTRO + "".join(
        f"On {d}, {e[0].lower()}{e[1:]}\n\n"
        for d, e in zip(("March 3, 2026", "March 9, 2026", "March 14, 2026"), ENTRIES, strict=True)
    )
    report = compare(ORIGINAL, prose + OUTRO, settings=LEXICAL)
    assert report.verdict.direction != "reversed"


@pytest.mark.parametrize(
    "line",
    [
        "March 9, 2026",
        "Monday, March 9, 2026.",
        "2 hours ago",
        "By Using Force, Police Broke The Law",
        "By Popular Demand, Trump Returns",
        "By Midnight Mass, Crowds Gathered",
        "By Chance, Smith Survived",
        "By The Numbers",
        "By Any Means Necessary",
        "By 2030, emissions must halve (IPCC/UNEP)",
        "First Minister John Swinney (SNP/Perth)",
        "Last year 3,000 people died (WHO/UNICEF)",
        "Last week's photo: Kit Brennard",
    ],
)
def test_dates_headlines_and_captions_are_no_bylines_or_stamps(line: str) -> None:
    assert not byline_or_stamp(line)
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Jaan Tamm and Mari Kask",
        "By Jane Smith, Tom Hale and Al Roe",
        "By Jane Smith — AP — March 5, 2024",
        "By Jane Doe, staff writer",
        "By Jaan Tamm, Baltic Gazette",
        "By Jane Smith | Published 14/05/2024",
        "Published 14 May 2024, 09:30 BST · Updated 15 May 2024",
        "(Reporting by Jane Smith; Editing by Al Roe)",
    ],
)
def test_bylines_that_name_people_and_labelled_stamps_still_are(line: str) -> None:
    assert byline_or_stamp(line)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Hükümet gelecek yılın bütçesini onayladı.", "cp1254"),
        ("Türkiye ile Yunanistan arasında yeni görüşme yapılacak.", "cp1254"),
        ("Seimas priėmė biudžeto įstatymą ateinantiems metams.", "cp1257"),
        ("Vyriausybė patvirtino naują mokesčių reformą.", "cp1257"),
    ],
)
def test_short_turkish_and_baltic_keep_their_windows_code_page(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert legacy_encoding(data) == encoding
    assert decode_bytes(data, name="short.txt") == text


STYLE = "<style>" + ".a{color:red}\n" * 400 + "</style>"
BODY = "<p>The quay reopened on Monday after a week of repairs to the harbour wall.</p>\n" * 5


@pytest.mark.parametrize(
    "page",
    [
        f"<meta charset='utf-8'>\n<html><head><title>Quay</title>{STYLE}</head><body>{BODY}</body></html>",
        f"<script>var a=1;</script>\n<html lang=en><head>{STYLE}</head><body>{BODY}</body></html>",
        "<html>\n<!-- " + "x" * 5000 + " -->\n<head><title>Quay</title></head><body>" + BODY + "</body></html>",
    ],
)
def test_a_warc_payload_whose_closing_tags_lie_past_its_head_is_html(page: str) -> None:
    assert _looks_like_html(page.encode())


LEGACY = "<p>The council voted on Tuesday.\n<p>The wall will cost 12 million pounds.\n<p>Residents objected.\n"


def test_legacy_paragraph_markup_without_closing_tags_is_html() -> None:
    assert _sniff(LEGACY) == "html"
    assert _looks_like_html(LEGACY.encode())
