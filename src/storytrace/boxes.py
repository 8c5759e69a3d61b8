"""Boxes a news page marks as no part of its story: subscription offers, reader call-outs and related-story lists;
and the picture links of quoted posts.

Every rule here acts on an element the page itself marks, by its class, id or aria-label, never on free prose by its
wording alone: a story sentence that reads like an offer ("All households will pay £3 a month for six months") or an
appeal is the story's, wherever it stands. A marked offer box is dropped only when its structure says it is furniture
too (short, no prose: two sentences of a block each, or one long block), its own call to action is an offer's (a button,
or links that make much of its text, saying subscribe, sign in or up, log in, register, start a trial or donate: a
Share, "Gift this article" or "Save" button is a story's own tools), a line of it reads as an offer, AND every line of
it reads as furniture (a few words with no figure, such as a heading or a button, or an offer or appeal line that speaks
to the reader or is a label: "Get unlimited access for £1 a week", "Already a subscriber? Log in"; not a sentence that
tells of others, "Subscribers on the standard plan will pay £12.99 a month from 1 April."). A call-out box goes only
with a way to write in and every line furniture. One story line in either ("Police were called to the junction at
6.40am.", a results list's "Labour: 6 seats (+1)") keeps the whole box: a site that classes the story's own text
"paywall", as search engines ask paywalled pages to, keeps it, and a left-in offer line costs a low finding at most
where lost story text gives a faithful copy high ``claim_added`` findings.

Embedded social-media posts are read as the page shows them (the post's words and its signature line, "— Name
(@handle) March 2, 2026", which is the story's attribution of the quote), whatever their class: a copy whose CMS strips
the embed's class must read the same. Only a bare picture address ("pic.twitter.com/Ab12") in a <blockquote> is
dropped, by its text, class or not. What the extractor would read otherwise than a reader sees is set as shown, in any
<blockquote>: Instagram's caption (one link, the whole of its paragraph: no navigation) and its "A post shared by Sam
Hill (@samhill) on <time>Mar 4, 2026</time>" line (an "overflow:hidden" style, which hides nothing, and a <time>, whose
text the extractor drops), and Reddit's signature "by<a>u/rfan88</a> in<a>unitedkingdom</a>" (read "byu/rfan88
inunitedkingdom"; its widget shows "Posted by u/rfan88"), now "by u/rfan88 in unitedkingdom" on a line of its own.

Every search is one pass over the page's elements; a box's text is measured only up to the bound it is judged by, so a
hostile page of thousands of nested or repeated boxes costs time linear in its size (the parser caps nesting at 255).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["post_caption_links", "post_markup_to_show", "show_post_markup", "without_boxes"]

# A class or id token (or an aria-label word) that marks a subscription or promotion box, matched as a whole token:
# "paywall", "newsletter-signup", "piano-offer", "subscribe-box", "offerBanner" (read as "offerbanner"). A token that
# only holds such a word is not one: "non-paywall" (Google's mark of the free lead), "story-promo-lead" (a story's
# lead), "subscriber-content" (the text subscribers read) are the story.
_OFFER_TOKEN = re.compile(
    r"(?:(?:js|c|o|m|tp|piano|inline|article|story|site|meter|hard|soft|premium|hero)[-_]?)?"
    r"(?:paywall|regwall|subscribe|subscription|subscriber|offer|promo|newsletter|signup|sign-up)"
    r"(?:[-_]?+(?:box|banner|container|wrapper|wrap|modal|prompt|cta|module|widget|block|inline|form|overlay|unit|card|"
    r"panel|offer|promo|signup|message|bar|dialog|popup|gate|section|area|holder|inner|outer|slot|zone|footer|header|"
    r"placeholder|template|[0-9]++))*+"  # (possessive: "paywall1111...x" must not try every split of its digits)
)
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
#: A line of a box (a block's own text) of at most this many words is a heading, a button or a label ("Subscribe to
#: keep reading", "Cancel anytime.", "Gift this article"): furniture. A longer line is furniture only when it reads as
#: an offer or an appeal (_FURNITURE_LINE) and gives no sign of a story's (_STORY_MARK).
_LABEL_WORDS = 4
#: A line longer than this is story text, whatever words it holds (offer lines are short).
_FURNITURE_LINE_CHARS = 150
# The words of an offer, a newsletter prompt or a reader call-out. A story line may hold one ("Police closed access to
# the junction"): a box is dropped only when every line of it is furniture, so one story line keeps it.
_FURNITURE_LINE = re.compile(
    r"(?i:\b(?:subscri\w*|sign(?:ed)?[\s-]?(?:up|in)|log[\s-]?in|register\w*|newsletters?|inbox|unlimited|"
    r"cancel\s+any\s?time|free\s+trial|trial\s+offer|for\s+free|try\s+(?:it\s+)?free|offers?|membership|"
    r"become\s+a\s+(?:member|subscriber|supporter)|premium|digital\s+access|full\s+access|paywall|"
    r"(?:keep|continue)\s+reading|read\s+more|already\s+a\b|free\s+articles?|articles?\s+(?:left|remaining)|"
    r"support\s+(?:our|us|independent|quality|local)\b|donat\w*|gift\s+(?:this|an?)\s+article|"
    r"get\s+in\s+touch|share\s+your|tell\s+us|contact\s+us|email\s+us|your\s+stor(?:y|ies)|have\s+you\s+been|"
    r"affected\s+by|whatsapp|download\s+(?:our|the)\s+app|follow\s+us)\b|"
    r"[£$€]\s?\d[\d.,]*\s*(?:a|per|/)\s*(?:week|month|year|wk|mo|yr)\b)"
)
_DIGIT = re.compile(r"\d")
# The words of an offer's own call to action, on a button or link: what a reader clicks to pay, sign in or sign up.
# A share, gift or save button ("Share", "Gift this article", "Save for later") is a story's own: no offer.
_OFFER_ACTION = re.compile(
    r"(?i:\b(?:subscri\w*|sign[\s-]?(?:in|up)|log[\s-]?in|register|start\s+(?:your\s+|a\s+)?(?:free\s+)?trial|"
    r"free\s+trial|donat\w*)\b)"
)
#: A button's or link's text of at most this many words can be a call to action (a longer one is a sentence).
_ACTION_WORDS = 8
# A sign that a line is the story's: someone said or told something, or is quoted.
_STORY_MARK = re.compile(r"(?i:\b(?:said|says|told|according\s+to|announced|confirmed)\b)|[\"“”„«»]")
# An offer or appeal speaks to the reader: it asks them to act ("Subscribe from £1 a week", "Get unlimited access",
# "Support local journalism"), addresses them ("You have reached your limit", "Already a subscriber?") or names the
# page ("This article is for subscribers only"); or it is a label: with no full stop ("Unlimited access from £1 a
# week"), or an offer's name before a colon ("Introductory offer: £1 a week for 12 weeks."). A sentence that tells of
# others, offer words or not, is the story's: "Subscribers on the standard plan will pay £12.99 a month from 1
# April.", "The company's offer to subscribers is unchanged." (a box of such lines beside a real Subscribe button lost
# them all). An imperative counts where a sentence opens with it.
_TO_THE_READER = re.compile(
    r"(?i:\b(?:you|your|yours|you['’](?:re|ve|ll|d))\b|\?|\bthis\s+(?:article|story|content|page|piece|feature)\b|"
    r"^(?:[\w'’-]+\s+){0,2}offers?\s*:|"
    r"(?:^|[.!:]\s+)[\W_]*(?:subscribe|sign[\s-]?(?:up|in)|log[\s-]?in|register|get|start|try|join|become|donate|give|"
    r"cancel|continue|keep|unlock|enjoy|save|claim|upgrade|choose|gift|follow|download|tell|share|e-?mail|contact|"
    r"message|send|enter|click|tap|discover|stay|read|access|listen|watch|explore|renew|activate|create|buy|grab|"
    r"don['’]t|never\s+miss|support\s+(?:our|us|independent|quality|local))\b)"
)
# Words that make a clause finite wherever they stand: an auxiliary or modal, or a past tense ("launched"; not
# "unlimited", an offer's adjective, nor a line's first word).
_AUX_OR_PAST = re.compile(
    r"(?i:\b(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|shall|should|does|do|did|won['’]t)\b|"
    r"(?<=\s)(?!(?:un)?limited\b)[a-z]{3,}ed\b)"
)
# Words after which a participle in -ed is an offer's condition, no verb: "Auto-renews at $29.99/month until
# cancelled." read as a sentence that tells of others and kept a real paywall box as story (rev24i 8).
_CONDITION_WORDS = frozenset({"until", "unless", "if", "when", "once", "till", "whether"})
# Billing participles: a verb only after a subject ("The Herald charged readers £1"), not after a price or a comma
# ("$99, billed annually.") nor opening a line ("Renewed automatically each month.").
_BILLING_PARTICIPLES = frozenset({"billed", "charged", "renewed", "invoiced", "debited"})
# Common irregular past tenses of a story's figures ("Premium membership fell to 40,000 last year.", "The paper cut its
# price to £1 a week."), which read as offer terms with no finite verb (rev24i 10); after a subject word only. Those
# that are nouns or participles too ("cut", "set", "hit", "put") only before their object (:data:`_OBJECT_OPENER`):
# before "at", "to" or a figure they read as an offer's passive terms ("Introductory rate set at $1 a week", "every
# plan cut 50%"), which kept a real paywall box as story (rev24b 3).
# Before a figure they are verbs too ("Premium membership hit 40,000 last year.", "... cut 20% after the price rise."),
# unless an offer's own noun stands before them ("every plan cut 50%"): read as offer terms, a story's line in an
# offer-classed box beside a Subscribe button had the box dropped whole (rev25b 7).
# ("sold" is left out: "Subscriptions sold out." is a box's notice.)
_IRREGULAR_PAST = frozenset({"fell", "rose", "grew", "paid", "lost", "won", "spent"})
_IRREGULAR_PAST_OR_NOUN = frozenset({"cut", "set", "hit", "put"})
# The words that open a verb's object: "The paper cut its price", "Sales hit a record".
_OBJECT_OPENER = frozenset({"its", "their", "the", "a", "an", "our", "his", "her"})
# An offer's nouns, after which "cut", "set", "put" or "hit" before a figure are its terms ("every plan cut 50%").
_OFFER_NOUNS = frozenset(
    "rate rates plan plans price prices fee fees offer offers deal deals tier tiers bundle bundles package packages "
    "access subscription".split()
)
_FIGURE_START = re.compile(r"[\d£$€]")
# Words after which a word is no verb: function words, an offer's own terms ("Offer ends 31 March.").
_NOT_A_SUBJECT = frozenset(
    "a an the per for from of to in on at by with and or then just only first free offer offers trial deal sale "
    "discount promotion price".split()
)
# What a price or a change's verb reads on with: "rises to", "rise from £9", "pay £12.99".
_VERB_FOLLOWER = re.compile(r"(?i:(?:to|from|by|at|in|on|for|up|down|with|the|a|an|its|their)\b|[\d£$€])")
_WORD_EDGE = ",;:'’\"“”()"
# How a sentence ends; a line that ends otherwise is a label or a heading.
_STATEMENT_END = frozenset(".…")
#: A block's own text is read this far to judge it (a longer line is prose: story text).
_LINE_READ_CHARS = _FURNITURE_LINE_CHARS + 1
_BLOCK_TAGS = frozenset(
    {"p", "li", "div", "blockquote", "dd", "td", "section", "article", "h2", "h3", "h4", "h5", "h6"}
)
_SENTENCE_END = frozenset(".!?…")
_CLOSING = "\"'”’)»]"


def _tokens(el: HtmlElement) -> list[str]:
    """``el``'s class and id tokens and aria-label words, in lower case."""
    return " ".join(v for v in (el.get("class"), el.get("id"), el.get("aria-label")) if v).lower().split()


