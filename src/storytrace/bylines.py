"""The patterns of bylines, reporting credits and time stamps, as news pages and plain-text articles set them ("By
Jane Doe, Reuters", "Additional reporting by Sam Kerr", "Updated May 14, 2024, 11:02 a.m. ET", "14:32 BST"): one
home for the page reader's junk rules (:mod:`storytrace.article`) and the plain-text byline check
(:func:`storytrace.text.byline_or_stamp`), which build their own, narrower or wider, patterns from these parts.
"""

from __future__ import annotations

import re

__all__ = [
    "AGENCY",
    "AM_PM_MARK",
    "BYLINE_DASH_OUTLET",
    "BYLINE_PEOPLE",
    "BYLINE_PERSON",
    "BY_AUXILIARY",
    "BY_CLAUSE",
    "BY_NAME_AFTER",
    "BY_NOT_A_NAME",
    "BY_OPENER",
    "BY_VERB",
    "MONTH",
    "NAME",
    "REPORTING_BY",
    "REPORTING_CREDIT",
    "ROLE",
    "STAMP",
    "STAMP_LABEL",
    "STAMP_ZONE",
    "TIME_STAMP",
    "is_wire_outlet",
    "outlet_key",
]

# The word quantifiers are possessive: "-" and "&" are both word and separator characters, and a choice between the
# two for each of them made "A-A-A-...x" take exponential time.
NAME = r"[A-Z][\w'’.&-]*+(?:[ /&-]++(?:[A-Z][\w'’.&-]*+|via|for|and|of))*"
AGENCY = (
    r"(?:getty images|afp|reuters|ap|ap photo|associated press|epa(?:-efe)?|pa|pa media|pa wire|dpa|"
    r"shutterstock|alamy|istock(?:photo)?|anadolu(?: agency)?|nurphoto|sopa images|sipa|rex features|xinhua)"
)
# A reporter's role after the name in a byline, as CMSs print it in lower case: "staff writer", "senior correspondent"
ROLE = (
    r"(?i:(?:(?:senior|chief|staff|contributing|special|political|foreign|business|health|science|sports|local|"
    r"investigative|associate|deputy|managing|news|national|economics|education|environment|technology|legal)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|photographer|journalist)s?)"
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
STAMP = (
    r"(?i:(?:(?:first\s+)?(?:published|updated|last\s+updated|posted|modified)(?:\s+on)?\s*:?\s*)?"
    r"(?:\w+day,?\s+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}([/.-])\d{1,2}\1\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?)"
)
# Names are joined by "," or ";" here, and by "and" only inside NAME (which takes "Jane Doe and Al Roe"): an "and"
# that both could take doubled the ways to read "Tom and Tom and ..." with each "and".
REPORTING_BY = r"(?i:(?:additional\s+reporting|writing|editing)\s+by\s+)"
# What "By" opens when it opens a sentence, not a byline: a time ("By Friday", "By nightfall", "By the end of ..."),
# another adverbial ("By contrast"), or words that go on after the comma with a verb ("By Friday, Reporters Had
# Left"). Not a word that is a first name too ("Dawn", "Chance"): "By Dawn, It Was Over" goes on with a verb. The
# verbs are auxiliaries, capitalised or not, and past tenses in lower case only: "Rose", "Will", "Said" and "Won" are
# names too.
BY_OPENER = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|september|october|november|"
    r"december|then|now|today|tonight|tomorrow|yesterday|daybreak|sunrise|sunset|noon|midday|midnight|nightfall|"
    r"morning|afternoon|evening|night|lunchtime|weekend|year'?s?|that|this|these|those|last|next|end|"
    r"contrast|comparison|law|far|default|design|mistake|all|some|most|way|\d|"
    r"the\s+(?:end|time|start|beginning|middle|close|turn|weekend|way|same|look|afternoon|morning|evening|night)"
)
BY_AUXILIARY = r"(?i:had|has|have|was|were|is|are|did|does|been|would|could|should|must|might)"
BY_VERB = (
    rf"{BY_AUXILIARY}|knew|found|left|made|began|came|"
    r"went|got|took|saw|became|held|kept|lost|fell|told|thought|felt|brought|stood|paid|gave|wrote|spent|agreed|"
    r"decided|announced|reported|voted|arrested|killed|closed|opened|started|ended|reached|returned|moved|called|"
    r"asked|warned|said|says"
)
# A time or adverb word opens a clause when a comma or a lower-case word follows it ("By Monday, officials said",
# "By nightfall rescuers had ..."), or more words than a name has; not when one to three capitalised words follow and
# the line ends there or at a comma, an "and" or a role: "By Evening Standard Reporter", "By Sunday Times Reporters",
# "By Tuesday Smith, The Times", "By Law Kwan-yee, South China Morning Post" are bylines, "By Most Popular" a menu.
# (An auxiliary among those words makes them a clause still: "By Then It Was Over".)
BY_NAME_AFTER = rf"(?:\s+(?!{BY_AUXILIARY}\b)[A-Z][\w'’.&-]*){{1,3}}\s*(?:$|,|\s+and\s|\s+{ROLE}\b|[-–—|•]\s)"
# Whole "By ..." phrases that name no one: "By Royal Appointment", "By Air Mail", "By Popular Demand", "By The
# Numbers", "By Invitation Only", "By Word Of Mouth" are subheads and slogans, not bylines (one dropped was a heading
# lost, in a plain text a line compared as boilerplate). The whole line only: a first word alone is a name too
# ("By River Jones", "By Royal Brantley", "By Heart Evangelista") or an outlet's ("By Mail Foreign Service",
# "By Road & Track Staff"), and those are bylines (the last on a page only: no byline pattern reads an "&").
BY_NOT_A_NAME = (
    r"royal\s+(?:appointment|decree|command|charter)|air\s*mail|(?:e-?)?mail|(?:popular|public)\s+(?:demand|request|vote)|"
    r"request|invitation(?:\s+only)?|appointment(?:\s+only)?|hand|land(?:\s+(?:and|&|or)\s+sea)?|sea|air|road|rail|"
    r"train|car|bus|bike|bicycle|foot|phone|telephone|order|accident|choice|force|heart|proxy|degrees|example|numbers|"
    r"definition|nature|(?:any|all)\s+means(?:\s+necessary)?|word\s+of\s+mouth|candlelight|moonlight|water|boat|ship|"
    r"plane|text|video|decree|demand|unanimous\s+(?:vote|decision|consent)|majority(?:\s+vote)?|book|river|"
    r"hook\s+or\s+(?:by\s+)?crook"
)
BY_CLAUSE = (
    rf"(?i:by\s+(?:{BY_OPENER})\b)(?!{BY_NAME_AFTER})|(?i:by)\s+[^,]{{1,80}},[^.]*?\b(?:{BY_VERB})\b"
    rf"|(?i:by\s+(?:the\s+)?(?:{BY_NOT_A_NAME})\s*[.!]?\s*(?:$|[\r\n]))"
)
# A byline whose outlet or role follows a dash or a bar ("By Jane Doe — AP", "By Jane Doe | Reuters", "BY JANE DOE –
# THE GUARDIAN", "By Jane Doe — AP — March 5, 2024"). Narrower than one with commas: a subhead may open with "By" and
# run on past a dash ("By Train — The Scenic Route", "By Land And Sea — A Journey Across Europe"), so the name is two
# or three capitalised words, not "The Numbers" or "Any Means Necessary", and what follows the dash is an outlet, a
# role or a date. A hyphen is no such dash: NAME takes it as a separator of its own ("By Law Kwan-yee - SCMP").
BYLINE_PERSON = r"(?!(?i:the|an?|any)\b)[A-Z][\w'’.-]*+(?:\s+(?!(?i:and|by|the)\b)[A-Z][\w'’.-]*+){1,2}"
BYLINE_PEOPLE = rf"{BYLINE_PERSON}(?:\s*,\s*{BYLINE_PERSON})*(?:\s*,?\s+(?i:and)\s+{BYLINE_PERSON})?"
BYLINE_DASH_OUTLET = (
    rf"(?:(?i:{AGENCY})|(?i:the\s+)?(?:[A-Z][\w'’.&-]*\s+){{0,3}}(?i:press|times|news|post|gazette|guardian|herald|"
    rf"journal|tribune|telegraph|chronicle|observer|independent|standard|express|reporter|review|wire|daily|weekly)"
    rf"|[A-Z]{{2,6}}|{ROLE}|{STAMP})"
)
# credits for the reporting (a plain text's too: text.byline_or_stamp)
REPORTING_CREDIT = re.compile(
    rf"[(\[]?(?i:(?:additional\s+)?reporting\s+by)\s+{NAME}"
    rf"(?:(?:\s*[,;]\s*(?:and\s+)?(?:{REPORTING_BY})?|\s+and\s+{REPORTING_BY}){NAME})*\.?[)\]]?"
)
STAMP_LABEL = r"(?i:(?:(?:updated|posted|published|last\s+updated)\s*:?\s*)?(?:at\s+)?)"
AM_PM_MARK = r"\s*(?i:[ap]\.?m\b\.?)"
STAMP_ZONE = (
    r"\s+(?:UTC|GMT|BST|IST|WET|WEST|CET|CEST|EET|EEST|MSK|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|JST|KST|HKT|SGT|"
    r"AET|AEST|AEDT)(?:[+-]\d{1,2})?"
)
# A live blog's entry stamp, a time of day on its own: "14:32 BST", "10.30am", "10:30 a.m. ET", "9pm". Only a
# clock no price or score reads like: a colon, or a dot or an hour with am/pm or a zone ("12.50", "45.00 USD" are
# kept).
TIME_STAMP = re.compile(
    rf"{STAMP_LABEL}(?:\d{{1,2}}:\d{{2}}(?:{AM_PM_MARK})?(?:{STAMP_ZONE})?"
    rf"|\d{{1,2}}(?:\.\d{{2}})?(?:{AM_PM_MARK}(?:{STAMP_ZONE})?|{STAMP_ZONE}))"
)


