"""Ingestion as the web and real exports serve it: pages in legacy encodings, some mislabelled; WARC crawls with
redirects, error pages and Brotli; live blogs, bylines and newsletter boxes; CSV from Excel for Mac; dates with a
12-hour clock and a zone. All built here by hand: nothing is fetched."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html, decode_bytes, load_article
from storytrace.corpus import read_corpus

PARAS = [
    "The harbour authority approved a plan on Tuesday to dredge the northern channel, ending a two-year dispute "
    "with local fishermen over the project.",
    "The dredging will cost about 14 million euros and begin in September, according to documents seen by the Gazette.",
    "\u201cWe have listened to the fishing community and changed the schedule,\u201d said Marta Ilves, the "
    "authority\u2019s director, at a press conference.",
    "Fishermen had argued that work during the spawning season would destroy the spring catch, and took the "
    "authority to court last year.",
]
HEADLINE = "Harbour dredging plan approved after two-year row"
RUSSIAN = (
    "Московский городской совет в среду проголосовал за повышение тарифов на воду на четыре процента. "
    "Мэр заявил журналистам, что это трудное, но необходимое решение для города."
)
FRENCH = (
    "Le conseil municipal a voté une hausse de 14 € — « c’est trop », a dit l’opposition… "
    "L’été dernier, il faisait 25 °C. © 2024 La Gazette™ • Fin de l’article sur le budget."
)


def _page(body: str, head: str = "", title: str = "Titre") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )


def _news_page(inner: str) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
          "datePublished": "2024-03-12T14:05:00+02:00"}  # fmt: skip
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADLINE} | Baltic Gazette</title>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<main><article><h1>{HEADLINE}</h1>{inner}</article></main>"
        "<footer><p>© 2024 Baltic Gazette. All rights reserved.</p></footer></body></html>"
    )


def _extra(text: str) -> list[str]:
    """The paragraphs of an extracted text that are none of the story's own."""
    return [p for p in text.split("\n\n") if not any(x in p for x in PARAS)]


# --- encodings --------------------------------------------------------------------------------------------------


def test_a_page_labelled_latin_1_but_written_in_windows_1251_is_read_in_cyrillic(tmp_path: Path) -> None:
    # A server's default "ISO-8859-1" on a Russian page decodes without an error, into Latin mojibake.
    path = tmp_path / "page.html"
    path.write_bytes(_page(RUSSIAN, '<meta charset="iso-8859-1">', title="Заголовок").encode("cp1251"))
    article = load_article(str(path))
    assert article.title == "Заголовок" and article.text.startswith("Московский городской совет")


@pytest.mark.parametrize(
    ("label", "encoding", "body"),
    [
        ("windows-1252", "cp1252", FRENCH),  # dense in symbols, and right: the label is kept
        ("iso-8859-1", "cp1252", FRENCH),
        ("windows-1251", "cp1251", RUSSIAN),
        ("iso-8859-2", "iso-8859-2", "Rada miasta Łodzi przegłosowała w środę podwyżkę cen wody o 4,5 procent."),
        ("shift_jis", "shift_jis", "東京都は水曜日、予算案を発表した。知事は「都民の予算だ」と述べた。"),
        ("euc-kr", "euc-kr", "서울시 의회는 수요일 수도 요금을 4퍼센트 인상하는 안을 통과시켰다. 시장은 말했다."),
    ],
)
def test_a_rightly_labelled_page_is_read_as_its_label_says(label: str, encoding: str, body: str) -> None:
    for head in (f'<meta charset="{label}">', f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'):
        html = _page(body, head)
        assert decode_bytes(html.encode(encoding), name="page") == html


def test_the_charset_of_a_warc_response_header_is_checked_against_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        _warc(
            [
                ("https://ru.example/1", "200 OK", "text/html; charset=ISO-8859-1", _page(RUSSIAN).encode("cp1251")),
                ("https://fr.example/1", "200 OK", "text/html; charset=windows-1252", _page(FRENCH).encode("cp1252")),
            ]
        )
    )
    texts = {r.article.id: r.article.text for r in read_corpus([str(path)]) if r.article is not None}
    assert texts["https://ru.example/1"].startswith("Московский")
    assert texts["https://fr.example/1"].startswith("Le conseil municipal a voté une hausse de 14 €")


