"""Members' names in pinyin: the order of a register (张 after 王, as a Chinese list is read) and
what a picker's search matches (全拼 zhangsan, 首字母 zs).

The sort key is stored on the member and compared as plain text by the database. Each syllable is
padded to six characters with "0", so it compares the same under every collation: PostgreSQL's
locale collations skip spaces and punctuation, and would put 梁 (liang) before 李娜 (li na) if the
syllables were only separated by spaces; digits sort before letters under all of them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

SYLLABLE_WIDTH = 6  # zhuang, shuang: the longest syllables
# Surnames whose reading differs from the character's everyday one (曾 is zēng as a name, not céng).
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "朴": "piao", "区": "ou", "查": "zha", "乐": "yue",
    "盖": "ge", "缪": "miao", "覃": "qin", "尉": "yu", "翟": "zhai", "种": "chong", "召": "shao", "秘": "bi",
}
NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=4096)
def syllables(name: str) -> tuple[str, ...]:
    """The name's syllables in toneless pinyin (ü as v), lower case; other letters and digits kept
    as words of their own: 王丽12 -> (wang, li, 12)."""
    name = name.strip()
    words = []
    for position, part in enumerate(lazy_pinyin(name)):
        if position == 0 and name[:1] in SURNAME_READINGS:
            part = SURNAME_READINGS[name[0]]
        words += [word for word in NOT_ALPHANUMERIC.split(part.lower()) if word]
    return tuple(words)


def sort_key(name: str) -> str:
    return "".join(word[:SYLLABLE_WIDTH].ljust(SYLLABLE_WIDTH, "0") for word in syllables(name))


def full_pinyin(name: str) -> str:
    return "".join(syllables(name))


def initials(name: str) -> str:
    return "".join(word[0] for word in syllables(name))
