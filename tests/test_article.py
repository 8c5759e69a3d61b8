"""Ingestion tests: every input format, every way an input can be wrong, and HTML extraction on
crafted news pages (fictional content, tests/data/ingest/)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import socket
import sys
import unicodedata
from pathlib import Path

import pytest

from storytrace import article as article_mod
from storytrace.article import (
    DEFAULT_MAX_BYTES,
    Article,
    article_from_html,
    article_from_record,
    article_from_text,
    decode_bytes,
    load_article,
)
from storytrace.errors import InputError, StorytraceError

DATA = Path(__file__).parent / "data" / "ingest"


def data(name: str) -> str:
    return str(DATA / name)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly on any attempt to reach the network, and record it."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    import htmldate.utils
    import trafilatura.downloads

    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    return attempts


def set_stdin(monkeypatch: pytest.MonkeyPatch, payload: bytes) -> io.BytesIO:
    raw = io.BytesIO(payload)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return raw


def error_of(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------------------------------
# Plain text


def test_plain_text_is_kept_byte_exact() -> None:
    raw = (DATA / "plain_crlf.txt").read_bytes()
    art = load_article(data("plain_crlf.txt"))
    assert art.text.encode("utf-8") == raw
    assert "\r\n" in art.text
    assert art.text.startswith("Harbour ferry fares")
    assert "  The Gannet Point ferry" in art.text  # leading and trailing spaces survive
    assert art.id is None and art.title is None and art.published is None and art.meta == {}


def test_utf8_bom_is_dropped_and_nothing_else_changes() -> None:
    raw = (DATA / "utf8_bom.txt").read_bytes()
    art = load_article(data("utf8_bom.txt"))
    assert not art.text.startswith("\ufeff")
    assert art.text.encode("utf-8") == raw[3:]


def test_decomposed_letters_are_composed_and_composed_text_is_kept_as_given(tmp_path: Path) -> None:
    composed = "José Müller, of the café in Zürich, said: \u201cnaïve\u201d.\r\n"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    path = tmp_path / "nfd.txt"
    path.write_bytes(decomposed.encode("utf-8"))
    for art in (
        Article(text=decomposed, title=decomposed, outlet=decomposed),
        article_from_text(decomposed),
        article_from_record({"id": "x", "text": decomposed}),
        load_article(str(path)),
    ):
        assert art.text == composed
        assert art.title in (None, composed) and art.outlet in (None, composed)
    kept = Article(text=composed)
    assert kept.text is composed  # already NFC: the very string given, so offsets map onto it
    assert Article(text=decomposed) == Article(text=composed)


def test_cp1252_french_is_decoded() -> None:
    art = load_article(data("french_cp1252.txt"))
    assert "voté" in art.text
    assert "600 mètres" in art.text  # cp1250 would give "mčtres"
    assert "« C'est une décision difficile mais nécessaire »" in art.text
    assert "Hélène Garçon" in art.text
    assert "saisons… et" in art.text
    assert art.text.encode("cp1252") == (DATA / "french_cp1252.txt").read_bytes()


def test_latin1_german_is_decoded() -> None:
    art = load_article(data("german_latin1.txt"))
    assert "Großhafen" in art.text and "Bürgermeisterin Jördis Käßmann" in art.text
    assert art.text.encode("latin-1") == (DATA / "german_latin1.txt").read_bytes()


def test_utf16_with_bom_is_decoded() -> None:
    art = load_article(data("utf16_bom.txt"))
    assert art.text.startswith("Lifeboat crew rescue three")
    assert "sailors — two adults" in art.text and "“brutal”" in art.text
    assert "\r\n" in art.text


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"\xff\xfe" + "Gr\u00fc\u00dfe".encode("utf-16-le"), "Grüße"),
        (b"\xfe\xff" + "Gr\u00fc\u00dfe".encode("utf-16-be"), "Grüße"),
        (b"\xff\xfe\x00\x00" + "Gr\u00fc\u00dfe".encode("utf-32-le"), "Grüße"),
        (b"\xef\xbb\xbfGr\xc3\xbc\xc3\x9fe", "Grüße"),
        ("Café crème".encode("cp1252"), "Café crème"),
        ("He said \u201cno\u201d \u2013 twice.".encode("cp1252"), "He said \u201cno\u201d \u2013 twice."),
    ],
)
def test_decode_bytes(payload: bytes, expected: str) -> None:
    assert decode_bytes(payload, name="x") == expected


def test_text_that_starts_like_a_magic_number_is_not_binary() -> None:
    assert decode_bytes(b"BMW recalls 10,000 cars over faulty brakes.", name="x").startswith("BMW")


def test_legacy_html_page_uses_its_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Crème de la crème</title></head><body><article>"
        "<p>La pâtisserie de Saint-Aubert a remporté le concours régional pour la troisième fois.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    art = load_article(str(path))
    assert art.text == "La pâtisserie de Saint-Aubert a remporté le concours régional pour la troisième fois."
    assert art.title == "Crème de la crème"


def test_a_gzipped_page_is_read_as_the_page_it_holds(tmp_path: Path) -> None:
    page = "<html><head><title>Quay reopens</title></head><body><article><p>" + "The quay reopened. " * 5
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((page + "</p></article></body></html>").encode()))
    art = load_article(str(path))
    assert art.title == "Quay reopens" and art.text == ("The quay reopened. " * 5).strip()
    path.write_bytes(path.read_bytes()[:30])
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: compressed data ends early (the file is truncated)"
    path.write_bytes(gzip.compress(b"x" * 2000))
    with pytest.raises(InputError, match=r"decompressed file is over the 1\.0 KB limit"):
        load_article(str(path), max_bytes=1000)


def test_damaged_utf8_is_refused_not_turned_into_mojibake() -> None:
    good = ("Le conseil a voté la création d'une digue. Hélène Garçon a déclaré « c'est nécessaire ». " * 5).encode()
    with pytest.raises(InputError) as excinfo:
        decode_bytes(good[:200] + b"\x92" + good[200:], name="mixed.txt")
    assert error_of(excinfo) == "mixed.txt: not valid UTF-8 (invalid byte 0x92 at byte 200); re-save the file as UTF-8"


def test_undetectable_encoding_is_refused() -> None:
    noise = bytes((i * 37 + 11) % 128 + 128 for i in range(600))
    with pytest.raises(InputError, match=r"^noise\.txt: cannot tell the text encoding"):
        decode_bytes(noise, name="noise.txt")


@pytest.mark.parametrize(
    "payload",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"Council backs seawall\x00\x00\x00 after debate",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        gzip.compress(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),  # read through, then refused
        bytes(range(1, 9)) * 20 + b" some words",
    ],
    ids=["png", "nul", "pdf", "zip", "gzipped png", "controls"],
)
def test_binary_files_are_refused(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "upload.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: looks like a binary file, not article text"


# --------------------------------------------------------------------------------------------------
# Size, emptiness, filesystem errors


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(7_200_000)
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: file is 7.2 MB, over the 5.0 MB limit (raise it with --max-bytes)"
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_size_just_over_the_limit_is_shown_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    with open(path, "wb") as f:
        f.truncate(5_000_001)
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert "file is 5,000,001 bytes, over the 5,000,000-byte limit" in error_of(excinfo)


def test_max_bytes_can_be_raised_and_lowered(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("The tide came in early on Tuesday. " * 40, encoding="utf-8")
    with pytest.raises(InputError, match=r"file is 1\.4 KB, over the 1\.0 KB limit"):
        load_article(str(path), max_bytes=1_000)
    assert load_article(str(path), max_bytes=2_000).text.startswith("The tide")


def test_stdin_is_read_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    requested: list[int] = []

    class CountingReader(io.BytesIO):
        def read(self, size: int | None = -1, /) -> bytes:
            requested.append(-1 if size is None else size)
            return super().read(size)

    raw = CountingReader(b"x" * 5_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    with pytest.raises(InputError) as excinfo:
        load_article("-", max_bytes=1_000)
    assert error_of(excinfo) == "<stdin>: input is over the 1.0 KB limit (raise it with --max-bytes)"
    assert requested and all(0 <= n <= 1_001 for n in requested)


@pytest.mark.parametrize("payload", [b"", b"  \n\t\r\n   ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_file(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: no article text (empty file)"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        load_article(str(tmp_path))
    assert error_of(excinfo) == f"{tmp_path}: is a directory"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # chmod does not stop root, so simulate the failure where the module opens the file
    monkeypatch.setattr(article_mod, "open", denied, raising=False)
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo) == f"{path}: cannot read (permission denied)"


def test_input_error_is_a_storytrace_error(tmp_path: Path) -> None:
    with pytest.raises(StorytraceError):
        load_article(str(tmp_path / "missing"))


def test_file_name_with_newline_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    with pytest.raises(InputError) as excinfo:
        load_article(str(path))
    assert error_of(excinfo).endswith("two\\nlines.txt: no such file")


# --------------------------------------------------------------------------------------------------
# JSON


def test_json_record() -> None:
    art = load_article(data("article.json"))
    assert art.id == "4711"
    assert art.title == "Winter ferry timetable extended to May"
    assert art.url == "https://harbourgazette.example/news/local/2024/03/12/ferry-timetable"
    assert art.outlet == "The Harbour Gazette"
    assert art.published == "2024-03-12"
    assert art.published_date() == dt.date(2024, 3, 12)
    assert art.text.startswith("The winter ferry timetable") and "\n\nThe operator" in art.text
    assert art.meta == {
        "section": "Local News",
        "tags": ["ferry", "transport"],
        "wordcount": 38,
        "source_note": None,
    }
    meta = art.to_meta()
    assert "text" not in meta and "source_note" not in meta  # None values are left out
    assert meta["id"] == "4711" and meta["published"] == "2024-03-12" and meta["tags"] == ["ferry", "transport"]


def test_json_record_with_html_is_extracted(no_network: list[str]) -> None:
    art = load_article(data("article_html.json"))
    assert art.id == "rs-0915"
    assert art.outlet == "Riverside Echo (print edition)"  # the record wins over the page
    assert art.title == "Bridge closure"
    assert art.published == "2021-06-30"
    assert art.text == (
        "The Old Mill bridge will close for six weeks from Monday while engineers replace its rusted "
        "railings, the county council said.\n\nPedestrians will be diverted over the weir footpath, "
        "adding about ten minutes to the walk into town."
    )
    assert art.meta == {"desk": "county"}
    assert no_network == []


def test_a_record_with_an_empty_text_and_its_html_is_read_from_the_html() -> None:
    # a crawler's export: "text" left empty where the page was not extracted, as a CSV row can be
    page = (
        "<html><body><article><p>The Old Mill bridge will close for six weeks from Monday.</p></article></body></html>"
    )
    art = article_from_record({"id": "p1", "text": " ", "html": page})
    assert art.text == "The Old Mill bridge will close for six weeks from Monday."
    with pytest.raises(InputError, match="field 'text' is empty"):
        article_from_record({"id": "p2", "text": "", "html": " "})


def test_malformed_json() -> None:
    with pytest.raises(InputError) as excinfo:
        load_article(data("malformed.json"))
    assert error_of(excinfo) == f"{data('malformed.json')}: malformed JSON at line 3 column 3: Expecting ',' delimiter"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("no_text.json", "no article text (the JSON object has no 'text' or 'html' field)"),
        ("array.json", "expected a JSON object with a 'text' field, got an array"),
        ("number_text.json", "field 'text' must be a string, got a number"),
    ],
)
def test_json_without_usable_text(name: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        load_article(data(name))
    assert error_of(excinfo) == f"{data(name)}: {message}"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"text": "   "}, "row 3: no article text (field 'text' is empty)"),
        ({"text": "ok", "id": 1.5}, "row 3: field 'id' must be a string or an integer, got a number"),
        ({"text": "ok", "id": True}, "row 3: field 'id' must be a string or an integer, got a boolean"),
        ({"text": "ok", "title": ["a"]}, "row 3: field 'title' must be a string, got an array"),
        ({"html": 7}, "row 3: field 'html' must be a string, got a number"),
    ],
)
def test_record_validation(record: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        article_from_record(record, where="row 3")
    assert error_of(excinfo) == message


def test_a_record_dated_under_another_common_name_is_dated() -> None:
    # A crawl's "date" or schema.org's "datePublished" sat unread in meta: the article was compared as undated.
    art = article_from_record({"id": "a", "text": "The council met.", "datePublished": "2024-03-14", "section": "x"})
    assert (art.published, art.meta) == ("2024-03-14", {"section": "x"})
    art = article_from_record({"id": "a", "text": "The council met.", "date": "2024-03-14T10:00:00Z"})
    assert art.published == "2024-03-14T10:00:00+00:00" and art.meta == {}
    # "published" wins; the other stays what it was, a field of the record's own
    art = article_from_record({"id": "a", "text": "The council met.", "published": "2024-03-15", "date": "2024-03-14"})
    assert (art.published, art.meta) == ("2024-03-15", {"date": "2024-03-14"})


def test_record_unparseable_date_is_kept_raw() -> None:
    art = article_from_record({"text": "Body text.", "published": "the day before the storm", "id": 7})
    assert art.published is None and art.published_date() is None
    assert art.meta == {"published_raw": "the day before the storm"}
    assert art.id == "7"


# --------------------------------------------------------------------------------------------------
# Format detection and stdin


def test_format_is_sniffed_without_extension(tmp_path: Path) -> None:
    as_json = tmp_path / "a"
    as_json.write_text(json.dumps({"text": "Short wire copy about the harbour.", "title": "T"}), encoding="utf-8")
    assert load_article(str(as_json)).title == "T"

    as_html = tmp_path / "b"
    as_html.write_bytes((DATA / "news_page.html").read_bytes())
    assert load_article(str(as_html)).title == "Council backs Port Averley seawall after stormy debate"

    braces = tmp_path / "c"
    braces.write_text("{Editor's note} This story has been corrected.\n", encoding="utf-8")
    assert load_article(str(braces)).text == "{Editor's note} This story has been corrected.\n"

    paragraphs = tmp_path / "d.dat"
    paragraphs.write_text(
        "<p>The ferry operator confirmed the new timetable on Friday morning.</p>\n"
        "<p>Fares will not change until the autumn, it said.</p>\n<p>Passengers welcomed the news.</p>\n",
        encoding="utf-8",
    )
    assert load_article(str(paragraphs)).text.startswith("The ferry operator confirmed")


def test_json_object_without_text_is_reported_as_json(tmp_path: Path) -> None:
    path = tmp_path / "record"
    path.write_text('{"title": "Only metadata"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"no article text \(the JSON object has no 'text' or 'html' field\)$"):
        load_article(str(path))


def test_extension_and_fmt_decide_over_content(tmp_path: Path) -> None:
    page = (DATA / "news_page.html").read_text(encoding="utf-8")
    as_text = tmp_path / "page.txt"
    as_text.write_text(page, encoding="utf-8")
    # a whole HTML document saved as .txt is read as the page it is (session 21, with a warning); fmt="text" still wins
    assert load_article(str(as_text)).title == "Council backs Port Averley seawall after stormy debate"
    assert load_article(str(as_text), fmt="text").text == page
    assert load_article(data("news_page.html"), fmt="text").text == page
    assert load_article(str(as_text), fmt="html").title == "Council backs Port Averley seawall after stormy debate"
    md = tmp_path / "notes.md"
    md.write_text("# Heading\n\n<p>kept as text</p>\n", encoding="utf-8")
    assert load_article(str(md)).text == "# Heading\n\n<p>kept as text</p>\n"


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = b"Ferry fares rise.\r\nChildren still travel free.\r\n"
    set_stdin(monkeypatch, payload)
    art = load_article("-")
    assert art.text == payload.decode() and art.id is None


def test_stdin_json_and_html(monkeypatch: pytest.MonkeyPatch, no_network: list[str]) -> None:
    set_stdin(monkeypatch, (DATA / "article.json").read_bytes())
    assert load_article("-").id == "4711"
    set_stdin(monkeypatch, (DATA / "news_page.html").read_bytes())
    art = load_article("-")
    assert art.published == "2024-03-14T09:30:00+00:00" and art.id is None


def test_stdin_latin1(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, (DATA / "german_latin1.txt").read_bytes())
    assert "Käßmann" in load_article("-").text


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b" \n ")
    with pytest.raises(InputError) as excinfo:
        load_article("-")
    assert error_of(excinfo) == "<stdin>: no article text (empty input)"


# --------------------------------------------------------------------------------------------------
# HTML

NEWS_PARAGRAPHS = [
    "Councillors voted seven to four to fund the £18m project, despite objections from fishing crews.",
    "Port Averley's town council has approved an £18 million seawall to protect the old harbour, ending two "
    "years of argument over how to shield the waterfront from increasingly violent winter storms.",
    "Council leader Annika Folau said the town could not afford to wait another winter.",
    "The scheme will replace 600 metres of Victorian masonry",
    "Fishing crews fear loss of moorings",
    "Skipper Dario Penhallow, whose family has fished from Port Averley for four generations",
    '"They talk about protecting the town, but the harbour is the town," Penhallow said after the meeting.',
    "A public exhibition of the final design will be held at the Seafarers' Hall on 2 April.",
    'warned could "mortgage the harbour to pay for the harbour".',
]
NEWS_JUNK = [
    "Skip to main content",
    "Subscribe from",
    "cookies",
    "Local News",
    "Share on",
    "WhatsApp",
    "Copy link",
    "Waves break over",
    "Photo:",
    "Kit Brennard",
    "Reuters",
    "Jane Doe",
    "Fishing boats in the inner harbour",
    "Morning Briefing",
    "Sign up",
    "newsletter",
    "unsubscribe",
    "privacy policy",
    "Advertisement",
    "Read more",
    "Storm surge leaves",
    "Share this article",
    "Topics:",
    "More from",
    "Winter ferry timetable",
    "Lifeboat crew rescue",
    "Comments (3)",
    "harbourwatcher",
    "My nan's cottage",
    "vanity project",
    "Join the discussion",
    "Follow us",
    "Instagram",
    "About us",
    "All rights reserved",
    "dataLayer",
    "By Mira Talwood",
    "Published 14 March",
]


@pytest.fixture(scope="module")
def news_article() -> Article:
    return load_article(data("news_page.html"))


def test_news_page_keeps_the_story(news_article: Article) -> None:
    for paragraph in NEWS_PARAGRAPHS:
        assert paragraph in news_article.text


@pytest.mark.parametrize("junk", NEWS_JUNK)
def test_news_page_drops_the_junk(news_article: Article, junk: str) -> None:
    assert junk not in news_article.text


def test_news_page_metadata(news_article: Article) -> None:
    assert news_article.title == "Council backs Port Averley seawall after stormy debate"
    assert news_article.published == "2024-03-14T09:30:00+00:00"  # published, not the 16 March update
    assert news_article.url == "https://harbourgazette.example/news/local/2024/03/14/council-backs-seawall"
    assert news_article.outlet == "The Harbour Gazette"
    assert news_article.id is None


def test_news_page_paragraphs_are_separated_by_blank_lines(news_article: Article) -> None:
    paragraphs = news_article.text.split("\n\n")
    assert len(paragraphs) == 10
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith("Councillors voted seven to four")  # headline is in .title, not the text
    assert paragraphs[5] == "Fishing crews fear loss of moorings"


def test_messy_page_without_semantic_markup() -> None:
    art = load_article(data("messy_page.html"))
    assert art.title == "Tram line extension opens two years late"
    assert art.outlet == "Northgate Courier"
    assert art.published == "2023-11-02"
    for kept in [
        "£40 million over its original budget",
        "Helga Onyango",
        "every eight minutes",
        "overnight engineering",
    ]:
        assert kept in art.text
    for junk in [
        "Share this story",
        "Image credit",
        "first passenger tram leaves",
        "Getty Images",
        "Photo: Lena Marsh",
        "Sign up",
        "Follow us",
        "Roman coins found",
        "Quarry Lane",  # a table: left out on purpose
        "Log in",
        "All rights reserved",
    ]:
        assert junk not in art.text


_STORY = [
    "The Ravensbrook city council voted 7-2 on Tuesday to close the Elm Street bridge to heavy trucks after "
    "engineers found cracks in two of its steel girders.",
    "The bridge, built in 1958, was last inspected in 2019, and the cracks had probably formed over two winters.",
    "Repairs are expected to cost $3.4 million and to take until October, Mayor Gideon Pratt said.",
]


def _teaser(topic: str) -> str:
    return (
        f'<article class="teaser"><h2><a href="/live">Live: council {topic} vote</a></h2>'
        f"<p>Follow the latest updates as councillors debate the {topic} plans.</p></article>"
    )


def test_teaser_articles_around_and_inside_the_story_are_left_out() -> None:
    body = "".join(f"<p>{p}</p>" for p in _STORY)
    page = (
        "<html><head><title>Elm Street bridge closed to trucks</title></head><body>"
        f"{_teaser('budget')}<article><h1>Elm Street bridge closed to trucks</h1>{body}{_teaser('housing')}"
        f"</article>{_teaser('planning')}</body></html>"
    )
    art = article_from_html(page)
    assert art.text == "\n\n".join(_STORY)
    assert art.title == "Elm Street bridge closed to trucks"


def test_a_story_set_in_divs_is_not_dropped_for_a_teaser_set_in_paragraphs() -> None:
    body = "".join(f"<div class='para'>{p}</div>" for p in _STORY)
    page = f"<html><body><article><h1>Bridge</h1>{body}</article><aside>{_teaser('budget')}</aside></body></html>"
    art = article_from_html(page)
    assert all(p in art.text for p in _STORY) and "Follow the latest" not in art.text


def test_a_lede_set_after_the_headline_without_a_paragraph_is_kept() -> None:
    page = (
        "<html><head><title>Elm Street bridge closed to trucks</title></head><body><div id='content'>"
        f"<h1>Elm Street bridge closed to trucks</h1>{'<br><br>'.join(_STORY)}</div></body></html>"
    )
    assert article_from_html(page).text == "\n\n".join(_STORY)


def test_a_pull_quote_repeating_a_sentence_of_the_story_is_left_out() -> None:
    story = [
        "The council voted on Tuesday to close the Elm Street bridge to heavy trucks.",
        "\u201cWe cannot take chances with a structure that carries 18,000 vehicles a day,\u201d said Teodora Vance.",
        "Repairs will take until October.",
    ]
    pull = "<blockquote>We cannot take chances with a structure that carries 18,000 vehicles</blockquote>"
    body = f"<p>{story[0]}</p><p>{story[1]}</p>{pull}<p>{story[2]}</p>"
    art = article_from_html(f"<html><body><article><h1>Bridge closed</h1>{body}</article></body></html>")
    assert art.text == "\n\n".join(story)


def test_a_page_of_many_short_articles_is_not_cut_to_one() -> None:
    # No <article> holds most of the prose: none is the story, so none is dropped.
    page = "<html><body>" + "".join(f"<article><p>{p}</p></article>" for p in _STORY) + "</body></html>"
    art = article_from_html(page)
    assert all(p in art.text for p in _STORY)


def test_page_without_article_body() -> None:
    with pytest.raises(InputError) as excinfo:
        load_article(data("no_body_page.html"))
    assert error_of(excinfo) == f"{data('no_body_page.html')}: no article text found in the HTML page"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><<<>>></p></span><td></body>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "https://harbourgazette.example/news/local/2024/03/14/council-backs-seawall",
        "http://127.0.0.1:9/<p>looks-like-a-url</p>",
    ],
)
def test_malformed_or_empty_html(html: str, no_network: list[str]) -> None:
    with pytest.raises(InputError) as excinfo:
        article_from_html(html, where="page.html")
    assert error_of(excinfo) == "page.html: no article text found in the HTML page"
    assert no_network == []


def test_scripts_do_not_leak_and_nothing_is_fetched(no_network: list[str]) -> None:
    art = load_article(data("script_page.html"))
    assert "Curator Tomasz Oyelaran said conservators had dried more than four hundred objects" in art.text
    assert "posted the string <script>alert(1)</script> in the visitor book" in art.text  # inert, as written
    for leaked in [
        "INJECTED-SCRIPT-TEXT",
        "document.write",
        "fetch(",
        "onerror",
        "ONERROR-ALT-TEXT",
        "IFRAME-FALLBACK-TEXT",
        "OBJECT-FALLBACK-TEXT",
        "NOSCRIPT-TEXT",
        "INJECTED-STYLE",
        "JS-LINK",
        "127.0.0.1",
    ]:
        assert leaked not in art.text
    assert art.url == "http://127.0.0.1:9/should-never-be-fetched"  # recorded, never opened
    assert art.published == "2022-09-05T08:00:00+01:00"
    assert no_network == []


def test_line_break_inside_a_paragraph_is_not_a_paragraph_break() -> None:
    html = (
        "<html><body><article><h1>Fire at the mill</h1>"
        "<p>The fire started in a disused office<br>on the second floor, investigators said.</p>"
        "<p>No one was <b>injured</b>, but repairs\n      will cost at least £3 million.</p>"
        "<ul><li>Forty firefighters attended the blaze.</li><li>The road was closed for six hours.</li></ul>"
        "</article></body></html>"
    )
    art = article_from_html(html)
    assert art.text == (
        "The fire started in a disused office\non the second floor, investigators said.\n\n"
        "No one was injured, but repairs will cost at least £3 million.\n\n"
        "Forty firefighters attended the blaze.\n\nThe road was closed for six hours."
    )
    assert art.title == "Fire at the mill"


def test_html_fragment_and_caller_fields_win() -> None:
    fragment = "<p>The harbour master confirmed the closure of the inner moorings on Thursday afternoon.</p>"
    art = article_from_html(
        fragment,
        url="https://example.invalid/original",
        id=12,
        title="Moorings closed",
        outlet="Wire",
        published="14 March 2024",
        meta={"lang": "en"},
    )
    assert art.text == "The harbour master confirmed the closure of the inner moorings on Thursday afternoon."
    assert (art.id, art.title, art.url, art.outlet, art.published) == (
        "12",
        "Moorings closed",
        "https://example.invalid/original",
        "Wire",
        "2024-03-14",
    )
    assert art.meta == {"lang": "en"}


def test_title_falls_back_to_the_title_element() -> None:
    html = (
        "<html><head><title>Quay repairs begin</title></head><body><div>"
        "<p>Repairs to the quay began on Monday and are expected to last until the end of June.</p>"
        "</div></body></html>"
    )
    assert article_from_html(html).title == "Quay repairs begin"


def test_date_does_not_depend_on_today_or_guess(no_network: list[str]) -> None:
    body = "<article><p>The harbour trust published its long-awaited plan for the channel.</p></article>"
    head = "<head><meta property='article:published_time' content='2031-05-01T10:00:00Z'></head>"
    future = f"<html>{head}<body>{body}</body></html>"
    assert article_from_html(future).published == "2031-05-01T10:00:00+00:00"
    # htmldate's free-text search would turn the copyright year into 2024-01-01
    copyright_only = f"<html><body>{body}<footer>© 2024 The Harbour Gazette</footer></body></html>"
    assert article_from_html(copyright_only).published is None
    event_in_text = (
        "<html><body><article><p>The trust will hold a public meeting on 2 April 2024 about the "
        "dredging plan for the outer channel.</p></article></body></html>"
    )
    assert article_from_html(event_in_text).published is None


def test_marked_up_date_wins_over_a_date_in_the_url() -> None:
    body = "<article><p>The harbour trust published its long-awaited plan for the channel.</p></article>"
    head = (
        "<head><link rel='canonical' href='https://example.invalid/2024/03/15/plan'>"
        "<meta property='article:published_time' content='2024-03-14T22:10:00Z'></head>"
    )
    assert article_from_html(f"<html>{head}<body>{body}</body></html>").published == "2024-03-14T22:10:00+00:00"
    url_only = f"<html><body>{body}</body></html>"
    assert article_from_html(url_only, url="https://example.invalid/2023/07/01/plan").published == "2023-07-01"


def test_repeated_extraction_is_identical() -> None:
    # trafilatura's deduplicate=True keeps a process-wide cache and shortens later extractions
    page = (DATA / "news_page.html").read_text(encoding="utf-8")
    texts = {article_from_html(page).text for _ in range(5)}
    assert len(texts) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Lena Marsh",
        "Waves break over the harbour wall. Photo: Kit Brennard/Harbour Gazette",
        "The first tram leaves Millbrook Road. Image credit: Northgate Transit Authority",
        "Fishing boats in the inner harbour. (Reuters/Jane Doe)",
        "Protesters outside the town hall. (AP Photo/Sam Lens)",
        "Getty Images",
        "AFP via Getty Images",
        "Credit: Jane Doe",
        "Share on Facebook",
        "Share this article",
        "Facebook X Email",
        "Copy link",
        "Sign up to our free newsletter for the day's top local stories, delivered to your inbox at 7am.",
        "By signing up you agree to our privacy policy. You can unsubscribe at any time.",
        "Follow us on X and Facebook for breaking news from Port Averley.",
        "Follow Mira Talwood on X",
        "Credit: Jane Doe for The Harbour Gazette",
        "We use cookies to improve your experience on our site.",
        "Read more: Storm surge leaves £2m repair bill for harbour",
        "Advertisement",
        "© 2024 The Harbour Gazette Ltd. All rights reserved.",
        "Updated May 14, 2024, 11:02 a.m. ET",
        "Published 14 May 2024, 09:30 BST · Updated 15 May 2024",
        "Last updated: Tuesday, March 5, 2024 at 6:15pm",
        "Updated",
        "Published on:",
        "14 March 2024",
        "Listen to this article · 4 min",
        "5 min read",
        "Additional reporting by Sam Kerr.",
        "(Reporting by Jane Doe and Ali Roe; Editing by Mark Stone)",
        "Have a story? Email us at news@herald.example",
        "Got a news tip? Get in touch with the newsroom.",
    ],
)
def test_junk_rules_drop(line: str) -> None:
    assert article_mod._is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council released the photo: it showed the breach in the wall.",
        "Reuters reported that the ferry operator had been sold.",
        "She said she would follow the money, wherever it led, and post it on Facebook.",
        "Residents can sign up for flood alerts on the council's website.",
        "Copyright lawyers for the museum said the images had been taken without permission.",
        "Share prices in the harbour company fell by 4% after the announcement.",
        "Read the full report on the council website, the spokesperson said.",
        "AP/NORC poll found 60% of adults support the plan.",
        "Credit: the lenders agreed to extend the loan until 2026, the council said.",
        "By registering the company in Jersey, the owners avoided the levy.",
        "\u201cAnyone can subscribe to our bulletin,\u201d said the harbour master.",
        "Join the protest on Saturday, organisers wrote on Facebook.",
        "The bakery said it would accept cookies donated by residents for the sale.",
        "Councillor Ruth Ashdown (Labour/Co-operative) voted against the plan.",
        "Updated figures show 14,000 residents live behind the wall.",
        "On May 14, 2024, the council voted to close the bridge.",
        "Published reports said the bridge would close.",
        "Reporting by local journalists revealed the cracks in March.",
        "Have a story about the bridge? The council wants to hear it, Vance said.",
        "Listen to the full interview on the council's website, the spokesperson said.",
    ],
)
def test_junk_rules_keep_prose(line: str) -> None:
    assert not article_mod._is_junk(line)


# --------------------------------------------------------------------------------------------------
# In-memory constructors and the Article type


def test_article_from_text_is_exact_and_validates() -> None:
    text = "\ufeff  Line one\r\nLine two\t \n"
    art = article_from_text(text, id=3, title="T", outlet="O", meta={"k": [1]})
    assert art.text == text and art.id == "3"
    assert art.to_meta() == {"id": "3", "title": "T", "outlet": "O", "k": [1]}
    assert article_from_text(" \n ").text == " \n "  # emptiness is reported by the caller, with a name
    with pytest.raises(InputError, match=r"^text: article text must be a string, got a number$"):
        article_from_text(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2024-03-14", "2024-03-14"),
        ("2024-03-14T09:30:00Z", "2024-03-14T09:30:00+00:00"),
        ("2024-03-14T09:30:00+05:30", "2024-03-14T09:30:00+05:30"),
        ("March 14, 2024", "2024-03-14"),
        ("14 March 2024", "2024-03-14"),
        ("Thursday, 14th March 2024", "2024-03-14"),
        ("Mar. 14, 2024", "2024-03-14"),
        ("2024/03/14", "2024-03-14"),
        ("Thu, 14 Mar 2024 09:30:00 GMT", "2024-03-14T09:30:00+00:00"),
        (dt.date(2024, 3, 14), "2024-03-14"),
    ],
)
def test_published_is_normalised(given: object, stored: str) -> None:
    art = article_from_text("Body.", published=given)
    assert art.published == stored
    assert art.published_date() == dt.date(2024, 3, 14)
    assert "published_raw" not in art.meta


@pytest.mark.parametrize("given", ["03/04/2024", "2024-02-30", "yesterday", 20240314])
def test_unparseable_published_is_kept_raw(given: object) -> None:
    art = article_from_text("Body.", published=given)
    assert art.published is None and art.published_date() is None
    assert art.meta["published_raw"] == given


def test_published_date_keeps_the_outlets_own_day() -> None:
    art = article_from_text("Body.", published="2024-03-14T23:30:00-05:00")
    assert art.published_date() == dt.date(2024, 3, 14)


def test_article_equality_and_hash() -> None:
    a = Article(text="x", id="1", meta={"tags": ["a"]})
    b = Article(text="x", id="1", meta={"tags": ["a"]})
    c = Article(text="x", id="1", meta={"tags": ["b"]})
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert Article(text="x").to_meta() == {}


@pytest.mark.parametrize("name", ["corpus.jsonl", "sheet.csv", "sheet.tsv"])
def test_a_corpus_file_is_not_read_as_one_article(tmp_path: Path, name: str) -> None:
    from storytrace.article import load_article
    from storytrace.errors import InputError

    path = tmp_path / name
    path.write_text('{"id": "a", "text": "One article."}\n{"id": "b", "text": "Another one."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="a corpus file"):
        load_article(str(path))
    assert "Another one" in load_article(str(path), fmt="text").text  # asked for, it is one text


def test_a_jsonl_file_of_one_record_is_that_article(tmp_path: Path) -> None:
    from storytrace.article import load_article

    path = tmp_path / "one.jsonl"
    path.write_text('\n{"id": "a", "title": "T", "text": "One article."}\n\n', encoding="utf-8")
    article = load_article(str(path))
    assert (article.text, article.title) == ("One article.", "T")