def _kind(el: HtmlElement, protected: frozenset[str]) -> str | None:
    """What box ``el`` is marked as ("offer": a paywall, subscription or promotion; "related", "callout"), or None.
    Whole tokens only. (A paywall box no longer says the page is cut: only its JSON-LD object's
    ``isAccessibleForFree: false`` does, in :mod:`storytrace.article`.)"""
    raw = _tokens(el)
    if not raw:
        return None
    if protected and protected.intersection(raw):
        return None  # named by the page's JSON-LD as its paywalled part: the story's text
    if any(_FREE_TOKEN.search(t) for t in raw):
        return None  # "non-paywall", "free-to-read": the part anyone may read
    if _OFFER_CLASSES.intersection(raw) or any(_OFFER_TOKEN.fullmatch(t) for t in raw):
        return "offer"
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


def _offer_line(line: str) -> bool:
    """Whether a line reads as an offer or an appeal: its words are one's, no one said, told or is quoted, and it
    speaks to the reader or is a label, not a sentence that tells of others (:data:`_TO_THE_READER`)."""
    return (
        len(line) <= _FURNITURE_LINE_CHARS
        and bool(_FURNITURE_LINE.search(line))
        and not _STORY_MARK.search(line)
        and (
            _TO_THE_READER.search(line) is not None
            or _last_char(line, ".") not in _STATEMENT_END
            or not _has_finite_verb(line)
        )
    )


