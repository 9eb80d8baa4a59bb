"""An encrypted PDF's streams decrypted a chunk at a time, so that what they inflate to can be counted.

A plan given only an owner password (one that may be read but not edited)
opens for anyone: its streams are encrypted with a key the file itself yields
to the empty user password, and PDFium decrypts and inflates them. Counted as
written they are no zip data, and a bomb among them went uncounted.

pdfminer's security handlers find the key (the standard handler, revisions 2
to 6); each stream is decrypted here with its object's key (RC4, AES of 128 or
256 bits, as the PDF reference's algorithm 1 derives it), with ``cryptography``.

pdfminer's own RC4 copies its output once for every byte: a page pdfminer reads
(where PDFium loses glyphs) drawn by a stream of 200 KB took 5 s to decrypt, one of
2 MB would take minutes. ``linear_rc4_in_pdfminer`` gives it this module's.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .. import patterns
from ..errors import PlanparseError

if TYPE_CHECKING:
    from pdfminer.pdfdocument import PDFStandardSecurityHandler

StreamDecrypter = Callable[[int, int, Iterable[bytes]], Iterator[bytes]]
"""A stream's data decrypted, given its object's number and generation."""

_ENCRYPTED = patterns.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R\b|<<)")  # a trailer's (or a cross-reference stream's) entry
_AES_BLOCK = 16
# The RC4 key sizes, in bytes, ``cryptography`` takes; a PDF's keys run from 5 to 16 bytes (40 to 128 bits in steps of 8).
_RC4_KEY_BYTES = (5, 7, 8, 10, 16, 20, 24, 32)


def stream_decrypter(path: Path, data: bytes) -> StreamDecrypter | None:
    """How the PDF ``data``'s streams are decrypted; None when they are not encrypted, or not to the empty
    password (PDFium then asks for one, and the PDF reader says so)."""
    if not _ENCRYPTED.search(data):
        return None
    handler = _security_handler(path, data)
    if handler is None:
        return None
    method = _stream_method(handler)
    key = handler.key
    assert key is not None  # a handler is made only once a password opened the file
    if method == "decrypt_rc4":
        return lambda number, generation, chunks: _rc4_decrypted(_object_key(key, number, generation), chunks)
    if method == "decrypt_aes128":
        return lambda number, generation, chunks: _aes_decrypted(_object_key(key, number, generation, b"sAlT"), chunks)
    if method == "decrypt_aes256":  # one key for every object
        return lambda _number, _generation, chunks: _aes_decrypted(key, chunks)
    return None  # the Identity filter: streams written as they are


def _security_handler(path: Path, data: bytes) -> PDFStandardSecurityHandler | None:
    """The handler that opens the document to the empty password, or None when that opens nothing. A file
    pdfminer cannot parse is left to PDFium, whose refusal names what is wrong with it; one encrypted in a
    way pdfminer does not know is refused, its streams uncountable."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    linear_rc4_in_pdfminer()  # the document's catalog may be in an object stream, decrypted as it is opened
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        return None
    except PDFEncryptionError:
        raise PlanparseError(path, "the PDF is encrypted in a way planparse cannot read; remove the encryption first") from None
    except Exception:  # pdfminer raises its own kinds, and Python's, on a damaged file
        return None
    if document.decipher is None:
        return None
    return document.decipher.__self__  # type: ignore[attr-defined]  (the handler's bound method)


def _stream_method(handler: PDFStandardSecurityHandler) -> str:
    """The name of the handler's method that decrypts streams: RC4 before revision 4, else the one its
    stream filter (``/StmF``) names."""
    from pdfminer.pdfdocument import PDFStandardSecurityHandlerV4

    if isinstance(handler, PDFStandardSecurityHandlerV4):
        return handler.cfm[handler.stmf].__name__
    return "decrypt_rc4"


def _object_key(key: bytes, number: int, generation: int, salt: bytes = b"") -> bytes:
    """Algorithm 1: the document's key with the object's number and generation (and AES's salt), hashed."""
    digest = hashlib.md5(key + number.to_bytes(4, "little")[:3] + generation.to_bytes(4, "little")[:2] + salt).digest()
    return digest[:min(len(key) + 5, 16)]


def _rc4_decrypted(key: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    decrypt = rc4(key)
    for chunk in chunks:
        yield decrypt(chunk)


def rc4(key: bytes) -> Callable[[bytes], bytes]:
    """RC4 with ``key``: each call continues the stream where the last ended. RC4 reads its key's bytes in turn, 256
    of them: a key repeated is the same key, so one of a size ``cryptography`` does not take (a PDF's keys of 9, 11,
    13, 14 or 15 bytes: an object's key of a document's of 48 to 80 bits) is repeated to one it takes, or else run
    in Python (a second or two a megabyte, in time linear in the data all the same)."""
    fitting = next((size for size in _RC4_KEY_BYTES if key and size % len(key) == 0), None)
    if fitting is None:
        return _rc4_in_python(key)
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    return Cipher(ARC4(key * (fitting // len(key))), mode=None).decryptor().update


def _rc4_in_python(key: bytes) -> Callable[[bytes], bytes]:
    state = list(range(256))
    j = 0
    for i in range(256):  # the key schedule
        j = (j + state[i] + key[i % len(key)]) & 255
        state[i], state[j] = state[j], state[i]
    position = [0, 0]

    def process(data: bytes) -> bytes:
        i, j = position
        out = bytearray(data)
        for index, byte in enumerate(out):
            i = (i + 1) & 255
            j = (j + state[i]) & 255
            state[i], state[j] = state[j], state[i]
            out[index] = byte ^ state[(state[i] + state[j]) & 255]
        position[:] = i, j
        return bytes(out)

    return process


class _LinearArcfour:
    """pdfminer's ``Arcfour`` (made with a key; ``decrypt`` and ``encrypt`` continue one stream) in linear time."""

    def __init__(self, key: Sequence[int]):
        self.process = rc4(bytes(key))
        self.encrypt = self.decrypt = self.process


def linear_rc4_in_pdfminer() -> None:
    """pdfminer decrypts with this module's RC4 from now on: called where pdfminer is imported to read a document."""
    from pdfminer import pdfdocument

    pdfdocument.Arcfour = _LinearArcfour  # type: ignore[misc,assignment]  (the one name pdfminer's handlers make it by)


def _aes_decrypted(key: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """AES in CBC mode, the first block of the data its initialisation vector; the padding at the end is
    left (zip data ends before it)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    vector = b""
    decryptor = None
    for chunk in chunks:
        if decryptor is None:
            taken = _AES_BLOCK - len(vector)
            vector, chunk = vector + bytes(chunk[:taken]), chunk[taken:]
            if len(vector) < _AES_BLOCK:
                continue
            decryptor = Cipher(algorithms.AES(key), modes.CBC(vector)).decryptor()
        yield decryptor.update(chunk)
