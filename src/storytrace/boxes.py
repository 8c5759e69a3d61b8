"""Boxes a news page marks as no part of its story: subscription offers, reader call-outs and related-story lists; and
embedded social-media posts, kept as their text alone (in quotation marks), their signatures left out.

Every rule here acts on an element the page itself marks, by its class, id or aria-label (and, for embedded posts, the
class their publishers' embed code gives them), never on free prose by its wording: a story sentence that reads like an
offer ("All households will pay £3 a month for six months") or an appeal is the story's, wherever it stands. A marked
box is dropped only when its structure says it is furniture too (short, with a button, a form or mostly links, and no
prose: two sentences of a block each, or one long block),
so that a site that classes the story's own text "paywall", as search engines ask paywalled pages to, keeps it.

Every search is one pass over the page's elements; a box's text is measured only up to the bound it is judged by, so a
hostile page of thousands of nested or repeated boxes costs time linear in its size (the parser caps nesting at 255).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["without_boxes"]

# A class or id token (or an aria-label word) that marks a subscription or promotion box, matched as a whole token:
# "paywall", "newsletter-signup", "piano-offer", "subscribe-box", "offerBanner" (read as "offerbanner"). A token that
# only holds such a word is not one: "non-paywall" (Google's mark of the free lead), "story-promo-lead" (a story's
# lead), "subscriber-content" (the text subscribers read) are the story.
_OFFER_TOKEN = re.compile(
    r"(?:(?:js|c|o|m|tp|piano|inline|article|story|site|meter|hard|soft|premium|hero)[-_]?)?"
    r"(?P<word>paywall|regwall|subscribe|subscription|subscriber|offer|promo|newsletter|signup|sign-up)"
    r"(?:[-_]?+(?:box|banner|container|wrapper|wrap|modal|prompt|cta|module|widget|block|inline|form|overlay|unit|card|"
    r"panel|offer|promo|signup|message|bar|dialog|popup|gate|section|area|holder|inner|outer|slot|zone|footer|header|"
    r"placeholder|template|[0-9]++))*+"  # (possessive: "paywall1111...x" must not try every split of its digits)
)
#: The words of an offer token that mark a paywall (not a newsletter or a promotion): a page that shows one is cut.
_PAYWALL_WORDS = frozenset({"paywall", "regwall", "subscribe", "subscription", "subscriber"})
# Piano's containers ("tp-container", "tp-modal"), which name no offer.
_OFFER_CLASSES = frozenset({"tp-container", "tp-modal", "tp-iframe-wrapper", "tp-backdrop"})
# Tokens that say a box is free to read: never an offer, whatever else they hold.
_FREE_TOKEN = re.compile(r"^(?:non|no|not)[-_]?(?:paywall|regwall|subscri|offer|promo)|free")
_CALLOUT_TOKEN = re.compile(r"(?:reader[-_]?)?call[-_]?out(?:[-_]?(?:box|form|wrapper|container|block))?")
_RELATED_TOKEN = re.compile(
    r"related(?:[-_]?+(?:stories|story|articles|article|links|content|posts|news|box|list|module|widget|items))*+"
)
# The parts of a class token that show a link as a button ("btn", "button--primary", "cta-link")
_BUTTON_PARTS = frozenset({"btn", "button", "cta"})
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

#: An offer or call-out box holds at most this much text; a story's text runs longer.
_BOX_MAX_CHARS = 1000
#: A block of this many characters ending a sentence is a sentence of prose; two of them in a box are prose, which is
#: story text (a site that classes the text subscribers read "paywall" or "subscriber-content"). Offer lines are a
#: few words ("Cancel anytime", "£1 a week for 3 months").
_SENTENCE_CHARS = 80
_PROSE_SENTENCES = 2
#: A block this long is prose on its own.
_PROSE_CHARS = 160
#: Links make at least this share of an offer box's text for them to be its call to action (an in-text link in a
#: story paragraph, "fined by the <a>regulator</a>", is none).
_OFFER_LINK_SHARE = 0.4
#: A related-story list holds at most this much text, and links make at least this share of it.
_RELATED_MAX_CHARS = 3000
_RELATED_LINK_SHARE = 0.6
#: An embedded post's text read, at most this much.
_POST_MAX_CHARS = 2000
_URL_START = ("http://", "https://", "pic.twitter.com/", "www.")
# A post's signature and the embed's own lines: "— Name (@handle) March 3, 2026" after an X post, "A post shared by
# Name (@handle)" and "View this post on Instagram", a TikTok's music credit ("♬ original sound - Name") and its
# author's handle before the caption.
_SIGNATURE_TAIL = re.compile(r"\s*(?:—|–|--)\s*[^()\n]{0,80}\(@\w{1,30}\)[^\n]{0,80}$")
_SIGNATURE_LINE = re.compile(
    r"(?i:a\s+post\s+shared\s+by\b.*|view\s+(?:this|more)\s+(?:post|profile|video|reel)s?\s+on\s+\w+.*|"
    r"(?:watch|view|see\s+more)\s+on\s+\w+|posted\s+by\s+[^.!?]{1,80}\s+on\s+[^.!?]{1,60}|\W*)"
)
_MUSIC_CREDIT = re.compile(r"♬.*$")
_LEADING_HANDLES = re.compile(r"^(?:@\w{1,30}\s*)+")
#: A post's text holds at least this many words once its signature is left out, or it is nothing the story says.
_POST_MIN_WORDS = 2
_BLOCK_TAGS = frozenset(
    {"p", "li", "div", "blockquote", "dd", "td", "section", "article", "h2", "h3", "h4", "h5", "h6"}
)
_SENTENCE_END = frozenset(".!?…")
_CLOSING = "\"'”’)»]"


def _tokens(el: HtmlElement) -> list[str]:
    """``el``'s class and id tokens and aria-label words, in lower case."""
    return " ".join(v for v in (el.get("class"), el.get("id"), el.get("aria-label")) if v).lower().split()