def _has_finite_verb(line: str) -> bool:
    """Whether a line holds a finite verb, the sign of a sentence that tells of others ("Subscribers will pay ...",
    "The premium tier rises to ...", "Annual subscriptions rise to £129."). Offer terms end in a full stop too and
    have none: "Only $1.99 per week for the first year.", "Offer ends 31 March." (an offer's term, not a subject)."""
    for found in _AUX_OR_PAST.finditer(line):
        word = found.group().lower()
        if not word.endswith("ed"):
            return True
        previous = next(iter(line[: found.start()].split()[-1:]), "")
        bare = previous.lower().strip(_WORD_EDGE)
        if bare in _CONDITION_WORDS:
            continue
        if word in _BILLING_PARTICIPLES and (
            not bare.isalpha() or bare in _NOT_A_SUBJECT or previous.endswith((",", ";", ":"))
        ):
            continue
        return True
    words = line.split()
    for before, word, after in zip(words, words[1:], words[2:], strict=False):
        if before.endswith((",", ";", ":")):
            continue  # a clause's end: "30 days, then $9.99/month."
        before, word = before.lower().strip(_WORD_EDGE), word.lower()
        if not word.isalpha() or word in _NOT_A_SUBJECT or before in _NOT_A_SUBJECT or not before.isalpha():
            continue
        if word in _IRREGULAR_PAST or (
            word in _IRREGULAR_PAST_OR_NOUN
            and (
                after.lower().strip(_WORD_EDGE) in _OBJECT_OPENER
                or (before not in _OFFER_NOUNS and _FIGURE_START.match(after) is not None)
            )
        ):
            return True
        # a verb agreeing with a subject just before it and followed by what a price change reads on with
        plural_subject = before.endswith("s") and not before.endswith("ss")
        third_person = word.endswith("s") and not word.endswith(("ss", "us", "is"))
        if (plural_subject or third_person) and _VERB_FOLLOWER.match(after):
            return True
    return False


