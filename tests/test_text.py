from __future__ import annotations

import pytest

from storytrace import text as text_module
from storytrace.article import Article, article_from_text
from storytrace.text import analyse, is_boilerplate, looks_english, normalize_word, paragraph_spans, stem


def sentences(text: str) -> list[str]:
    doc = analyse(article_from_text(text))
    return [doc.sentence_text(s.index) for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Ortiz said the bill would pass. Others disagreed.", 2),
        ("The U.K. government said on Jan. 5 that it would act. The move surprised many.", 2),
        ("The meeting starts at 3 p.m. on Tuesday. It will be long.", 2),
        ("\u201cWe will not back down,\u201d she said. \u201cThis is our town.\u201d", 2),
        ("He said: \u201cWe will win. We always win.\u201d Then he left.", 2),
        ('He said: "We will win. We always win." Then he left.', 2),
        ("The results were... disappointing, officials said. More talks are planned.", 2),
        ("Dr. Amira Hassan, of St. Mary's Hospital, said the No. 2 ward was closed. Patients were moved.", 2),
        ("The company earned $1.2 billion in Q3. Shares rose 4.5%.", 2),
        ("It passed 52-48 in the U.S. Senate on Wednesday. The president signed it.", 2),
        ("Mr. Smith and Mrs. Jones met at 10 a.m. on Monday. They talked for an hour.", 2),
        ("Gov. Lee, R-Tenn., spoke first. Then the vote began.", 2),
        # Plain words nupunkt's legal-text model takes for abbreviations: each was one sentence before.
        ("Troops are dying every month. And this war is a quagmire.", 2),
        ("The patient was diagnosed with cancer. Doctors said she would recover.", 2),
        ("It was the worst flood in a century. \u201cWe lost everything,\u201d one resident said.", 2),
        ("The farm covers 300 acres. Its owner said it was sold.", 2),
        ("See Art. 5 of the treaty. The court agreed.", 2),
        ("The loan came from the World Bank. The terms were strict.", 2),  # names too: "Bank", "York", "Black"
        ("He ate at McDonald. The store closed. It was José. Then he joined NATO. The talks ended.", 5),
        ("Dir. Smith met Asst. Supt. Lee of the Cherry Hill Twp. Police on Monday.", 1),
        ("He was born in New York. His father, Det. Sgt. Hal Black, was a police officer in Albany, N.Y.", 2),
        ("The Rev. Al Sharpton spoke at 1200 Penn. Ave. in Washington, Dr. Lee said on Jan. 5 in Albany.", 1),
        ("The cost was approx. Jones said so. Nobody disagreed.", 2),  # a lowercase abbreviation news writes
    ],
)
def test_news_sentence_splitting(text: str, expected: int) -> None:
    got = sentences(text)
    assert len(got) == expected, got


def test_quote_spanning_sentences_stays_whole() -> None:
    got = sentences("\u201cThis is not over. We will appeal,\u201d said Dr. Lin. The court adjourned.")
    assert got == ["\u201cThis is not over. We will appeal,\u201d said Dr. Lin.", "The court adjourned."]


def test_spans_index_the_original_text_exactly() -> None:
    text = "Headline here\r\n\r\n  First para, sentence one.  Sentence two!\r\n\r\nSecond para?\n"
    doc = analyse(article_from_text(text))
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Headline here",
        "First para, sentence one.",
        "Sentence two!",
        "Second para?",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]
    for s in doc.sentences:
        for t in s.tokens:
            assert s.start <= t.start < t.end <= s.end


def test_paragraphs_by_blank_lines_or_lines() -> None:
    assert len(paragraph_spans("One.\n\nTwo.\n\n\nThree.")) == 3
    assert len(paragraph_spans("One line.\nAnother line.\nA third.")) == 3