def _kind(el: HtmlElement, protected: frozenset[str]) -> str | None:
    """What box ``el`` is marked as ("paywall", "offer", "embed", "related", "callout"), or None. Whole tokens only."""
    raw = _tokens(el)
    if not raw:
        return None
    if protected and protected.intersection(raw):
        return None  # named by the page's JSON-LD as its paywalled part: the story's text
    if el.tag in ("blockquote", "div") and _EMBED_CLASSES.intersection(raw):
        return "embed"
    if any(_FREE_TOKEN.search(t) for t in raw):
        return None  # "non-paywall", "free-to-read": the part anyone may read
    if _OFFER_CLASSES.intersection(raw):
        return "paywall"
    for token in raw:
        offer = _OFFER_TOKEN.fullmatch(token)
        if offer:
            return "paywall" if offer.group("word") in _PAYWALL_WORDS else "offer"
    if any(_CALLOUT_TOKEN.fullmatch(t) for t in raw):
        return "callout"
    if any(_RELATED_TOKEN.fullmatch(t) for t in raw):
        return "related"
    return None


_EMAIL = re.compile(r"\S@\w[\w-]*\.\w")


def _has_email(text: str | None) -> bool:
    return text is not None and "@" in text and _EMAIL.search(text) is not None


def _size(text: str | None) -> int:
    """Characters of ``text`` once its whitespace runs are one space, as a reader sees it (near enough)."""
    return len(" ".join(text.split())) if text else 0


def _last_char(text: str | None, default: str) -> str:
    stripped = text.rstrip().rstrip(_CLOSING) if text else ""
    return stripped[-1] if stripped else default


class _Tally:
    """What a box holds, summed over its descendants in one pass: its text's length, its links' text, whether it has
    a button or form, a way to write in (a form, a mail or phone link, an address in its text), and its prose: how
    many blocks (innermost ones) of _SENTENCE_CHARS or more end a sentence, and whether one runs to _PROSE_CHARS."""

    __slots__ = ("block", "button", "chars", "contact", "email", "end", "inner_block", "linked", "long", "sentences")

    def __init__(self, el: HtmlElement) -> None:
        self.chars = _size(el.text)
        self.linked = 0
        tag = el.tag
        href = (el.get("href") or "").strip().lower() if tag == "a" else ""
        self.button = tag in ("button", "form", "input", "select", "textarea") or (
            tag == "a"
            and (
                el.get("role") == "button"
                or any(_BUTTON_PARTS.intersection(re.split(r"[-_]+", t)) for t in _tokens(el))
            )
        )
        self.contact = tag in ("form", "input") or href.startswith(("mailto:", "tel:"))
        self.email = _has_email(el.text)
        self.block = tag in _BLOCK_TAGS
        self.inner_block = False  # a block below it: it is no innermost block
        self.sentences = 0
        self.long = False
        self.end = _last_char(el.text, "")

    def close(self, el: HtmlElement, parent: _Tally | None) -> None:
        if el.tag == "a":
            self.linked = self.chars
        if self.block and not self.inner_block and self.chars >= _SENTENCE_CHARS:
            self.sentences += self.end in _SENTENCE_END
            self.long = self.long or self.chars >= _PROSE_CHARS
        if parent is not None:
            parent.chars += self.chars + _size(el.tail)
            parent.linked += self.linked
            parent.button = parent.button or self.button
            parent.contact = parent.contact or self.contact
            parent.email = parent.email or self.email or _has_email(el.tail)
            parent.inner_block = parent.inner_block or self.block or self.inner_block
            parent.sentences += self.sentences
            parent.long = parent.long or self.long
            parent.end = _last_char(el.tail, self.end or parent.end)

    @property
    def prose(self) -> bool:
        return self.long or self.sentences >= _PROSE_SENTENCES