# --- WARC ---------------------------------------------------------------------------------------------------------


def _warc(responses: list[tuple[str, str, str, bytes]], extra_headers: dict[str, str] | None = None) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri, status, ctype, payload in responses:
        headers = [("Content-Type", ctype), *((extra_headers or {}).items())]
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http))
    return buf.getvalue()


def test_redirects_error_pages_and_partial_content_in_a_crawl_are_no_articles(tmp_path: Path) -> None:
    story = _page(" ".join(PARAS)).encode()
    not_found = _page("Sorry, the page you were looking for could not be found on this website. " * 3).encode()
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        _warc(
            [
                ("https://news.example/story", "200 OK", "text/html", story),
                ("https://news.example/old", "301 Moved Permanently", "text/html", b"<html><p>Moved</p></html>"),
                ("https://news.example/gone", "404 Not Found", "text/html", not_found),
                ("https://news.example/boom", "500 Internal Server Error", "text/html", not_found),
                ("https://news.example/part", "206 Partial Content", "text/html", story[:300]),
                ("https://news.example/made", "203 Non-Authoritative Information", "text/html", story),
            ]
        )
    )
    records = list(read_corpus([str(path)]))
    assert [r.error for r in records if not r.ok] == []  # a crawl's redirects are no bad records
    assert [r.article.id for r in records if r.article is not None] == [
        "https://news.example/story",
        "https://news.example/made",
    ]


def test_a_brotli_page_the_installation_cannot_decode_is_named_for_what_it_is(tmp_path: Path) -> None:
    from warcio.bufferedreaders import BufferedReader

    if "br" in BufferedReader.get_supported_decompressors():
        pytest.skip("brotli is installed here: warcio decodes the page")
    path = tmp_path / "crawl.warc"
    payload = b"\x1b\x03\x00\xf8\xa5\x02\xc2\x0e\x00\x00\x01\x02binary brotli stream\x00\x99"
    path.write_bytes(_warc([("https://news.example/br", "200 OK", "text/html", payload)], {"Content-Encoding": "br"}))
    (record,) = list(read_corpus([str(path)]))
    assert record.error == (
        f"{path}:https://news.example/br: the page is compressed as 'br', which cannot be decoded here "
        "(install the brotli package to read it)"
    )


# --- page structure -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    ["14:32 BST", "10.30am", "10:30 a.m. ET", "2 hours ago", "Updated 5 mins ago", "9pm", "Just now"],
)
def test_live_blog_entry_stamps_are_left_out(stamp: str) -> None:
    entries = "".join(f'<div class="post"><p>{stamp}</p><p>{p}</p></div>' for p in PARAS)
    article = article_from_html(_news_page(entries))
    assert _extra(article.text) == [] and all(p in article.text for p in PARAS)


def test_a_headline_the_extractor_sets_after_the_lede_is_left_out() -> None:
    stamp = '<span class="ts">{} hours ago</span>'
    entries = "".join(f'<div class="post">{stamp.format(k + 1)}<p>{p}</p></div>' for k, p in enumerate(PARAS))
    article = article_from_html(_news_page(entries))
    assert article.title == HEADLINE and _extra(article.text) == []


@pytest.mark.parametrize(
    "box",
    [
        "<p>By Jaan Tamm and Mari Kask</p>",
        "<p>By JAAN TAMM, Baltic Gazette</p>",
        '<div class="nl"><p>Sign up for the Morning Briefing: the day\'s top stories, delivered to your inbox every '
        "weekday.</p><button>Sign up</button></div>",
    ],
)
def test_a_byline_or_newsletter_box_in_the_story_is_left_out(box: str) -> None:
    article = article_from_html(_news_page(f"<p>{PARAS[0]}</p>{box}" + "".join(f"<p>{p}</p>" for p in PARAS[1:])))
    assert _extra(article.text) == [] and all(p in article.text for p in PARAS)


