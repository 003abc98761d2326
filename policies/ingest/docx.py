"""DOCX to text: the ZIP container is inspected before python-docx may open it.

Output shape: every Word paragraph is a block separated by a blank line; headings (Title,
Subtitle, Heading n, or an outline level) stand alone; consecutive list paragraphs are one
line each, prefixed with the label Word shows ("1. ", "a) ", "2.1. "; "• " for any bullet);
table rows are lines with cells joined by " | ", unless the table lays out the page, in which
case its cells are read as blocks. Headers, footers, footnotes and comments are not policy text.
"""

from __future__ import annotations

import io
import zipfile

import docx  # python-docx (absolute import: not this module)

from policies.ingest.docx_numbering import Numbering
from policies.ingest.errors import IngestError
from policies.ingest.limits import MAX_TEXT_CHARS, TOO_MUCH_TEXT

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
# Entries this small cannot hurt; deflate squeezes a page of padding spaces beyond 100:1.
_RATIO_FLOOR = 1024
_LAYOUT_CELL_CHARS = 1000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCX_MAIN = b"wordprocessingml.document.main"
_OTHER_OFFICE = (
    (b"spreadsheetml", "an Excel workbook"),
    (b"presentationml", "a PowerPoint presentation"),
    (b"ms-word.document.macroEnabled", "a macro-enabled Word document (.docm)"),
    (b"ms-word.template", "a Word template"),
)

DAMAGED = "The Word file is damaged and could not be read."


def docx_to_text(data: bytes) -> str:
    check_container(data)
    try:
        document = docx.Document(io.BytesIO(data))
        style_names = {style.style_id: (style.name or "").lower() for style in document.styles}
        numbering = Numbering(_numbering_xml(document), [style.element for style in document.styles])
        blocks = _capped(_blocks(document.element.body, style_names, numbering))
    except IngestError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on broken packages
        raise IngestError(DAMAGED) from exc
    return _join(blocks)


def _capped(blocks) -> list[tuple[str, str]]:
    """The blocks, refused as soon as their text passes the cap (list labels can multiply it)."""
    kept: list[tuple[str, str]] = []
    total = 0
    for block in blocks:
        total += len(block[1]) + 2
        if total > MAX_TEXT_CHARS:
            raise IngestError(TOO_MUCH_TEXT)
        kept.append(block)
    return kept


def check_container(data: bytes) -> None:
    """Refuse ZIP bombs and ZIPs that are not Word documents, reading only the central directory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception as exc:  # BadZipFile, but also struct and value errors on mangled directories
        raise IngestError("The file is not a valid .docx document: its ZIP container is damaged.") from exc
    with archive:
        if len(entries) > MAX_ENTRIES:
            raise IngestError(f"The .docx file holds {len(entries):,} parts; at most {MAX_ENTRIES:,} are accepted.")
        unsafe = next((entry.filename for entry in entries if not _safe_name(entry.filename)), None)
        if unsafe is not None:
            # Nothing is ever unpacked to disk, but no Word program writes such names: the file was made by hand.
            raise IngestError(
                f"The .docx file contains a part with an unsafe name ({unsafe[:60]!r}: an absolute path or '..'), "
                "so it is refused."
            )
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNCOMPRESSED:
            raise IngestError("The .docx file unpacks to more than 50 MB, so it is refused as a possible ZIP bomb.")
        for entry in entries:
            if entry.file_size >= _RATIO_FLOOR and entry.file_size > MAX_RATIO * entry.compress_size:
                raise IngestError(
                    "The .docx file contains a part compressed more than 100 to 1, so it is refused as a possible "
                    "ZIP bomb."
                )
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" not in names:
            if "mimetype" in names:
                raise IngestError("The file is an OpenDocument file, not a .docx document. Save it as .docx.")
            raise IngestError("The file is a ZIP archive, not a .docx document.")
        try:
            content_types = archive.read("[Content_Types].xml")
        except Exception as exc:
            raise IngestError("The file is not a valid .docx document: its ZIP container is damaged.") from exc
    if _DOCX_MAIN not in content_types:
        for marker, kind in _OTHER_OFFICE:
            if marker in content_types:
                raise IngestError(f"The file is {kind}, not a .docx document.")
        raise IngestError("The file is a ZIP archive, not a .docx document.")


def _safe_name(name: str) -> bool:
    """A part name as Word writes them: relative, forward slashes, no '..' steps, no drive letter."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if len(name) > 1 and name[1] == ":":
        return False
    return ".." not in name.split("/")


