"""Synthetic news-length articles for speed benchmarks: deterministic, seeded, no real text.

    python benchmarks/make_corpus.py OUT.jsonl --n 100000 --seed 1 [--derived-share 0.1]

Each line is {id, text, title, outlet, published}. Articles are 400-900 words on one of a dozen topics,
with invented people, places and organisations, numbers, dates and quotes; every article draws its own
cast and its sentences from a large space of templates and word pools, so no two are near-duplicates.

``--derived-share P`` adds, after the originals, rewrites of a share P of them (id ``<orig>-d``): some
sentences dropped, some words replaced, numbers changed, new sentences added. Each carries the truth in
``derived`` = {from, dropped, substituted, numbers_changed, added, shuffled}.

Python: ``articles(n, seed)`` yields the original dicts; ``rewrite(article, rng)`` returns a derived one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "ch",
    "dr",
    "gr",
    "kl",
    "pr",
    "sh",
    "st",
    "tr",
    "th",
    "vl",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "rt", "sk", "th", "x"]


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)).title()


def _pool(seed: int, n: int, lo: int, hi: int, suffixes: tuple[str, ...] = ("",)) -> list[str]:
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < n:
        out.add(_name(rng, rng.randint(lo, hi)) + rng.choice(suffixes))
    return sorted(out)


# Invented vocabularies, fixed (not seeded by the article seed) so every corpus shares one "world".
FIRST = _pool(11, 900, 1, 2)
LAST = _pool(12, 2500, 2, 3)
PLACES = _pool(13, 1200, 2, 3, ("", "", "ton", "burg", "ville", "stad", "port"))
ORG_STEMS = _pool(14, 800, 2, 3)
ORG_KINDS = [
    "Group",
    "Holdings",
    "Institute",
    "University",
    "Council",
    "Party",
    "Agency",
    "Bank",
    "Foundation",
    "Union",
    "Corporation",
    "Ministry of Trade",
    "Health Authority",
    "Museum",
    "Football Club",
    "Labs",
]
OUTLETS = [
    f"The {p} {k}"
    for p, k in zip(
        _pool(15, 60, 2, 2),
        ["Herald", "Courier", "Tribune", "Post", "Gazette", "Observer", "Chronicle", "Daily", "Times", "Sentinel"] * 6,
        strict=True,
    )
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "economy": {
        "nouns": [
            "inflation",
            "interest rates",
            "wages",
            "exports",
            "the budget deficit",
            "consumer spending",
            "the housing market",
            "unemployment",
            "tax revenue",
            "the currency",
            "factory output",
            "bond yields",
        ],
        "verbs": ["rose", "fell", "stalled", "recovered", "slowed", "accelerated", "doubled", "contracted"],
        "roles": ["economist", "finance minister", "central bank governor", "analyst", "chief executive"],
        "units": ["percent", "billion crowns", "million dollars", "basis points", "points"],
    },
    "politics": {
        "nouns": [
            "the coalition",
            "the opposition",
            "the election",
            "the reform bill",
            "parliament",
            "the vote",
            "the referendum",
            "the cabinet",
            "the campaign",
            "the senate",
            "voters",
            "the constitution",
        ],
        "verbs": ["collapsed", "passed", "stalled", "won", "split", "rallied", "resigned", "vetoed"],
        "roles": ["senator", "party leader", "prime minister", "spokesperson", "mayor", "campaign manager"],
        "units": ["seats", "votes", "percent", "districts", "delegates"],
    },
    "sport": {
        "nouns": [
            "the final",
            "the league",
            "the transfer",
            "the match",
            "the championship",
            "the squad",
            "the stadium",
            "the coach",
            "the season",
            "the derby",
            "the penalty",
            "the tournament",
        ],
        "verbs": ["won", "lost", "drew", "scored", "signed", "collapsed", "qualified", "retired"],
        "roles": ["coach", "striker", "captain", "referee", "club chairman", "goalkeeper"],
        "units": ["goals", "points", "matches", "minutes", "million euros"],
    },
    "science": {
        "nouns": [
            "the telescope",
            "the experiment",
            "the study",
            "the fossil",
            "the probe",
            "the particle",
            "the genome",
            "the vaccine trial",
            "the satellite",
            "the reactor",
            "the sample",
            "the survey",
        ],
        "verbs": ["detected", "confirmed", "revealed", "measured", "failed", "launched", "mapped", "replicated"],
        "roles": ["physicist", "biologist", "researcher", "astronomer", "lab director", "professor"],
        "units": ["kilometres", "years", "samples", "degrees", "light years"],
    },
    "health": {
        "nouns": [
            "the hospital",
            "the outbreak",
            "waiting lists",
            "the clinic",
            "the new drug",
            "nurses",
            "the virus",
            "emergency wards",
            "the screening programme",
            "patients",
            "the ward",
            "the diet",
        ],
        "verbs": ["spread", "declined", "overwhelmed", "improved", "closed", "expanded", "reopened", "peaked"],
        "roles": ["doctor", "health minister", "epidemiologist", "nurse", "surgeon", "hospital director"],
        "units": ["cases", "patients", "beds", "percent", "deaths"],
    },
    "crime": {
        "nouns": [
            "the trial",
            "the suspect",
            "the jury",
            "the robbery",
            "the investigation",
            "the verdict",
            "the police",
            "the witness",
            "the fraud case",
            "the prison",
            "the appeal",
            "the raid",
        ],
        "verbs": ["arrested", "charged", "acquitted", "sentenced", "fled", "confessed", "appealed", "testified"],
        "roles": ["detective", "prosecutor", "defence lawyer", "judge", "police chief", "witness"],
        "units": ["years", "months", "suspects", "million dollars", "counts"],
    },
    "environment": {
        "nouns": [
            "the flood",
            "the drought",
            "the wildfire",
            "emissions",
            "the river",
            "the forest",
            "the wind farm",
            "the glacier",
            "the coastline",
            "air quality",
            "the harvest",
            "the storm",
        ],
        "verbs": ["spread", "receded", "destroyed", "threatened", "doubled", "shrank", "flooded", "recovered"],
        "roles": ["climate scientist", "environment minister", "activist", "farmer", "ranger", "meteorologist"],
        "units": ["hectares", "tonnes", "millimetres", "degrees", "percent"],
    },
    "technology": {
        "nouns": [
            "the app",
            "the chip",
            "the data breach",
            "the software update",
            "the network",
            "the robot",
            "the platform",
            "the start-up",
            "the algorithm",
            "the outage",
            "the smartphone",
            "the server",
        ],
        "verbs": ["launched", "crashed", "leaked", "acquired", "banned", "upgraded", "failed", "expanded"],
        "roles": ["engineer", "chief technology officer", "founder", "security researcher", "developer", "regulator"],
        "units": ["users", "million dollars", "gigabytes", "percent", "servers"],
    },
    "culture": {
        "nouns": [
            "the festival",
            "the exhibition",
            "the novel",
            "the album",
            "the film",
            "the orchestra",
            "the award",
            "the premiere",
            "the gallery",
            "the tour",
            "the play",
            "the collection",
        ],
        "verbs": ["opened", "premiered", "sold out", "closed", "won", "toured", "moved", "returned"],
        "roles": ["director", "curator", "novelist", "singer", "critic", "producer"],
        "units": ["visitors", "tickets", "copies", "paintings", "performances"],
    },
    "transport": {
        "nouns": [
            "the railway",
            "the airport",
            "the bridge",
            "the tram line",
            "the strike",
            "fares",
            "the motorway",
            "the ferry",
            "the timetable",
            "the tunnel",
            "the bus network",
            "delays",
        ],
        "verbs": ["reopened", "closed", "stalled", "expanded", "collapsed", "rose", "resumed", "halted"],
        "roles": ["transport minister", "union leader", "engineer", "commuter", "airport chief", "planner"],
        "units": ["passengers", "kilometres", "trains", "flights", "minutes"],
    },
    "education": {
        "nouns": [
            "the school",
            "exam results",
            "tuition fees",
            "the curriculum",
            "teachers",
            "the campus",
            "the scholarship",
            "class sizes",
            "the university",
            "the strike",
            "enrolment",
            "the library",
        ],
        "verbs": ["rose", "fell", "closed", "reformed", "protested", "expanded", "improved", "declined"],
        "roles": ["headteacher", "education minister", "student leader", "professor", "union official", "parent"],
        "units": ["students", "schools", "percent", "teachers", "pupils"],
    },
    "housing": {
        "nouns": [
            "rents",
            "the development",
            "the tower block",
            "house prices",
            "the eviction",
            "mortgages",
            "the estate",
            "social housing",
            "the planning permit",
            "the landlord",
            "the shelter",
            "homes",
        ],
        "verbs": ["rose", "fell", "stalled", "approved", "blocked", "doubled", "collapsed", "recovered"],
        "roles": ["housing minister", "tenant", "developer", "planner", "mayor", "estate agent"],
        "units": ["homes", "percent", "flats", "families", "million crowns"],
    },
}
TOPIC_NAMES = sorted(TOPICS)

ADJ = [
    "new",
    "controversial",
    "long-awaited",
    "unexpected",
    "sharp",
    "modest",
    "record",
    "sudden",
    "gradual",
    "disputed",
    "costly",
    "ambitious",
    "fragile",
    "major",
    "minor",
    "historic",
    "temporary",
    "permanent",
    "regional",
    "national",
    "local",
    "early",
    "late",
    "quiet",
    "public",
    "private",
    "secret",
    "official",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last week",
    "earlier this month",
    "late on Sunday",
    "this morning",
    "overnight",
    "last year",
    "in the spring",
]
SAY = [
    "said",
    "told reporters",
    "added",
    "warned",
    "insisted",
    "argued",
    "explained",
    "claimed",
    "noted",
    "wrote in a statement",
    "told the paper",
    "conceded",
]
LINK = [
    "However,",
    "Meanwhile,",
    "Still,",
    "By contrast,",
    "In addition,",
    "At the same time,",
    "Even so,",
    "Since then,",
    "According to officials,",
    "For now,",
    "In recent weeks,",
    "Critics say",
]
GENERIC_NOUNS = [
    "plan",
    "report",
    "deal",
    "decision",
    "proposal",
    "review",
    "agreement",
    "policy",
    "warning",
    "inquiry",
    "figures",
    "survey",
    "protest",
    "meeting",
    "project",
    "contract",
    "scheme",
    "audit",
    "letter",
    "statement",
    "ruling",
    "forecast",
    "programme",
    "budget",
    "petition",
    "hearing",
]
GENERIC_VERBS = [
    "criticised",
    "welcomed",
    "rejected",
    "defended",
    "delayed",
    "approved",
    "questioned",
    "supported",
    "announced",
    "published",
    "challenged",
    "reviewed",
    "cancelled",
    "extended",
    "signed",
    "blocked",
    "praised",
    "investigated",
    "revised",
    "leaked",
]
FEELINGS = [
    "a disgrace",
    "long overdue",
    "a step in the right direction",
    "deeply worrying",
    "a turning point",
    "not enough",
    "a mistake",
    "good news for everyone",
    "a betrayal",
    "a fair compromise",
    "too little, too late",
    "the only option",
    "a risk worth taking",
    "premature",
    "unacceptable",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class _Cast:
    """The people, places and organisations of one article."""

    def __init__(self, rng: random.Random, topic: dict[str, list[str]]) -> None:
        self.people = [
            (f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(topic["roles"])) for _ in range(rng.randint(3, 6))
        ]
        self.places = rng.sample(PLACES, 3)
        self.orgs = [f"{rng.choice(ORG_STEMS)} {rng.choice(ORG_KINDS)}" for _ in range(rng.randint(2, 4))]


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return str(rng.randint(2, 99))
    if kind < 0.7:
        return f"{rng.randint(100, 9999):,}"
    if kind < 0.9:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    return f"{rng.randint(1, 900)} million"


def _date_phrase(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year + rng.randint(-3, 1)}"


def _sentence(rng: random.Random, t: dict[str, list[str]], c: _Cast, year: int) -> str:
    person, role = rng.choice(c.people)
    surname = person.split()[-1]
    place, org = rng.choice(c.places), rng.choice(c.orgs)
    noun, verb, unit = rng.choice(t["nouns"]), rng.choice(t["verbs"]), rng.choice(t["units"])
    gn, gv, adj = rng.choice(GENERIC_NOUNS), rng.choice(GENERIC_VERBS), rng.choice(ADJ)
    num, when = _number(rng), rng.choice(TIMES)
    k = rng.randrange(16)
    if k == 0:
        s = f"{noun.capitalize()} in {place} {verb} by {num} {unit} {when}, according to figures from {org}."
    elif k == 1:
        s = f'"{rng.choice(FEELINGS).capitalize()}," {surname} {rng.choice(SAY)}, referring to the {adj} {gn}.'
    elif k == 2:
        s = f"{person}, a {role} at {org}, {gv} the {adj} {gn} {when}."
    elif k == 3:
        s = f"The {gn} was first {gv} on {_date_phrase(rng, year)}, when {noun} in {place} {verb}."
    elif k == 4:
        s = f"{rng.choice(LINK)} {org} {gv} a {adj} {gn} covering {num} {unit} across {place}."
    elif k == 5:
        s = (
            f'"We expected {noun} to have {verb} long before now, and we said so," the {role} {rng.choice(SAY)}, '
            f"adding that the {gn} would be {gv} by {rng.choice(MONTHS)}."
        )
    elif k == 6:
        s = f"About {num} {unit} were affected in {place} and {rng.choice(c.places)}, {org} estimated."
    elif k == 7:
        s = f"{surname} has {gv} {noun} before, most recently in {year - rng.randint(1, 9)}."
    elif k == 8:
        s = (
            f"{rng.choice(LINK)} residents of {place} {rng.choice(SAY)} that the {gn} was {rng.choice(FEELINGS)}, "
            f"and {rng.randint(2, 40)} of them signed a {rng.choice(GENERIC_NOUNS)}."
        )
    elif k == 9:
        s = f"Since {rng.choice(MONTHS)}, {noun} {verb} in {rng.randint(2, 30)} of the {rng.randint(31, 60)} districts."
    elif k == 10:
        other, orole = rng.choice(c.people)
        s = (
            f"{person} and {other}, the {orole}, met in {place} {when} to discuss the {adj} {gn}, "
            f"but no {rng.choice(GENERIC_NOUNS)} was {gv}."
        )
    elif k == 11:
        s = (
            f"The {role} put the cost at {num} {unit}, {rng.choice(['well above', 'below', 'close to', 'twice'])} "
            f"the {adj} estimate."
        )
    elif k == 12:
        s = f"{org} did not respond to a request for comment on the {gn} {when}."
    elif k == 13:
        s = (
            f'"{noun.capitalize()} {verb}, and nobody in {place} was ready for it," said {person}, '
            f"who has worked as a {role} for {rng.randint(2, 35)} years."
        )
    elif k == 14:
        s = f"A {adj} {gn} by {org}, due on {_date_phrase(rng, year)}, is expected to show whether {noun} {verb}."
    else:
        s = (
            f"{rng.choice(LINK)} {num} {unit} {rng.choice(['remain', 'are still', 'were once'])} "
            f"{rng.choice(['at stake', 'unaccounted for', 'under review', 'in dispute'])} in {place}."
        )
    return s


def _article(rng: random.Random, i: int, seed: int) -> dict[str, Any]:
    topic_name = rng.choice(TOPIC_NAMES)
    t = TOPICS[topic_name]
    cast = _Cast(rng, t)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    target = rng.randint(400, 900)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        para = []
        for _ in range(rng.randint(1, 3)):
            s = _sentence(rng, t, cast, day.year)
            para.append(s)
            words += s.count(" ") + 1
            if words >= target:
                break
        paragraphs.append(" ".join(para))
    lead_person = cast.people[0][0]
    title = (
        f"{rng.choice(t['nouns']).capitalize()} {rng.choice(t['verbs'])} in {cast.places[0]} as "
        f"{lead_person.split()[-1]} {rng.choice(GENERIC_VERBS)} {rng.choice(GENERIC_NOUNS)}"
    )
    return {
        "id": f"s{seed}-{i:07d}",
        "text": "\n\n".join(paragraphs),
        "title": title,
        "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
        "published": day.isoformat(),
        "topic": topic_name,
    }


def article(i: int, seed: int = 0) -> dict[str, Any]:
    """Article number ``i`` of the corpus with this seed (the same whatever n)."""
    return _article(random.Random(f"{seed}:{i}"), i, seed)


def articles(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` synthetic articles, the same for the same (n, seed); article i does not depend on n."""
    for i in range(n):
        yield article(i, seed)


