"""Cleaning a captured page into the text every later offset refers to.

Why: captured pages carry mojibake, captions glued to the next sentence ("QousseirL'armée"),
the headline two or three times, share buttons and reader comments. Each would become a false
sentence, a duplicated event or an event taken from a comment. The steps, in order:

1. ftfy repairs the encoding (mojibake, curly quotes straightened, NFC).
2. Unicode spaces become plain spaces; lines are stripped.
3. The reader-comment section (after "Comment (5)") is cut and returned as ``comments``;
   a footer ("Laisser un commentaire") ends the text.
4. Boilerplate lines (share buttons...) and repeats of the title line are dropped.
5. Glued captions get a paragraph break before the sentence starter.
6. Lines become paragraphs joined by "\\n\\n"; a line continuing a hard-wrapped sentence
   (next line starts lowercase) is joined with a space.

The lists come from ``data/boilerplate.yml`` and ``data/glued_captions.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ftfy

from vigie.data import load_yaml

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060]")
_LOWER = "a-zà-öø-ÿœ"


@dataclass(frozen=True)
class CleanResult:
    """The cleaned article text and the reader comments cut from it."""

    text: str
    comments: list[str]


@dataclass(frozen=True)
class CleanRules:
    """Compiled boilerplate and glued-caption rules."""

    comment_headers: tuple[re.Pattern[str], ...]
    comment_header_min_share: float
    comment_timestamp: re.Pattern[str]
    footer_markers: tuple[re.Pattern[str], ...]
    lines: frozenset[str]
    line_patterns: tuple[re.Pattern[str], ...]
    glue: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    never_split: frozenset[str]

    @classmethod
    def load(cls) -> "CleanRules":
        """Read ``data/boilerplate.yml`` and ``data/glued_captions.yml``."""
        bp = load_yaml("boilerplate.yml")
        gc = load_yaml("glued_captions.yml")

        def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

        elided = "|".join(re.escape(e) for e in gc["elided"])
        words = "|".join(sorted({re.escape(w) for w in gc["words"]}, key=len, reverse=True))
        # A starter word may end its line ("aaLes" then "a" on the next): the lines are joined
        # after splitting, so it must split there too, or cleaning twice would differ.
        starter = rf"(?:(?:{elided})['’]\w|(?:{words})(?: |$))"
        glue = re.compile(rf"(?<=[{_LOWER}][{_LOWER}])(?={starter})")
        caption_prefix = re.compile(rf"{gc['caption_prefix']}(?= {starter})")
        return cls(
            comment_headers=compile_all(bp["comment_headers"]),
            comment_header_min_share=float(bp["comment_header_min_share"]),
            comment_timestamp=re.compile(bp["comment_timestamp"]),
            footer_markers=compile_all(bp["footer_markers"]),
            lines=frozenset(line.casefold() for line in bp["lines"]),
            line_patterns=compile_all(bp["line_patterns"]),
            glue=glue,
            caption_prefix=caption_prefix,
            never_split=frozenset(gc["never_split"]),
        )


@lru_cache(maxsize=1)
def load_clean_rules() -> CleanRules:
    """The cleaning rules, read once on first use."""
    return CleanRules.load()


def normalise_line(line: str) -> str:
    """One line with Unicode spaces as single plain spaces, stripped."""
    return _SPACES.sub(" ", _ZERO_WIDTH.sub("", line)).strip()


def _matches(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(p.search(line) for p in patterns)


def split_comments(lines: list[str], *, rules: CleanRules) -> tuple[list[str], list[str]]:
    """Split lines into (article lines, comment lines) at the comment header or footer."""
    total = sum(len(line) + 1 for line in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        if _matches(line, rules.footer_markers):
            return lines[:i], []
        if _matches(line, rules.comment_headers) and seen / total >= rules.comment_header_min_share:
            body, rest = lines[:i], lines[i + 1:]
            for j, after in enumerate(rest):
                if _matches(after, rules.footer_markers):
                    rest = rest[:j]
                    break
            return body, rest
        seen += len(line) + 1
    return lines, []


def group_comments(lines: list[str], *, rules: CleanRules | None = None) -> list[str]:
    """Group comment-section lines into comments: each starts at the author line before a timestamp."""
    rules = rules or load_clean_rules()
    stamps = [i for i, line in enumerate(lines) if rules.comment_timestamp.search(line) and len(line) < 60]
    if not stamps:
        blocks = "\n".join(lines).split("\n\n")
        return [b.strip() for b in blocks if b.strip()]
    starts = sorted({max(i - 1, 0) if i > 0 and lines[i - 1] and len(lines[i - 1]) < 60 else i for i in stamps})
    if starts[0] != 0 and any(lines[:starts[0]]):
        starts.insert(0, 0)
    bounds = [*starts, len(lines)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = "\n".join(lines[a:b]).strip()
        if chunk:
            out.append(re.sub(r"\n{3,}", "\n\n", chunk))
    return out


def split_glued(line: str, *, rules: CleanRules) -> list[str]:
    """Split a line where a caption is glued to the next sentence ("rebellesCôté de...").

    A caption at the start of the line ("Syrie/Qoussair Les rebelles...") is split off too.
    """
    parts = []
    start = 0
    caption = rules.caption_prefix.match(line)
    if caption:
        parts.append(caption.group())
        start = caption.end()
    for m in rules.glue.finditer(line):
        token_start = line.rfind(" ", 0, m.start()) + 1
        token_end = line.find(" ", m.start())
        token = line[token_start:token_end if token_end != -1 else len(line)]
        if any(name in token for name in rules.never_split):
            continue
        parts.append(line[start:m.start()])
        start = m.start()
    parts.append(line[start:])
    return [p.strip() for p in parts if p.strip()]


def _same_line(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()
    return key(a) == key(b)


def _paragraphs(lines: list[str]) -> str:
    """Join lines into paragraphs: a blank line or a new sentence starts one."""
    paras: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paras.append(current)
                current = ""
            continue
        if current and (line[0].islower() or current.endswith((",", "-"))):
            current = f"{current} {line}" if not current.endswith("-") else current + line
            continue
        if current:
            paras.append(current)
        current = line
    if current:
        paras.append(current)
    return "\n\n".join(paras)


def clean_text(raw: str, *, title: str | None = None, rules: CleanRules | None = None) -> CleanResult:
    """Clean one article's raw text (steps in the module docstring)."""
    rules = rules or load_clean_rules()
    fixed = ftfy.fix_text(raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [normalise_line(line) for line in fixed.split("\n")]
    body, comment_lines = split_comments(lines, rules=rules)
    title_line = normalise_line(ftfy.fix_text(title)) if title else None
    kept: list[str] = []
    title_seen = False
    for line in body:
        folded = line.casefold()
        if line and (folded in rules.lines or _matches(line, rules.line_patterns)):
            continue
        if title_line and line and _same_line(line, title_line):
            if title_seen:
                continue
            title_seen = True
        kept.extend(split_glued(line, rules=rules) if line else [""])
    return CleanResult(_paragraphs(kept), group_comments(comment_lines, rules=rules))
