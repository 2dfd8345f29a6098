import io

from pypdf import PdfReader

from stimulans.lib import printpdf


def test_css_string_escapes_quotes_and_line_breaks():
    assert printpdf.css_string('Plan "A"\\B\nC') == '"Plan \\"A\\"\\\\B C"'


def test_long_table_repeats_its_header_on_every_page():
    rows = "".join(
        f'<tr><th scope="row">Rad {n}</th><td class="num">{n}</td></tr>' for n in range(150)
    )
    html = (
        '<!DOCTYPE html><html lang="sv-SE"><head><meta charset="utf-8"><title>Prov</title>'
        "</head><body><h1>Prov</h1><table><thead><tr><th>Namn</th><th>Antal rader</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></body></html>"
    )
    pdf = printpdf.write_pdf(html, 'Prov "1"', "Utkast 2026-12-01", "Sida {page} av {pages}")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Antal rader" in text  # the header row, repeated
        assert 'Prov "1"' in text
        assert "Utkast 2026-12-01" in text
        assert f"Sida {n} av {len(reader.pages)}" in text


def test_characters_xml_cannot_hold_do_not_break_the_text():
    html = (
        '<!DOCTYPE html><html lang="sv-SE"><head><meta charset="utf-8"><title>Prov</title>'
        "</head><body><p>Rad ett\x01\ufffe slut</p></body></html>"
    )
    pdf = printpdf.write_pdf(html, "Prov", "Utkast 2026-12-01", "Sida {page} av {pages}")
    assert "Rad ett slut" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_full_collections_are_rare_while_rendering_and_the_thresholds_come_back():
    import gc

    before = gc.get_threshold()
    with printpdf.rare_full_collections():
        assert gc.get_threshold()[2] == printpdf.FULL_COLLECTION_THRESHOLD
        assert gc.get_threshold()[:2] == before[:2]
        with printpdf.rare_full_collections():  # a second rendering at the same time
            pass
        assert gc.get_threshold()[2] == printpdf.FULL_COLLECTION_THRESHOLD
    assert gc.get_threshold() == before
    try:
        with printpdf.rare_full_collections():
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == before