def _furniture_line(line: str) -> bool:
    """Whether a line of a box (a block's own text, whitespace runs one space) is page furniture: a heading, button or
    label of a few words, or a short offer or appeal line with no sign of the story's (no one said or told anything,
    nothing quoted). Anything else, "Police were called to the junction at 6.40am on Tuesday." among them, is story;
    so is a short line with a figure ("Labour: 6 seats (+1)", a results list's line) unless it is a price offer."""
    if len(line.split()) <= _LABEL_WORDS and not _DIGIT.search(line):
        return True
    return _offer_line(line)


class _Tally:
    """What a box holds, summed over its descendants in one pass: its text's length, its links' text, whether it has
    a button or form, a way to write in (a form, a mail or phone link, an address in its text), its prose: how
    many blocks (innermost ones) of _SENTENCE_CHARS or more end a sentence, and whether one runs to _PROSE_CHARS; and
    whether a line of it is the story's (:func:`_furniture_line`; a line: the text a block holds outside the blocks
    in it, read up to _LINE_READ_CHARS)."""

    __slots__ = (
        "block",
        "button",
        "chars",
        "contact",
        "email",
        "end",
        "inner_block",
        "line",
        "line_chars",
        "linked",
        "long",
        "offer_action",
        "offer_line",
        "offer_link",
        "sentences",
        "story",
    )

    def __init__(self, el: HtmlElement, marked: bool = False) -> None:
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
        # a marked box is judged as a block too: the text set loose in it is a line of it
        self.block = tag in _BLOCK_TAGS or marked
        self.inner_block = False  # a block below it: it is no innermost block
        self.sentences = 0
        self.long = False
        self.end = _last_char(el.text, "")
        self.line: list[str] = []
        self.line_chars = 0
        self.story = False
        self.offer_line = False  # a line of it reads as an offer or appeal (:func:`_offer_line`)
        # a button, or a link, that asks for an offer's action (_OFFER_ACTION): "Subscribe now", "Log in", "Sign up"
        self.offer_action = tag == "input" and _offer_action(el.get("value"))
        self.offer_link = False
        self._add(el.text)

    def _add(self, text: str | None) -> None:
        """Adds ``text`` to the line being read, no further than _LINE_READ_CHARS (a longer line is story text
        anyway: the bound keeps a hostile box's cost linear)."""
        if text and self.line_chars < _LINE_READ_CHARS:
            piece = text[: _LINE_READ_CHARS * 4]  # (whitespace runs are counted once joined; a bound all the same)
            self.line.append(piece)
            self.line_chars += len(piece)

    def close(self, el: HtmlElement, parent: _Tally | None) -> None:
        if el.tag == "a":
            self.linked = self.chars
        if el.tag in ("a", "button") and _offer_action(" ".join(self.line)):
            if self.button:
                self.offer_action = True
            else:
                self.offer_link = True
        if self.block and not self.inner_block and self.chars >= _SENTENCE_CHARS:
            self.sentences += self.end in _SENTENCE_END
            self.long = self.long or self.chars >= _PROSE_CHARS
        if self.block:
            line = " ".join(" ".join(self.line).split())
            self.story = self.story or (bool(line) and not _furniture_line(line))
            self.offer_line = self.offer_line or (bool(line) and _offer_line(line))
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
            parent.story = parent.story or self.story
            parent.offer_line = parent.offer_line or self.offer_line
            parent.offer_action = parent.offer_action or self.offer_action
            parent.offer_link = parent.offer_link or self.offer_link
            if not self.block:
                for piece in self.line:  # an inline element's text is part of the line around it
                    parent._add(piece)
            parent._add(el.tail)

    @property
    def prose(self) -> bool:
        return self.long or self.sentences >= _PROSE_SENTENCES


