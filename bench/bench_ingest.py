"""Time extract() on large inputs of each format: `.venv/bin/python bench/bench_ingest.py`.

Not a test (timings vary by machine); run it after changing the ingestion code.
"""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from policies.ingest import MAX_BYTES, IngestError, extract

SENTENCE = "We collect your name,\u00a0e-mail address and\tpostal address when you buy from us. "


def _fill(unit: str, encoding: str = "utf-8") -> bytes:
    data = unit.encode(encoding)
    return data * ((MAX_BYTES - 1024) // len(data))


def _html() -> bytes:
    block = (
        "<nav><a href='/'>Home</a></nav><section><h2>Section</h2><p>" + SENTENCE * 4 + "</p>"
        "<ul><li>Name</li><li>Email</li></ul><table><tr><td>Identifiers</td><td>name</td></tr></table></section>"
    )
    body = _fill(block).decode()
    return f"<!DOCTYPE html><html><body><main>{body}</main></body></html>".encode()


def _pdf(pages: int) -> bytes:
    from tests.ingest.documents import pdf_bytes

    return pdf_bytes(
        [[f"Line {n} of page {page}: {SENTENCE.strip()[:50]}" for n in range(45)] for page in range(pages)]
    )


def _docx(paragraphs: int) -> bytes:
    import docx

    document = docx.Document()
    for n in range(paragraphs):
        words = random.Random(n).sample(SENTENCE.split(), 10)  # varied, as real text compresses ~10:1
        document.add_paragraph(" ".join(words * 3), style="List Bullet" if n % 5 == 0 else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _random_bytes(size: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(size))


CASES = {
    "10 MB UTF-8 text": (lambda: _fill(SENTENCE + "\r\n\r\n\r\n"), "big.txt"),
    "10 MB accented UTF-8 text": (lambda: _fill("Déclaration de confidentialité: café, crème. "), "big.txt"),
    "10 MB Windows-1252 text": (lambda: _fill("We don’t sell — ever… naïve café. ", "cp1252"), "big.txt"),
    "10 MB UTF-16 text": (lambda: _fill(SENTENCE, "utf-16-le"), "big.txt"),
    "10 MB HTML page": (_html, "big.html"),
    "1 MB HTML page": (lambda: _html()[: 1 << 20], "page.html"),
    "200-page PDF": (lambda: _pdf(200), "big.pdf"),
    "3,000-paragraph DOCX": (lambda: _docx(3000), "big.docx"),
    "1 MB random bytes as .txt": (lambda: _random_bytes(1 << 20), "noise.txt"),
    "1 MB random bytes as .html": (lambda: _random_bytes(1 << 20), "noise.html"),
}


def main() -> None:
    for label, (make, name) in CASES.items():
        data = make()
        start = time.perf_counter()
        try:
            result = f"{len(extract(data, name).text):,} chars"
        except IngestError as error:
            result = f"refused: {error}"
        elapsed = time.perf_counter() - start
        print(f"{label:<30} {len(data) / 1e6:6.1f} MB  {elapsed:6.2f} s  {result[:70]}")


if __name__ == "__main__":
    main()
