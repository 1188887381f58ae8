"""Choosing among alternative wordings so that no sentence frame is worn out in one document.

A *frame* is a sentence with its particulars taken out: the titles, places and outcomes of the
records, the dates and the figures. Real summaries vary their sentences; a drafter that fills
one frame twenty-five times reads like a ledger. Each kind of sentence therefore has several
wordings, one template file each, in templates/drafting/summary/frames/<kind>/. The chooser is
shared by a whole document: it takes the wording whose frames are least used so far (ties go to
the wording used least, then to the file order), so the result is deterministic and a frame
occurs at most FRAME_LIMIT times unless every wording of a kind is already used up.

A wording may render to nothing when it does not fit the particulars (a wording built around an
outcome, for an event without one); the chooser then passes it by.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from django.conf import settings

from .wording import TEMPLATE_ROOT, sentence

FRAME_LIMIT = 3
FRAMES_DIR = "summary/frames"

QUOTED = re.compile(r"“[^”]*”|《[^》]*》|‘[^’]*’")
DATE = re.compile(r"\d+月(\d+日)?(至(\d+月)?\d+日)?|\d+年")
NUMBER = re.compile(r"\d+(\.\d+)?")
SENTENCE_END = re.compile(r"[。；]")


@lru_cache(maxsize=None)
def wordings(kind: str) -> tuple[str, ...]:
    """The template names of a kind's wordings, in file order."""
    folder = settings.BASE_DIR / "templates" / TEMPLATE_ROOT / FRAMES_DIR / kind
    names = sorted(path.name for path in folder.glob("*.txt"))
    if not names:
        raise FileNotFoundError(f"no wordings in {folder}")
    return tuple(f"{FRAMES_DIR}/{kind}/{name}" for name in names)


def frames_of(text: str, names=()) -> list[str]:
    """The frames of each sentence of `text` (sentences end at 。 or ；)."""
    masked = text
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        masked = masked.replace(name, "§")
    masked = QUOTED.sub("§", masked)
    masked = DATE.sub("D", masked)
    masked = NUMBER.sub("#", masked)
    return [s.strip() for s in SENTENCE_END.split(masked) if s.strip()]


class FrameChooser:
    """Picks wordings for one document and remembers which frames it has written."""

    def __init__(self):
        self.frames: Counter[str] = Counter()
        self.choices: Counter[str] = Counter()
        self.used_up: set[str] = set()

    def note(self, text: str, names=()) -> str:
        """Record a sentence written without a choice (a fixed template), so later choices avoid it."""
        self.frames.update(frames_of(text, names))
        return text

    def say(self, kind: str, context: dict, names=()) -> str:
        """The text of the best-fitting wording of `kind` for `context`; "" when none fits."""
        if kind in self.used_up:
            # Past the limit anyway (long lists of honours): the wordings known to fit come first,
            # so a sentence costs one rendering.
            options = sorted(wordings(kind), key=lambda name: -self.choices[name])
        else:
            options = sorted(wordings(kind), key=lambda name: self.choices[name])
        best = None  # (worst frame use, text, frames, name)
        for name in options:
            text = sentence(name, context)
            if not text:
                continue
            frames = frames_of(text, names)
            worst = max((self.frames[f] for f in frames), default=0)
            if best is None or worst < best[0]:
                best = (worst, text, frames, name)
            # Good enough: adding it keeps every frame within the limit. Once a kind is used up
            # (long lists of honours), the first fitting wording is taken without trying the rest.
            if worst < FRAME_LIMIT or kind in self.used_up:
                break
        if best is None:
            return ""
        worst, text, frames, name = best
        if worst >= FRAME_LIMIT:
            self.used_up.add(kind)
        self.frames.update(frames)
        self.choices[name] += 1
        return text