def _offer_action(text: str | None) -> bool:
    """Whether a button's or link's text asks for an offer's action: subscribe, sign in or up, log in, register, start
    a trial, donate (not share, gift or save, which a story's own tools ask)."""
    return text is not None and len(text.split()) <= _ACTION_WORDS and _OFFER_ACTION.search(text) is not None


def _offer_box(tally: _Tally) -> bool:
    """A short box whose own call to action is an offer's (a button that says subscribe, sign in or up, log in,
    register, start a trial or donate; or links saying so that make a large share of its text), with a line that
    reads as an offer or appeal, no prose and no story line. A paywall-classed box of price lines with a Share button
    is a story's (rev22i's a_price: "Subscribers on the standard plan will pay £12.99 a month from 1 April.")."""
    action = tally.offer_action or (
        tally.offer_link and tally.chars > 0 and tally.linked >= _OFFER_LINK_SHARE * tally.chars
    )
    return tally.chars <= _BOX_MAX_CHARS and action and tally.offer_line and not tally.prose and not tally.story


def _callout_box(tally: _Tally) -> bool:
    """A short box that asks readers to write in (a form, a mail or phone link or an address to write to), with no
    prose and no story line."""
    return tally.chars <= _BOX_MAX_CHARS and not tally.prose and not tally.story and (tally.contact or tally.email)


def _related_box(tally: _Tally) -> bool:
    """A list of links to other stories: links make most of its text."""
    return 0 < tally.chars <= _RELATED_MAX_CHARS and tally.linked >= _RELATED_LINK_SHARE * tally.chars


_BOX_TAGS = frozenset({"div", "section", "aside", "blockquote", "form", "ul", "ol", "nav", "figure", "p"})
# A picture's address an X/Twitter post ends with ("pic.twitter.com/Ab12Cd34", "pic.x.com/Ab12"): no word of anyone's.
_PICTURE_LINK = re.compile(r"(?i:(?:https?://)?pic\.(?:twitter|x)\.com/\w{1,40})")


def _picture_links(page: HtmlElement) -> list[HtmlElement]:
    """The links in ``page``'s <blockquote>s whose whole text is a picture's address, as an X/Twitter post's embed
    code gives one, classed or not: the page shows a picture there, not the words."""
    return [
        link
        for link in page.iter("a")
        if len(link) == 0
        and _PICTURE_LINK.fullmatch((link.text or "").strip())
        and any(a.tag == "blockquote" for a in link.iterancestors())
    ]


