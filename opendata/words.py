"""Words of Thai and English text for search: PyThaiNLP's dictionary segmenter (newmm), lower-cased.

Thai is written without spaces between words, so `ประชากรปัตตานี` and `ประชากร ปัตตานี` become the
same two words. Punctuation and spaces are dropped.
"""
import re
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    tokens = word_tokenize(str(text or "").lower(), engine="newmm", keep_whitespace=False)
    return tuple(token.strip() for token in tokens if _WORD.search(token) and token.strip())


def indexed(text: str) -> str:
    """The words as stored for search: single spaces between, one at each end (so ` word ` matches whole words)."""
    found = words(text)
    return f" {' '.join(found)} " if found else ""