_SENT = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")
_NUM = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_SUBS = {
    "said": "stated",
    "warned": "cautioned",
    "rose": "climbed",
    "fell": "dropped",
    "new": "fresh",
    "plan": "proposal",
    "report": "study",
    "deal": "agreement",
    "criticised": "attacked",
    "welcomed": "praised",
    "about": "roughly",
    "residents": "locals",
    "expected": "anticipated",
    "major": "big",
    "cost": "price",
    "met": "gathered",
    "signed": "backed",
    "affected": "hit",
    "estimated": "reckoned",
    "discuss": "talk about",
    "due": "scheduled",
}


def rewrite(article: dict[str, Any], rng: random.Random, *, strength: float = 0.3) -> dict[str, Any]:
    """A derived version of ``article``: drops, word substitutions, changed numbers, added sentences.

    ``strength`` in (0, 1]: the share of sentences dropped and words substituted scale with it.
    """
    sentences = [s for p in article["text"].split("\n\n") for s in _SENT.split(p) if s.strip()]
    n = len(sentences)
    drop = set(rng.sample(range(n), int(n * strength * 0.5)))
    kept = [s for k, s in enumerate(sentences) if k not in drop]
    substituted = numbers_changed = 0
    out: list[str] = []
    for s in kept:
        toks = s.split(" ")
        for k, w in enumerate(toks):
            base = w.strip('.,"')
            if base in _SUBS and rng.random() < strength * 2:
                toks[k] = w.replace(base, _SUBS[base])
                substituted += 1
        s = " ".join(toks)
        if rng.random() < strength * 0.5 and _NUM.search(s):
            s = _NUM.sub(lambda m: str(rng.randint(2, 999)), s, count=1)
            numbers_changed += 1
        out.append(s)
    shuffled = False
    if rng.random() < strength and len(out) > 4:
        k = rng.randrange(1, len(out) - 2)
        out[k], out[k + 1] = out[k + 1], out[k]
        shuffled = True
    t = TOPICS[article.get("topic") or TOPIC_NAMES[0]]
    cast = _Cast(rng, t)
    added = max(1, int(n * strength * 0.2))
    year = int(article["published"][:4])
    for _ in range(added):
        out.insert(rng.randrange(len(out) + 1), _sentence(rng, t, cast, year))
    published = (date.fromisoformat(article["published"]) + timedelta(days=rng.randint(0, 5))).isoformat()
    paragraphs = [" ".join(out[k : k + 3]) for k in range(0, len(out), 3)]
    return {
        "id": f"{article['id']}-d",
        "text": "\n\n".join(paragraphs),
        "title": f"{article['title']}: what we know",
        "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
        "published": published,
        "topic": article.get("topic"),
        "derived": {
            "from": article["id"],
            "dropped": sorted(drop),
            "substituted": substituted,
            "numbers_changed": numbers_changed,
            "added": added,
            "shuffled": shuffled,
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output JSONL path ('-' for stdout)")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--derived-share", type=float, default=0.0, help="add rewrites of this share of the originals")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    fh = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    rng = random.Random(f"derived:{args.seed}")
    picked: list[dict[str, Any]] = []
    words = 0
    try:
        for a in articles(args.n, args.seed):
            words += a["text"].count(" ") + 1
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
            if args.derived_share and rng.random() < args.derived_share:
                picked.append(a)
        for a in picked:
            fh.write(json.dumps(rewrite(a, rng), ensure_ascii=False) + "\n")
    finally:
        if fh is not sys.stdout:
            fh.close()
    dt = time.perf_counter() - t0
    print(
        f"{args.n} articles ({words / max(1, args.n):.0f} words on average) + {len(picked)} derived "
        f"in {dt:.1f} s -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