def test_hard_wrapped_text_is_one_paragraph() -> None:
    wrapped = (
        "The council met on Tuesday evening to discuss the budget for the coming\n"
        "year, which includes a large increase in spending on roads and a new\n"
        "library for the north of the town, the mayor said after the meeting\n"
        "ended late in the night."
    )
    assert len(paragraph_spans(wrapped)) == 1
    assert len(sentences(wrapped)) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Sign up for our daily newsletter to get the news first.",
        "Follow us on X and Facebook",
        "Photo: Jane Doe/The Ledger",
        "Read more: Council approves budget",
        "Advertisement",
        "\u00a9 2024 The Harbour Ledger. All rights reserved.",
        "Reporting by Jane Doe; editing by John Roe",
        "The mayor at the meeting (Getty Images)",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council shared the report with residents on Monday.",
        "She said the photo was taken in March.",
        "Subscribers to the water service will pay 4% more.",
        "Reporters followed the mayor to the town hall.",
    ],
)
def test_news_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_normal_forms() -> None:
    assert normalize_word("5,000") == "5000"
    assert normalize_word("Council\u2019s") == "council's"
    assert stem("approved") == stem("approves") == "approv"
    assert stem("cuts") == "cut"


def test_english_detection() -> None:
    assert looks_english("The council approved the budget on Tuesday after a long debate in the chamber.")
    assert not looks_english(
        "Der Stadtrat hat am Dienstag nach einer langen Debatte im Saal den Haushalt für das kommende "
        "Jahr beschlossen, sagte die Bürgermeisterin."
    )
    assert looks_english("Short.")


def _reference_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The plain definition the fast ``tokenize`` must match: every regex word with its two forms."""
    from storytrace.text import _TOKEN

    out = []
    for m in _TOKEN.finditer(text, start, end):
        norm = normalize_word(m.group())
        out.append((m.start(), m.end(), norm, stem(norm)))
    return out


def test_fast_tokenize_matches_the_plain_definition_on_every_example() -> None:
    from pathlib import Path

    from storytrace.text import Token, tokenize

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "data").glob("*.txt"))]
    texts.append("Ünïcödé ’quotes’ 1,234.5 U.S. café—naïve. ﬁnance ＡＢＣ 3rd e.g. it’s Ortiz’s 52-48")
    assert len(texts) > 3
    for text in texts:
        doc = analyse(article_from_text(text))
        for s in doc.sentences:
            got = [(t.start, t.end, t.norm, t.stem) for t in s.tokens]
            assert got == _reference_tokens(text, s.start, s.end)
        whole = tokenize(text, 0, len(text))
        assert [(t.start, t.end, t.norm, t.stem) for t in whole] == _reference_tokens(text, 0, len(text))
    made = tokenize("Hello World", 0, 11)[0]
    assert made == Token(0, 5, "hello", "hello") and hash(made) == hash(Token(0, 5, "hello", "hello"))
    assert repr(made) == repr(Token(0, 5, "hello", "hello"))


@pytest.mark.parametrize(
    "chunk",
    [
        "One sentence only.",
        "  Lead in  ",
        "No stop at all",
        'He said "yes."  ',
        "Ends with (note.) ",
        "Wait\u2026 what",
        "a.b.c test",
        "Two sentences. Here.",
        'He said "yes." Then left.',
        "U.S. officials met.",
        "What? No.",
    ],
)
def test_punkt_shortcut_gives_what_punkt_gives(chunk: str) -> None:
    import nupunkt

    from storytrace.text import _punkt_spans

    assert _punkt_spans(chunk) == list(nupunkt.sent_spans(chunk))


def test_specifics_are_numbers_and_names_after_the_first_word() -> None:
    doc = analyse(Article(text="Officials at the Health Ministry said 7,065 people in Lagos were hit on Tuesday."))
    assert doc.specifics(0) == {"7065", "health", "ministry", "lago", "tuesday"}


def test_specifics_ignore_capitals_of_a_title_case_headline() -> None:
    doc = analyse(Article(text="Seattle's Sensational Love Affair With Animals: 40 Dogs Dominate The City"))
    assert doc.specifics(0) == {"40"}


def test_a_quotation_mark_left_open_does_not_swallow_the_paragraph() -> None:
    # SheepDog's LLM rewrites often open their answer with a quotation mark and never close it, or wrap
    # the whole answer in one: each sentence stays a sentence.
    body = "Shocking news today. The council voted. Taxes will rise. Residents are angry. The mayor resigned."
    assert len(sentences('"' + body)) == 5
    assert len(sentences('"' + body + '"')) == 5
    # A real quotation of a few sentences stays whole.
    assert sentences('He said: "We lost. We will appeal. We will win." Then he left.') == [
        'He said: "We lost. We will appeal. We will win."',
        "Then he left.",
    ]


def _sentences(text: str) -> list[str]:
    from storytrace.article import Article
    from storytrace.text import analyse

    doc = analyse(Article(text=text))
    return [doc.sentence_text(s.index) for s in doc.sentences]


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker() -> None:
    """News style: a quotation that goes on in the next paragraph has no closing mark at this one's end."""
    text = (
        "Mayor Ines Varga said: \u201cWe will fight the ruling. We will win in court.\n\n"
        "\u201cWe will not give up,\u201d she added."
    )
    assert _sentences(text)[0] == "Mayor Ines Varga said: \u201cWe will fight the ruling. We will win in court."


