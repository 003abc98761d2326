"""Plain-text uploads: encodings, byte-order marks, binary refused."""

from __future__ import annotations

import codecs

import pytest

from policies.ingest import Extracted, IngestError, extract, from_text

POLICY = (
    "Privacy Policy\n\nWe collect your name, email address and postal address when you order. "
    "Our café in Zürich and our naïve résumé service use “cookies” — small files… "
    "We never sell your data to third parties.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "utf-32", "utf-8-sig"])
def test_text_in_common_encodings_decodes_to_the_same_text(encoding):
    result = extract(POLICY.encode(encoding), "policy.txt")
    assert result == Extracted(text=POLICY.strip(), media_type="text/plain", extension="txt")


def test_latin_1_decodes():
    text = "Política de privacidad: recogemos su nombre, dirección y teléfono. Años de servicio, señor."
    assert extract(text.encode("latin-1"), "politica.txt").text == text


def test_windows_1252_punctuation_is_not_read_as_another_code_page():
    text = "We don’t sell your data — ever… “Privacy” is naïve to ignore."
    assert extract(text.encode("cp1252"), "p.txt").text == text


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_explicit_bom(bom, codec):
    assert extract(bom + POLICY.encode(codec), "p.txt").text == POLICY.strip()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_zero_bytes(codec):
    assert extract(POLICY.encode(codec), "p.txt").text == POLICY.strip()


def test_utf8_bom_is_not_part_of_the_text():
    result = extract(codecs.BOM_UTF8 + b"Privacy Policy", "p.txt")
    assert result.text == "Privacy Policy"


def test_cyrillic_code_page_is_not_mistaken_for_western_text():
    text = "Политика конфиденциальности: мы собираем ваше имя, адрес и номер телефона для доставки заказов."
    assert extract(text.encode("cp1251"), "p.txt").text == text


def test_nul_bytes_mean_binary():
    with pytest.raises(IngestError, match="binary"):
        extract(b"Privacy policy\x00\x00\x00 with nul bytes in the middle of it all", "p.txt")


def test_many_control_characters_mean_binary():
    with pytest.raises(IngestError, match="binary"):
        extract(b"Privacy \x01\x02\x03\x04\x05\x06 policy \x07\x08\x0e\x0f", "p.txt")


@pytest.mark.parametrize("content", [bytes(range(128, 256)) * 2, b"\xff\xfePrivacy"])
def test_bytes_that_decode_in_no_encoding_are_refused(content):
    with pytest.raises(IngestError, match="decoded"):
        extract(content, "p.txt")


def test_utf8_with_a_broken_tail_stays_utf8():
    data = ("Datenschutzerklärung für Kunden. Wir erheben Ihre Adresse. " * 3).encode("utf-8") + b"\xc3"
    text = extract(data, "p.txt").text
    assert text.startswith("Datenschutzerklärung für Kunden.")
    assert text.endswith("\ufffd")


@pytest.mark.parametrize("content", [b"   \n\t\n  ", b"12345 678 -- !!! ...", b"\xe2\x80\x8b\xe2\x80\x8b", b"a 1 b 2"])
def test_text_without_words_is_refused(content):
    with pytest.raises(IngestError, match="no words"):
        extract(content, "p.txt")


def test_empty_file_is_refused():
    with pytest.raises(IngestError, match="empty"):
        extract(b"", "p.txt")


def test_file_over_10_mb_is_refused():
    with pytest.raises(IngestError, match="10 MB"):
        extract(b"a" * (10 * 1024 * 1024 + 1), "p.txt")


def test_a_5_mb_text_completes():
    paragraph = "We collect your name and e-mail address\u00a0when you buy from us.\t Really.\r\n\r\n\r\n"
    data = (paragraph * (5 * 1024 * 1024 // len(paragraph))).encode("utf-8")
    result = extract(data, "big.txt")
    assert result.text.startswith("We collect your name and e-mail address when you buy from us. Really.\n\nWe")
    assert "\n\n\n" not in result.text


def test_html_page_uploaded_as_txt_is_refused():
    with pytest.raises(IngestError, match="HTML page"):
        extract(b"<!DOCTYPE html><html><body><p>Privacy policy</p></body></html>", "p.txt")


def test_plain_text_that_mentions_a_tag_is_still_text():
    result = extract(b"Privacy Policy\nWe never read <html> or <p> tags you send.", "p.txt")
    assert result.text == "Privacy Policy\nWe never read <html> or <p> tags you send."


def test_from_text_normalises_pasted_text():
    assert from_text("  Privacy\u00a0Policy \r\n\r\n\r\nWe collect data. ") == Extracted(
        text="Privacy Policy\n\nWe collect data.", media_type="text/plain", extension="txt"
    )


def test_from_text_refuses_text_without_words():
    with pytest.raises(IngestError):
        from_text(" ... 42 ")


def test_from_text_refuses_more_than_10_mb():
    with pytest.raises(IngestError, match="10 MB"):
        from_text("é" * (6 * 1024 * 1024))
