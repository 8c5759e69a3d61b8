"""Latin-1 and ISO 8859-15, charset-normalizer's or a page's label's pick, are weighed against windows-1252: bytes
0x80-0x9F are C1 controls in them, never text, and ISO 8859-15's "1œ cups" is windows-1252's "1½ cups"."""

from __future__ import annotations

import pytest

from storytrace.article import decode_bytes, plausible_code_page

WESTERN = [
    "Jürgen Müller, 45, said no. Coût: 12 ¤. The café served crème brûlée. The ½-mile race.",
    "Bake for 45 minutes at 180°C. The ½-mile race. Coût: 12 ¤.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_windows_1252_text_charset_normalizer_calls_iso_8859_15_reads_as_written(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), name="story.txt") == text  # was "The œ-mile race", "12 €"


@pytest.mark.parametrize("encoding", ["latin_1", "iso8859_15"])
def test_a_latin_1_or_iso_8859_15_pick_of_bytes_0x80_0x9f_gives_way_to_windows_1252(encoding: str) -> None:
    data = "“Add 1½ cups of flour,” the chef said. The café’s crème brûlée won.".encode("cp1252")  # 0x93 0x94 0x92
    assert plausible_code_page(data, encoding) == "cp1252"  # was kept: the quotation marks read as C1 controls


def test_an_iso_8859_15_pick_with_a_stand_in_gives_way_to_windows_1252() -> None:
    data = "Add 1½ cups of flour and a pinch of salt, the chef said. The café served crème brûlée.".encode("cp1252")
    assert plausible_code_page(data, "iso8859_15") == "cp1252"  # was kept: "1œ cups"


def test_iso_8859_15_text_keeps_its_code_page() -> None:
    text = "L'œuvre coûte 12 € à Paris, a déclaré le ministre. Šibenik et Žilina sont jumelées."
    assert plausible_code_page(text.encode("iso8859_15"), "iso8859_15") == "iso8859_15"


def test_polish_read_as_latin_1_is_still_weighed_against_windows_1250() -> None:
    text = "Władze miasta ogłosiły w środę, że zbudują dwa nowe mola. Burmistrz Łodzi powiedział, że to dobry plan."
    data = text.encode("cp1250")
    assert plausible_code_page(data, "latin_1") == "cp1250"
    assert plausible_code_page(data, "iso8859_15") == "cp1250"


def test_bytes_windows_1252_leaves_undefined_keep_the_pick() -> None:
    data = "Caf\xe9 \x81 prices rose, the owner said.".encode("latin_1")
    assert plausible_code_page(data, "latin_1") == "latin_1"


@pytest.mark.parametrize("label", ["iso-8859-15", "ISO8859-15", "latin9"])
def test_a_page_labelled_iso_8859_15_with_curly_quotes_reads_as_windows_1252(label: str) -> None:
    body = "<p>“Add 1½ cups of flour,” the chef said. The café’s crème brûlée won the prize.</p>"
    page = f'<html><head><meta charset="{label}"><title>Recipe</title></head><body>{body}</body></html>'
    assert body in decode_bytes(page.encode("cp1252"), name="page.html")  # was read in windows-1250: "1˝ cups"


def test_a_page_labelled_iso_8859_15_without_c1_bytes_keeps_its_label() -> None:
    # as a browser reads it: the label is all there is to go on
    page = '<html><head><meta charset="iso-8859-15"><title>Prix</title></head><body><p>Il coûte 12 €.</p></body></html>'
    assert "12 €" in decode_bytes(page.encode("iso8859_15"), name="page.html")