def without_boxes(page: HtmlElement, protected: frozenset[str] = frozenset()) -> list[HtmlElement]:
    """The marked boxes of ``page`` to take out (and the picture links of quoted posts), outermost first.
    ``protected``: classes and ids (lower case) the page's JSON-LD names as its paywalled part
    (``hasPart.cssSelector``), which are the story's text.

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
                kind = kinds.get(el)
                tally = _Tally(el, marked=kind is not None)
                if kind is not None:
                    walked.add(el)
                    marked.append((el, kind, around, tally))
                    around = len(marked) - 1
                stack.append((tally, around))
            else:
                tally, _ = stack.pop()
                tally.close(el, stack[-1][0] if stack else None)
    taken: list[bool] = []
    found: list[HtmlElement] = []
    for el, kind, around, tally in marked:
        if around >= 0 and taken[around]:
            taken.append(True)  # inside a box taken out: goes with it
            continue
        if kind == "offer":
            take = _offer_box(tally)
        elif kind == "callout":
            take = _callout_box(tally)
        else:
            take = _related_box(tally)
        taken.append(take)
        if take:
            found.append(el)
    gone = set(found)
    found += [link for link in _picture_links(page) if not any(a in gone for a in link.iterancestors())]
    return found


# An inline style that hides its element. Any other style says nothing of what a reader sees: Instagram's embed code
# sets "overflow:hidden; white-space:nowrap" on its "A post shared by ..." line, which the extractor took for hidden
# text and dropped with the post's caption.
_HIDES = re.compile(r"(?i:display\s*:\s*none|visibility\s*:\s*hidden)")
# A post's signature word right before the link it names, no space between: Reddit's embed code gives "by<a>u/rfan88
# </a> in<a>unitedkingdom</a>", which its widget shows as "Posted by u/rfan88" in a card (read glued, "byu/rfan88
# inunitedkingdom" was no one's words).
_GLUED_SIGNATURE_WORD = re.compile(r"(?i:\b(?:by|in|from|on))\Z")


def post_markup_to_show(page: HtmlElement) -> list[HtmlElement]:
    """The elements of ``page``'s <blockquote>s (an embedded post's, class or not) that the extractor would read
    otherwise than a reader sees them (:func:`show_post_markup`): an element whose inline style says "hidden" but hides
    nothing, a <time> (the extractor drops its text: "A post shared by Sam Hill (@samhill) on <time>Mar 4, 2026
    </time>"), a link glued to the signature word before it. One pass: each element is looked at once, however the
    quotes nest."""
    found: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    for quote in page.iter("blockquote"):
        if quote in seen:
            continue
        for el in quote.iter():
            if not isinstance(el.tag, str):
                continue  # a comment
            seen.add(el)
            style = el.get("style")
            hides_nothing = style is not None and "hidden" in style.lower() and not _HIDES.search(style)
            if el.tag == "time" or hides_nothing or (el.tag == "a" and _glued(el)):
                found.append(el)
    return found


def _glued(link: HtmlElement) -> bool:
    """Whether ``link``'s text runs on from a signature word before it with no space ("by<a>u/rfan88</a>")."""
    before, parent = link.getprevious(), link.getparent()
    text: str = (before.tail if before is not None else parent.text if parent is not None else None) or ""
    own = link.text or ""
    return bool(text) and own[:1].isalnum() and _GLUED_SIGNATURE_WORD.search(text[-8:]) is not None


def show_post_markup(el: HtmlElement) -> None:
    """Sets an element :func:`post_markup_to_show` found as a reader sees it: a <time> as plain text, a style that
    hides nothing left out, a space between a signature word and its link."""
    if el.tag == "time":
        el.tag = "span"
    style = el.get("style")
    if style is not None and not _HIDES.search(style):
        del el.attrib["style"]
    if el.tag == "a" and _glued(el):
        before = el.getprevious()
        if before is not None:
            before.tail = f"{before.tail} "
        else:
            parent = el.getparent()
            if parent is not None:
                parent.text = f"{parent.text} "


#: A post's caption set as one link (Instagram's embed code links its whole caption to the post) has more words than a
#: label ("View this post on Instagram" is set in a block link, never alone in a paragraph).
_CAPTION_WORDS = 5


def post_caption_links(page: HtmlElement) -> set[HtmlElement]:
    """The links of ``page`` that are the whole text of a paragraph in a <blockquote>, a few words or more: an embedded
    post's caption (Instagram links it to the post), not a control. A paragraph that is only links' text is navigation
    elsewhere, and the caption was dropped as one. One pass: each element is looked at once, however quotes nest."""
    found: set[HtmlElement] = set()
    seen: set[HtmlElement] = set()
    for quote in page.iter("blockquote"):
        if quote in seen:
            continue
        for el in quote.iter():
            seen.add(el)
            if el.tag == "a" and _whole_paragraph(el):
                found.add(el)
    return found


def _whole_paragraph(link: HtmlElement) -> bool:
    parent = link.getparent()
    if parent is None or parent.tag != "p" or len(parent) != 1 or (parent.text or "").strip():
        return False
    return not (link.tail or "").strip() and len((link.text_content() or "").split()) >= _CAPTION_WORDS