@pytest.mark.parametrize(
    "prose",
    [
        "By Tuesday, most of the fishing boats had left the harbour for the southern channel.",
        "At 9pm the harbour master closed the northern gate to all traffic.",
        "Sign up was slow at first, the director said, but hundreds of fishermen joined.",
    ],
)
def test_prose_that_opens_like_a_stamp_or_byline_is_kept(prose: str) -> None:
    article = article_from_html(_news_page("".join(f"<p>{p}</p>" for p in PARAS) + f"<p>{prose}</p>"))
    assert prose in article.text


# --- dates --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("Mar 14, 2024 9:00 PM", "2024-03-14T21:00:00"),  # read as 09:00 before: hours before a morning story
        ("March 14, 2024 at 9:00 pm", "2024-03-14T21:00:00"),  # WordPress's default
        ("14 Mar 2024 12:30 AM", "2024-03-14T00:30:00"),
        ("Mar 14, 2024, 9:00 PM EDT", "2024-03-14T21:00:00-04:00"),
        ("2024-03-14 09:00:00 UTC", "2024-03-14T09:00:00+00:00"),  # database exports
        ("2024-03-14 09:00:00.000 UTC", "2024-03-14T09:00:00+00:00"),
        ("2024/03/14 9:15 pm", "2024-03-14T21:15:00"),
        ("14-Mar-2024", "2024-03-14"),
        ("14 Mar 2024 09:00 IST", "2024-03-14"),  # India, Ireland or Israel: the day is sure, the time is not
        ("1710450000.5", "2024-03-14T21:00:00.500000+00:00"),
        ("Thu, 14 Mar 2024 21:00:00 GMT", "2024-03-14T21:00:00+00:00"),
        ("04/05/2024 10:00 PM", None),  # reads two ways, with or without a time
        ("14 Mar 2024 13:30 PM", None),
    ],
)
def test_publication_times_are_read_with_their_clock_and_zone(tmp_path: Path, published: str, iso: str | None) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": PARAS[0], "published": published}) + "\n", encoding="utf-8")
    (record,) = list(read_corpus([str(path)]))
    assert record.article is not None and record.article.published == iso


# --- corpora ------------------------------------------------------------------------------------------------------


def test_a_csv_with_lines_ended_by_cr_alone_is_read(tmp_path: Path, run_cli: Any) -> None:
    # Excel for Mac's "CSV (Macintosh)": it stopped index add and scan with an internal error.
    path = tmp_path / "mac.csv"
    rows = f'id,title,text\r"a1","One","{PARAS[0]}\r\r{PARAS[1]}"\ra2,Two,"{PARAS[2]}"\r'
    path.write_bytes(rows.encode("utf-8"))
    records = list(read_corpus([str(path)]))
    assert [(r.article.id, r.article.text) for r in records if r.article is not None] == [
        ("a1", f"{PARAS[0]}\n\n{PARAS[1]}"),
        ("a2", PARAS[2]),
    ]
    assert all(r.ok for r in records)
    semicolons = tmp_path / "semi.csv"
    semicolons.write_bytes(f'id;text\r"a1";"{PARAS[0]}"\r'.encode())
    assert [r.article.id for r in read_corpus([str(semicolons)]) if r.article is not None] == ["a1"]
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(path), "--lexical-only", "--workers", "1"])
    assert proc.returncode == 0, proc.stderr
    assert "indexed 2 articles" in proc.stderr


def test_a_csv_header_the_csv_module_cannot_split_is_one_line_of_error(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"id,te\rxt\na1,hello there, this is text\n")
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(path), "--lexical-only", "--workers", "1"])
    assert proc.returncode == 3, proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    assert f"{path}:1: malformed CSV" in proc.stderr