def _offer_box(tally: _Tally) -> bool:
    """A short box with a call to action (a button or form, or links that make a large share of its text) and no
    prose."""
    action = tally.button or (tally.chars > 0 and tally.linked >= _OFFER_LINK_SHARE * tally.chars)
    return tally.chars <= _BOX_MAX_CHARS and action and not tally.prose


def _callout_box(tally: _Tally) -> bool:
    """A short box that asks readers to write in: a form, a mail or phone link or an address to write to."""
    return tally.chars <= _BOX_MAX_CHARS and not tally.prose and (tally.contact or tally.email)


def _related_box(tally: _Tally) -> bool:
    """A list of links to other stories: links make most of its text."""
    return 0 < tally.chars <= _RELATED_MAX_CHARS and tally.linked >= _RELATED_LINK_SHARE * tally.chars


def _bounded_text(el: HtmlElement, limit: int) -> str:
    """``el``'s text, its whitespace runs made one space, read no further than about ``limit`` characters."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > limit:
            break
    return " ".join("".join(parts).split())[:limit]


def _url_like(word: str) -> bool:
    """Whether a word of a post is a link ("https://t.co/x1", "pic.twitter.com/Ab12", "bit.ly/abc")."""
    lowered = word.lower()
    if lowered.startswith(_URL_START):
        return True
    slash = word.find("/")
    return slash > 0 and "." in word[:slash]


def _post_line(text: str) -> str:
    """A line of an embedded post less its signature, picture links, music credit and leading handles."""
    text = " ".join(
        w for w in text.split() if not _url_like(w)
    )  # (word by word: a regex over one long word backtracks)
    text = _MUSIC_CREDIT.sub("", _SIGNATURE_TAIL.sub("", text))
    text = " ".join(_LEADING_HANDLES.sub("", text.strip()).split())
    return "" if _SIGNATURE_LINE.fullmatch(text) else text


def _post_text(el: HtmlElement) -> str:
    """The text of an embedded post: its paragraphs (the embed code sets a post's text in <p>; its signature, "— Name
    (@handle) March 3, 2026", stands outside them), else all its text, less signatures, picture links, music
    credits and handles; "" when nothing the author wrote is left ("A post shared by Name (@handle)" alone)."""
    paragraphs = list(el.iter("p"))
    lines = [_post_line(_bounded_text(p, _POST_MAX_CHARS)) for p in paragraphs[:20]] or [
        _post_line(_bounded_text(el, _POST_MAX_CHARS))
    ]
    text = " ".join(line for line in lines if line)[:_POST_MAX_CHARS]
    return text if len(re.findall(r"[^\W\d_]{2,}", text)) >= _POST_MIN_WORDS else ""


_BOX_TAGS = frozenset({"div", "section", "aside", "blockquote", "form", "ul", "ol", "nav", "figure", "p"})


def without_boxes(
    page: HtmlElement, protected: frozenset[str] = frozenset()
) -> tuple[list[tuple[HtmlElement, str]], bool]:
    """The marked boxes of ``page`` to take out, each with what to put in its place ("" for nothing, else an embedded
    post's text, to stand in quotation marks), outermost first; and whether the page shows a paywall box (marked as
    one, taken out or not). ``protected``: classes and ids (lower case) the page's JSON-LD names as its paywalled
    part (``hasPart.cssSelector``), which are the story's text.

    Every embedded post is kept as its text, its signature left out: a story may quote it in any words or none, and a
    post dropped from the original is a quote a faithful copy seems to make up (a post kept that a copy leaves out
    is a dropped sentence, which the copy did drop: high when it holds a figure or a name, as any quotation would).

    One walk over each outermost marked box sums what each element in it holds (:class:`_Tally`); the page outside
    them is not walked, and a box inside one taken out is not judged again. Linear in the page's size, however its
    boxes nest."""
    from lxml import etree

    kinds: dict[HtmlElement, str] = {}
    for el in page.iter(*_BOX_TAGS):
        kind = _kind(el, protected)
        if kind is not None:
            kinds[el] = kind  # (the dict holds the element, so its proxy, looked up again below, stays the same)
    paywall = "paywall" in kinds.values()
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
    for el, kind, around, tally in marked:
        if around >= 0 and taken[around]:
            taken.append(True)  # inside a box taken out: goes with it
            continue
        if kind == "embed":
            take = True
        elif kind in ("offer", "paywall"):
            take = _offer_box(tally)
        elif kind == "callout":
            take = _callout_box(tally)
        else:
            take = _related_box(tally)
        taken.append(take)
        if take:
            found.append((el, _post_text(el) if kind == "embed" else ""))
    return found, paywall