def _numbering_xml(document):
    try:
        return document.part.numbering_part.element
    except Exception:  # no numbering part (a document without lists) or one python-docx cannot load
        return None


def _blocks(body, style_names: dict[str, str], numbering: Numbering):
    """(kind, text) for each block in reading order: kind is "heading", "item", "row" or "para"."""
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag == f"{_W}p":
            text = _paragraph_text(element)
            kind = _paragraph_kind(element, style_names)
            listed = numbering.list_of(element.find(f"{_W}pPr"), _style_id(element))
            if listed is not None:
                marker = numbering.marker(*listed)  # counted even when the item is empty, as Word does
                if text.strip():
                    # A numbered heading ("2. Sharing") keeps its number and stays a heading.
                    yield ("heading" if kind == "heading" else "item"), marker + text
            elif text.strip():
                yield kind, text
        elif tag == f"{_W}tbl":
            rows = list(_rows(element))
            if _is_layout(rows, style_names):
                stack.extend(reversed([child for row in rows for cell in row for child in cell]))
            else:
                for row in rows:
                    cells = [" ".join(_paragraph_text(p) for p in _cell_paragraphs(cell)).strip() for cell in row]
                    line = " | ".join(cell for cell in cells if cell)
                    if line:
                        yield "row", line
        elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"):
            stack.extend(reversed(element))  # content controls wrap ordinary paragraphs


def _cell_paragraphs(cell: list) -> list:
    """The cell's paragraphs, leaving out those inside a text box of another paragraph."""
    return [
        paragraph
        for element in cell
        for paragraph in element.iter(f"{_W}p")
        if next(paragraph.iterancestors(f"{_W}p"), None) is None
    ]


def _rows(table):
    """Each row as a list of cells, each cell a list of its block elements."""
    for row in table.iter(f"{_W}tr"):
        if row.getparent() is not table:
            continue  # a row of a nested table
        yield [list(cell) for cell in row if cell.tag == f"{_W}tc"]


def _is_layout(rows, style_names: dict[str, str]) -> bool:
    for row in rows:
        for cell in row:
            for element in cell:
                if element.tag == f"{_W}tbl":
                    return True
                if element.tag == f"{_W}p" and _paragraph_kind(element, style_names) == "heading":
                    return True
            if sum(len(_paragraph_text(p)) for p in cell if p.tag == f"{_W}p") > _LAYOUT_CELL_CHARS:
                return True
    return False


def _style_id(paragraph) -> str:
    properties = paragraph.find(f"{_W}pPr")
    style = properties.find(f"{_W}pStyle") if properties is not None else None
    return style.get(f"{_W}val", "") if style is not None else ""


def _paragraph_kind(paragraph, style_names: dict[str, str]) -> str:
    """ "heading" for Title, Subtitle, Heading n or an outline level, else "para"."""
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return "para"
    name = style_names.get(_style_id(paragraph), "")
    if name.startswith("heading") or name in ("title", "subtitle") or properties.find(f"{_W}outlineLvl") is not None:
        return "heading"
    return "para"


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    stack = [paragraph]
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag == _MC_FALLBACK:
            continue  # the same content again, for older readers
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag in (f"{_W}pPr", f"{_W}rPr", f"{_W}instrText", f"{_W}delText"):
            continue
        elif tag == f"{_W}p" and element is not paragraph:
            parts.append("\n")  # a text box's paragraph inside this one
        stack.extend(reversed(element))
    return "".join(parts)


def _join(blocks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    previous = ""
    for kind, text in blocks:
        if out:
            same_list = kind == previous and kind in ("item", "row")
            out.append("\n" if same_list else "\n\n")
        out.append(text)
        previous = kind
    return "".join(out)
