"""ISO 8859-15 text keeps its own letters (Š, ž, €) past a stray windows-1252 byte or a lone initial, and a
windows-1252 pick stands only when the whole file decodes in it (review of ing19)."""

from __future__ import annotations

from storytrace.article import decode_bytes, plausible_code_page

FINNISH = (
    "Tennistähti Maria Šarapova voitti ottelun Helsingissä. Liput maksoivat 25 €, ja žurnalistit olivat paikalla. "
    "Hän sanoi: "
)


def test_a_page_labelled_iso_8859_15_with_a_stray_windows_1252_byte_keeps_its_letters() -> None:
    body = FINNISH.encode("iso8859_15") + b"\x96 hyv\xe4 peli"
    page = b"<html><head><meta charset='iso-8859-15'><title>T</title></head><body><p>" + body + b"</p></body></html>"
    text = decode_bytes(page, name="p.html")
    assert FINNISH + "– hyvä peli" in text  # was "Maria ¦arapova ... 25 ¤, ja ¸urnalistit"


def test_iso_8859_15_text_with_a_stray_windows_1252_byte_keeps_its_letters() -> None:
    data = FINNISH.encode("iso8859_15") + b"\x96 hyv\xe4 peli. " + FINNISH.encode("iso8859_15")
    assert plausible_code_page(data, "iso8859_15") == "iso8859_15"


def test_a_page_labelled_iso_8859_15_with_curly_quotes_and_no_letters_of_its_own_is_windows_1252() -> None:
    body = "“Liput maksoivat 25 euroa”, hän sanoi – ja lähti.".encode("cp1252")
    page = b"<html><head><meta charset='iso-8859-15'><title>T</title></head><body><p>" + body + b"</p></body></html>"
    assert "“Liput maksoivat 25 euroa”, hän sanoi – ja lähti." in decode_bytes(page, name="p.html")


def test_one_lone_initial_keeps_iso_8859_15() -> None:
    text = (
        "Haastattelussa Š. Jansson kertoi, että hinta on 12 € ja että myynti kasvoi selvästi tänä vuonna "
        "Tampereella, jossa yhtiöllä on ollut tehdas jo vuodesta 1950 lähtien."
    )
    assert plausible_code_page(text.encode("iso8859_15"), "iso8859_15") == "iso8859_15"


def test_lone_initials_beside_euro_signs_keep_iso_8859_15() -> None:
    text = "Haastattelussa Š. Jansson kertoi, että hinta on 12 € ja että myynti kasvoi selvästi tänä vuonna. " * 4
    assert plausible_code_page(text.encode("iso8859_15"), "iso8859_15") == "iso8859_15"


def test_a_byte_windows_1252_lacks_past_the_sample_keeps_the_pick() -> None:
    sample = "The ½-mile race was run in 1½ hours. Crème brûlée was served. " * 5000
    data = sample.encode("cp1252") + b"\x81"
    assert len(data) > 262_144
    assert plausible_code_page(data, "latin_1") == "latin_1"  # windows-1252 cannot read the whole file
