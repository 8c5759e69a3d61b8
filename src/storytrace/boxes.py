"""Boxes a news page marks as no part of its story: subscription offers, embedded social-media posts the story does not
quote, reader call-outs and related-story lists.

Every rule here acts on an element the page itself marks, by its class, id or aria-label (and, for embedded posts, the
class their publishers' embed code gives them), never on free prose by its wording: a story sentence that reads like an
offer ("All households will pay £3 a month for six months") or an appeal is the story's, wherever it stands. A marked
box is dropped only when its structure says it is furniture too (short, with a call to action, no paragraph of prose),
so that a site that classes the story's own text "paywall", as search engines ask paywalled pages to, keeps it.

Every search is one pass over the page's elements; a box's text is measured only up to the bound it is judged by, so a
hostile page of thousands of nested or repeated boxes costs time linear in its size (the parser caps nesting at 255).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["without_boxes"]

# Words of a class, id or aria-label that mark a subscription or promotion box. Whole words that open a token
# ("subscribe-box", "offerBanner" read as "offerbanner"), and three that stand anywhere in one ("articlePaywall").
_OFFER_PREFIXES = ("paywall", "regwall", "subscri", "offer", "promo", "newsletter", "signup", "piano")
_OFFER_ANYWHERE = ("paywall", "regwall", "newsletter")
# Piano's containers ("tp-container", "tp-modal"), which name no offer.
_OFFER_CLASSES = frozenset({"tp-container", "tp-modal", "tp-iframe-wrapper", "tp-backdrop"})
# The classes their publishers' embed code gives an embedded post (X/Twitter, Instagram, TikTok, Facebook, Bluesky,
# Reddit, Threads).
_EMBED_CLASSES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "fb-post",
        "fb-video",
        "bluesky-embed",
        "reddit-embed-bq",
        "text-post-media",
    }
)
_RELATED_PREFIXES = ("related",)
_CALLOUT_PREFIXES = ("callout",)

#: An offer or call-out box holds at most this much text; a story's text runs longer.
_BOX_MAX_CHARS = 1000
#: A paragraph this long in a marked box is prose: the box is (part of) the story, as on a page that classes the text
#: subscribers read "paywall". Offer lines are a few words ("Cancel anytime", "£1 a week for 3 months").
_PROSE_CHARS = 160
#: A related-story list holds at most this much text, and links make at least this share of it.
_RELATED_MAX_CHARS = 3000
_RELATED_LINK_SHARE = 0.6
#: An embedded post's text read for what the story says of it, at most this much.
_POST_MAX_CHARS = 2000
# Words of the paragraph just before a post that say the story quotes it ("... wrote on X:", "tweeted", "in a post").
_REFERS_TO_POST = re.compile(
    r"(?i:\b(?:tweet(?:ed|s)?|posted|post|wrote|writing|shared|said|says)\b[^.!?]{0,80}\b(?:on|in|via)\s+"
    r"(?:x|twitter|instagram|facebook|tiktok|threads|bluesky|social\s+media)\b|\btweet(?:ed)?\b|\bin\s+an?\s+"
    r"(?:post|tweet|message|video|statement)\b)"
)
_HANDLE = re.compile(r"@(\w{1,30})")
_BARE_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S*|\S+\.\S+/\S*")
_QUOTED_RUN = 5  # words of a post the story's prose repeats in a row: it quotes the post


def _marks(el: HtmlElement) -> str:
    return " ".join(v for v in (el.get("class"), el.get("id"), el.get("aria-label")) if v)


def _kind(el: HtmlElement, protected: frozenset[str]) -> str | None:
    """What box ``el`` is marked as ("offer", "embed", "related", "callout"), or None."""
    marks = _marks(el)
    if not marks:
        return None
    raw = marks.lower().split()
    if protected and protected.intersection(raw):
        return None  # named by the page's JSON-LD as its paywalled part: the story's text
    if el.tag in ("blockquote", "div") and _EMBED_CLASSES.intersection(raw):
        return "embed"
    if _OFFER_CLASSES.intersection(raw):
        return "offer"
    words = [w for w in re.split(r"[^a-z0-9]+", marks.lower()) if w]
    compact = "".join(words)
    if any(w.startswith(_OFFER_PREFIXES) for w in words) or any(w in compact for w in _OFFER_ANYWHERE):
        return "offer"
    if any(w.startswith(_CALLOUT_PREFIXES) for w in words) or "call-out" in raw:
        return "callout"
    if any(w.startswith(_RELATED_PREFIXES) for w in words):
        return "related"
    return None


def _text_upto(el: HtmlElement, limit: int) -> str:
    """``el``'s text, its whitespace runs made one space, cut once it passes ``limit`` characters (read no further)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 2 * limit + 200:  # whitespace collapses: read a margin beyond the bound
            break
    return " ".join("".join(parts).split())[: limit + 1]


