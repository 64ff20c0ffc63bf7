"""Bytes -> text for saved articles: binary sniffing and encoding detection.

The order mostly follows what browsers do (WHATWG "encoding sniffing"), because saved pages
were written for browsers: a byte-order mark wins, then valid non-ASCII UTF-8 (see
``decode_bytes``), then an encoding declared by the transport (the HTTP header in a WARC
record), then one declared in the document (HTML ``<meta charset>``, the XML declaration), then
statistical detection (charset-normalizer, with a windows-1252 preference for Latin text).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Magic numbers of formats that are never article text. Checked before any decoding, so a PDF
# or an image is reported as ``binary`` instead of as a page of mojibake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)
# C0 controls except tab/newlines/form feed, DEL, C1 controls, the replacement character.
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)

# windows-1252 is a superset of latin-1 in the printable range and by far the most common legacy
# encoding of English (and Western European) news; detectors confuse it with other single-byte code
# pages on short texts. Text that decodes under cp1252 into mostly-ASCII letters is taken as cp1252;
# a text in another script (Cyrillic cp1251, Greek, CJK) decoded as cp1252 is nearly all non-ASCII
# letters, so the detector's answer stands for those.
_MAX_NON_ASCII_LETTERS = 0.3


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str  # the codec that decoded it
    how: str  # bom | header | declared | utf-8 | mixed | detected


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` is (a phrase for the error message), or None for text."""
    head = data[:64]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text has NUL bytes by design
    sample = data[:8192]
    nul = sample.count(b"\x00")
    if nul == 0:
        return None
    if _utf16_without_bom(sample) is not None:
        return None
    return f"file with NUL bytes ({nul} in the first {len(sample)} bytes)"


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text with no BOM: ASCII-range characters leave NULs in every other byte."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _normalise_codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Pages labelled latin-1/ascii are really windows-1252 (the WHATWG Encoding Standard maps them so).
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec


def declared_encoding(data: bytes) -> str | None:
    """The encoding a document declares about itself (XML declaration or HTML meta charset)."""
    head = data[:4096]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return _normalise_codec(m.group(1)) if m else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return _normalise_codec(m.group(1)) if m else None


def _try(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _garbage_share(text: str) -> float:
    """Share of characters that no real text contains: C0/C1 controls and U+FFFD."""
    if not text:
        return 0.0
    sample = text[:20000]
    return len(_GARBAGE.findall(sample)) / len(sample)


def decode_bytes(data: bytes, transport_charset: str | None = None) -> Decoded | None:
    """Decode saved article bytes, or None when no encoding yields plausible text.

    ``transport_charset`` is an encoding announced outside the document (an HTTP header).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is not None:
                return Decoded(text.lstrip("\ufeff"), codec, "bom")
    no_bom_utf16 = _utf16_without_bom(data[:8192])
    if no_bom_utf16:
        text = _try(data, no_bom_utf16)
        if text is not None:
            return Decoded(text, no_bom_utf16, "detected")
    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page declares: other
    # encodings almost never produce valid multi-byte sequences by chance, while pages re-saved as
    # UTF-8 that still declare windows-1252 are common (and would turn into mojibake).
    utf8 = _try(data, "utf-8")
    if utf8 is not None and not data.isascii():
        return Decoded(utf8, "utf-8", "utf-8") if _garbage_share(utf8) < 0.01 else None
    for label, how in ((transport_charset, "header"), (declared_encoding(data), "declared")):
        declared = _normalise_codec(label)
        text = _try(data, declared)
        if text is not None and declared is not None and _garbage_share(text) < 0.01:
            return Decoded(text, declared, how)
    if utf8 is not None:
        # ASCII: every ASCII-compatible declaration reads it the same.
        return Decoded(utf8, "utf-8", "utf-8") if _garbage_share(utf8) < 0.01 else None
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return Decoded(mixed, "utf-8", "mixed")
    return _detect(data)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with stray legacy bytes (text pasted together from two sources), or None.

    Valid multi-byte UTF-8 sequences almost never arise by chance in a legacy encoding, so text with
    at least as many of them as invalid bytes is UTF-8 with a few windows-1252 bytes mixed in: each
    of those is read as windows-1252, and the rest stays UTF-8 (instead of all of it becoming
    mojibake, or being rejected). Text in one legacy encoding has many invalid bytes and few
    valid sequences, and goes on to detection.
    """
    escaped = data.decode("utf-8", "surrogateescape")  # invalid bytes -> U+DC80..U+DCFF, in one pass
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    multibyte = sum(1 for ch in escaped if ord(ch) > 127) - invalid
    if invalid == 0 or multibyte < invalid:
        return None
    text = _ESCAPED_BYTE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), escaped)
    return text if _garbage_share(text) < 0.01 else None


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    western = _try(data, "cp1252")
    if western is not None and _garbage_share(western) < 0.01 and _mostly_ascii_letters(western):
        return Decoded(western, "cp1252", "detected")
    best = from_bytes(data[:200_000]).best()
    codec = _normalise_codec(best.encoding) if best is not None else None
    text = _try(data, codec)
    if text is not None and codec is not None and _garbage_share(text) < 0.01:
        return Decoded(text, codec, "detected")
    return None


def _mostly_ascii_letters(text: str) -> bool:
    letters = non_ascii = 0
    for ch in text[:50000]:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 127:
                non_ascii += 1
    return letters > 0 and non_ascii / letters <= _MAX_NON_ASCII_LETTERS