def test_the_closing_mark_of_a_long_run_found_to_be_no_quotation_opens_nothing() -> None:
    text = (
        'Smith said: "We lost. We will appeal. We will win. We must. We shall," he added. The mayor spoke. '
        'Jones replied: "We will see. It is early." Rates rose.'
    )
    sentences = _sentences(text)
    assert "The mayor spoke." in sentences
    assert 'Jones replied: "We will see. It is early."' in sentences


def test_analyse_with_reuse_moves_the_donors_sentences_and_equals_analyse(monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyse(text, reuse=doc)`` copies a repeated paragraph's sentences from ``doc`` only where its own
    analysis would give the same: a paragraph whose quotation was continued in the donor (next paragraph opens
    with a quotation mark) and is not here is split again, not copied."""
    quoted = 'He said: "We will build the wall. We will pay for it. Nobody can stop us.'
    donor_text = "\n\n".join([quoted, '"It starts in May," he added.', "The council met on Monday. It voted 7-4."])
    donor = analyse(Article(text=donor_text))
    # In the donor the open quotation goes on into the next paragraph: one sentence. Followed by a paragraph
    # without a quotation mark, the same characters are three sentences.
    assert [s.paragraph for s in donor.sentences].count(0) == 1
    text = "A headline here\n\n" + "\n\n".join([quoted, "The council met on Monday. It voted 7-4."])
    expected = analyse(Article(text=text))
    assert [s.paragraph for s in expected.sentences].count(1) == 3
    split: list[str] = []
    real = text_module.sentence_spans

    def counting(
        text: str, start: int, end: int, *, continued: bool = False, first: bool = False
    ) -> list[tuple[int, int]]:
        split.append(text[start:end])
        return real(text, start, end, continued=continued, first=first)

    monkeypatch.setattr(text_module, "sentence_spans", counting)
    got = analyse(Article(text=text), reuse=donor)
    assert got.sentences == expected.sentences
    assert [s.content_stems() for s in got.sentences] == [s.content_stems() for s in expected.sentences]
    # Only the title and the paragraph whose quotation ends differently were split; the last is the donor's,
    # moved: its words' spans index the new text.
    assert split == ["A headline here", quoted]
    moved = got.sentences[-1]
    assert moved.tokens[0].start != donor.sentences[-1].tokens[0].start
    assert [text[t.start : t.end] for t in moved.tokens] == ["It", "voted", "7", "4"]