_EMAIL = re.compile(r"\S@\w[\w-]*\.\w")


def _has_email(text: str | None) -> bool:
    return text is not None and "@" in text and _EMAIL.search(text) is not None


def _size(text: str | None) -> int:
    """Characters of ``text`` once its whitespace runs are one space, as a reader sees it (near enough)."""
    return len(" ".join(text.split())) if text else 0


class _Tally:
    """What a box holds, summed over its descendants in one pass: its text's length, its links' text, whether it has
    a call to action (a link, a button, a form), a way to write in (a form, a mail or phone link, an address in its
    text) and a paragraph of prose (a <p> or <li> of _PROSE_CHARS or more)."""

    __slots__ = ("chars", "contact", "control", "email", "linked", "prose")

    def __init__(self, el: HtmlElement) -> None:
        self.chars = _size(el.text)
        self.linked = 0
        tag = el.tag
        href = (el.get("href") or "").strip().lower() if tag == "a" else ""
        self.control = tag in ("button", "form", "input", "select") or bool(href)
        self.contact = tag in ("form", "input") or href.startswith(("mailto:", "tel:"))
        self.prose = False
        self.email = _has_email(el.text)

    def close(self, el: HtmlElement, parent: _Tally | None) -> None:
        if el.tag == "a":
            self.linked = self.chars
        if el.tag in ("p", "li") and self.chars >= _PROSE_CHARS:
            self.prose = True
        if parent is not None:
            parent.chars += self.chars + _size(el.tail)
            parent.linked += self.linked
            parent.control = parent.control or self.control
            parent.contact = parent.contact or self.contact
            parent.prose = parent.prose or self.prose
            parent.email = parent.email or self.email or _has_email(el.tail)


def _offer_box(tally: _Tally) -> bool:
    """A short box with a call to action (a link, a button, a form) and no paragraph of prose."""
    return tally.chars <= _BOX_MAX_CHARS and tally.control and not tally.prose


def _callout_box(tally: _Tally) -> bool:
    """A short box that asks readers to write in: a form, a mail or phone link or an address to write to."""
    return tally.chars <= _BOX_MAX_CHARS and not tally.prose and (tally.contact or tally.email)


def _related_box(tally: _Tally) -> bool:
    """A list of links to other stories: links make most of its text."""
    return 0 < tally.chars <= _RELATED_MAX_CHARS and tally.linked >= _RELATED_LINK_SHARE * tally.chars


def _post_text(el: HtmlElement) -> str:
    """The text of an embedded post, its links to pictures and pages left out: its first paragraph (a post's
    signature, "— Name (@handle) March 3, 2026" or "A post shared by ...", follows it), else all of it."""
    first = next(el.iter("p"), None)
    node = first if first is not None else el
    parts: list[str] = []
    size = 0
    for piece in node.itertext():
        parts.append(piece)
        size += len(piece)
        if size > _POST_MAX_CHARS:
            break
    text = " ".join("".join(parts).split())
    return " ".join(_BARE_URL.sub(" ", text).split())


def _previous_text(el: HtmlElement) -> str:
    """The text of the element just before ``el`` (climbing out of a wrapper that holds the post alone)."""
    node: HtmlElement | None = el
    for _ in range(4):
        if node is None:
            return ""
        prev = node.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or prev.tag in ("script", "style", "noscript")):
            prev = prev.getprevious()
        if prev is not None:
            return _text_upto(prev, _POST_MAX_CHARS)
        node = node.getparent()
    return ""


def _word_runs(words: list[str], n: int) -> Iterable[tuple[str, ...]]:
    return (tuple(words[k : k + n]) for k in range(len(words) - n + 1))