# A news agency by its name (``outlet_key``): the agencies whose stories newspapers reprint word for word and which
# update their own stories through the day, and the press-release wires. Listed only: a name ending in "Wire" or
# "News Agency" is no sign of one ("The Daily Wire" is an opinion site; review rev27c), and an agency no list holds
# is read as one only where the copy credits it (``audit._agency_update``).
_WIRE_OUTLET = re.compile(
    r"associated press|ap|reuters|agence france presse|afp|dpa|deutsche presse agentur|pa|pa media|press association|"
    r"efe|agencia efe|ansa|kyodo(?: news)?|jiji(?: press)?|xinhua(?: news agency)?|bloomberg(?: news)?|upi|"
    r"united press international|canadian press|aap|australian associated press|anp|ntb|tt|ritzau|belga|apa|yonhap|"
    r"anadolu(?: agency)?|interfax|tass|ria novosti|pti|press trust of india|ians|bernama|antara|europa press|lusa|"
    r"pr newswire|business wire|globe ?newswire"
)


def outlet_key(outlet: str) -> str:
    """An outlet's name however a feed spells it: its words in lower case, without a leading "The" ("The Harbor
    Daily" and "harbor daily" are one outlet)."""
    words = re.findall(r"[^\W_]+", outlet.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def is_wire_outlet(outlet: str | None) -> bool:
    """Is the outlet a listed news agency by its name ("Reuters", "AFP", "PA Media", "PR Newswire")?"""
    return outlet is not None and _WIRE_OUTLET.fullmatch(outlet_key(outlet)) is not None