def test_a_warc_gzipped_whole_is_read_and_a_cut_in_it_reported(tmp_path: Path) -> None:
    import gzip

    pages = [(f"https://news.example/{k}", "200 OK", "text/html", _page(p).encode()) for k, p in enumerate(PARAS)]
    whole = gzip.compress(_warc(pages))  # `gzip crawl.warc`: one gzip stream, where warcio wants one per record
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(whole)
    records = list(read_corpus([str(path)]))
    assert [r.error for r in records if not r.ok] == []
    assert [r.article.id for r in records if r.article is not None] == [uri for uri, *_ in pages]
    path.write_bytes(whole[: len(whole) - 40])  # the last page loses its end
    records = list(read_corpus([str(path)]))
    assert [r.article.id for r in records if r.article is not None] == [uri for uri, *_ in pages[:3]]
    assert [r.error for r in records if not r.ok] == [
        f"{path}:https://news.example/3: the record is truncated (the file ends inside it)"
    ]


@pytest.mark.parametrize(
    ("published", "iso"),
    [("March 12, 2024 9:05 PM", "2024-03-12T21:05:00"), ("12 March 2024", "2024-03-12")],
)
def test_a_publication_date_htmldate_cannot_read_is_not_replaced_by_the_modified_date(published: str, iso: str) -> None:
    ld = {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": published, "dateModified": "2024-03-13T08:00"}
    html = (
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article>{''.join(f'<p>{p}</p>' for p in PARAS)}</article></body></html>"
    )
    assert article_from_html(html).published == iso  # it was 2024-03-13, the day it was modified


def test_teaser_cards_in_articles_next_to_a_story_in_none_are_left_out() -> None:
    cards = "".join(
        f'<article class="card"><h3><a href="/t{k}">Teaser headline number {k} about something else entirely</a></h3>'
        f"<p>A short summary of another story that the reader might want to click on, number {k}, with more words.</p>"
        "</article>"
        for k in range(6)
    )
    story = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body>"
        f'<div class="story"><h1>{HEADLINE}</h1>{story}</div><section class="more">{cards}</section></body></html>'
    )
    article = article_from_html(html)
    assert _extra(article.text) == [] and all(p in article.text for p in PARAS)
    # a section front made of cards alone keeps them: there is no story beside them to keep instead
    front = f"<!DOCTYPE html><html><head><title>Port news</title></head><body><main>{cards}</main></body></html>"
    assert "number 0" in article_from_html(front).text


def test_a_corpus_wrapped_in_an_object_is_told_how_to_give_it(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"status": "ok", "articles": [{"id": "a", "text": PARAS[0]}] * 3}), encoding="utf-8")
    (record,) = list(read_corpus([str(path)]))
    assert record.error == (
        f"{path}: no article text (the JSON object has no 'text' or 'html' field; its field 'articles' holds a list "
        "of 3 objects: give that list itself, a JSON array, or one object a line, JSON Lines)"
    )


def test_a_utf16_table_with_its_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export (tab-separated UTF-16); it was refused: "re-save it as UTF-8"
    path = tmp_path / "export.tsv"
    text = f'id\ttitle\ttext\r\na1\tTitre\t"{FRENCH}"\r\na2\tAutre\t"{PARAS[2]}\nSecond line."\r\n'
    path.write_bytes(text.encode("utf-16"))
    records = list(read_corpus([str(path)]))
    assert [(r.article.id, r.article.title, r.article.text) for r in records if r.article is not None] == [
        ("a1", "Titre", FRENCH),
        ("a2", "Autre", f"{PARAS[2]}\nSecond line."),
    ]
    big_endian = tmp_path / "export.csv"
    big_endian.write_bytes(b"\xfe\xff" + f'id,text\na1,"{FRENCH}"\n'.encode("utf-16-be"))
    assert [r.article.text for r in read_corpus([str(big_endian)]) if r.article is not None] == [FRENCH]
    broken = tmp_path / "broken.tsv"
    broken.write_bytes(text.encode("utf-16") + b"\x00\xd8\x41\x00")  # a lone surrogate
    assert [r.error for r in read_corpus([str(broken)]) if not r.ok] == [
        f"{broken}: invalid UTF-16 text (illegal UTF-16 surrogate); the rest of the file is skipped"
    ]