class _Prose:
    """The page's paragraph text outside embedded posts, read once and only when a post needs it."""

    def __init__(self, page: HtmlElement, embeds: list[HtmlElement]) -> None:
        self.page = page
        self.embeds = embeds
        self._compact: str | None = None
        self._runs: set[tuple[str, ...]] | None = None

    def _read(self) -> None:
        inside = {p for e in self.embeds for p in e.iter("p")}
        text = " ".join(p.text_content() for p in self.page.iter("p") if p not in inside).casefold()
        self._compact = re.sub(r"[\W_]+", "", text)
        self._runs = set(_word_runs(re.findall(r"\w+", text), _QUOTED_RUN))

    def names(self, handle: str) -> bool:
        if self._compact is None:
            self._read()
        return handle in (self._compact or "")

    def repeats(self, post: str) -> bool:
        if self._runs is None:
            self._read()
        runs = self._runs or set()
        return any(run in runs for run in _word_runs(re.findall(r"\w+", post.casefold()), _QUOTED_RUN))


def _quoted(el: HtmlElement, post: str, prose: _Prose) -> bool:
    """Whether the story quotes embedded post ``el`` (text ``post``): the paragraph before it introduces it ("... wrote
    on X:", "tweeted", "in a post") or the story names its author's handle or repeats five words of it in a row. A
    fact-checker compares a copy that quotes the post with the story that did: dropped, the copy's quote would be
    one the original lacks."""
    before = _previous_text(el).rstrip()
    if before.endswith(":") or _REFERS_TO_POST.search(before[-300:]):
        return True
    handles = {h.casefold() for h in _HANDLE.findall(_text_upto(el, _POST_MAX_CHARS)) if len(h) >= 4}
    if any(prose.names(re.sub(r"[\W_]+", "", h)) for h in handles):
        return True
    return prose.repeats(post)


_BOX_TAGS = frozenset({"div", "section", "aside", "blockquote", "form", "ul", "ol", "nav", "figure", "p"})


def without_boxes(page: HtmlElement, protected: frozenset[str] = frozenset()) -> list[tuple[HtmlElement, str]]:
    """The marked boxes of ``page`` to take out, each with what to put in its place ("" for nothing, else a post's
    text the story quotes, in quotation marks), outermost first. ``protected``: classes and ids (lower case) the
    page's JSON-LD names as its paywalled part (``hasPart.cssSelector``), which are the story's text.

    One walk over each outermost marked box sums what each element in it holds (:class:`_Tally`); the page outside
    them is not walked, and a box inside one taken out is not judged again. Linear in the page's size, however its
    boxes nest."""
    from lxml import etree

    kinds: dict[HtmlElement, str] = {}
    for el in page.iter(*_BOX_TAGS):
        kind = _kind(el, protected)
        if kind is not None:
            kinds[el] = kind  # (the dict holds the element, so its proxy, looked up again below, stays the same)
    # (element, kind, index of the nearest marked box around it or -1, its tally) in document order
    marked: list[tuple[HtmlElement, str, int, _Tally]] = []
    walked: set[HtmlElement] = set()
    for top in kinds:
        if top in walked:
            continue  # inside a marked box already walked
        stack: list[tuple[_Tally, int]] = []  # the open elements' tallies, and the index of the nearest marked box
        for event, el in etree.iterwalk(top, events=("start", "end")):
            if not isinstance(el.tag, str):
                continue  # a comment or processing instruction: no text of the page's
            if event == "start":
                around = stack[-1][1] if stack else -1
                tally = _Tally(el)
                kind = kinds.get(el)
                if kind is not None:
                    walked.add(el)
                    marked.append((el, kind, around, tally))
                    around = len(marked) - 1
                stack.append((tally, around))
            else:
                tally, _ = stack.pop()
                tally.close(el, stack[-1][0] if stack else None)
    taken: list[bool] = []
    found: list[tuple[HtmlElement, str]] = []
    embeds: list[HtmlElement] = []
    for el, kind, around, tally in marked:
        if around >= 0 and taken[around]:
            taken.append(True)  # inside a box taken out: goes with it
            continue
        if kind == "embed":
            take = True
            embeds.append(el)
        elif kind == "offer":
            take = _offer_box(tally)
        elif kind == "callout":
            take = _callout_box(tally)
        else:
            take = _related_box(tally)
        taken.append(take)
        if take and kind != "embed":
            found.append((el, ""))
    if embeds:
        prose = _Prose(page, embeds)
        for el in embeds:
            post = _post_text(el)
            found.append((el, post if post and _quoted(el, post, prose) else ""))
    return found
