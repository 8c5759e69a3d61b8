"""Faithful retellings on which qafindA22's rules raised false alarms (review rev22a, session 22): each stays
quiet of the finding type the rule gives. "suspected that" in its ordinary sense or the noun "suspect", "alleges
that" kept as "contends"/"claim"; a plan's noun or gerund ("against the building of"), "was listing", or a
later report of the plan carried out; "not unanimous", a score, another vote; "rose by 180%" as "almost
tripled"; the original's own "dozens". Texts: /tmp/rev22a/*.json, written for the review."""

from __future__ import annotations

import pytest

from storytrace import Article, compare


def _types(source: str | Article, derived: str | Article, kind: str) -> list[tuple[str | None, str, str | None]]:
    return [(f.subtype, f.severity, f.after) for f in compare(source, derived).findings if f.type == kind]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        pytest.param(
            "Hundreds of residents protested on Saturday against plans to build a mosque in the town "
            "centre, police said.",
            "Hundreds of residents protested on Saturday against the building of a mosque in the town "
            "centre, police said.",
            id="P2protest",
        ),
        pytest.param(
            "Local councillors said they opposed plans to expand Leeds Bradford airport.",
            "Local councillors said they opposed expanding Leeds Bradford airport.",
            id="P7opposed",
        ),
        pytest.param(
            "Campaigners said plans to build 500 homes on the green belt were a mistake.",
            "Campaigners said building 500 homes on the green belt was a mistake.",
            id="P9critic2",
        ),
        pytest.param(
            "The company said it plans to list its shares in New York.",
            "The company said it was listing its shares in New York.",
            id="P11list",
        ),
        pytest.param(
            "Residents fear plans to build a waste incinerator near the school will harm children, campaigners said.",
            "Campaigners said residents fear building a waste incinerator near the school will harm children.",
            id="P13",
        ),
        pytest.param(
            "Unions said they would fight plans to close the Leeds factory, which employs 300 people.",
            "Unions said they would fight the closure of the Leeds factory, which employs 300 people.",
            id="P3opp",
        ),
        pytest.param(
            "The mayor said the city plans to open three new libraries, and she said the first opened in May.",
            "The mayor said the city has opened the first of three new libraries in May.",
            id="P4vow",
        ),
        pytest.param(
            "Acme plans to cut 200 jobs at its Leeds factory, a spokesman told Reuters.",
            "Acme is to cut 200 jobs at its Leeds factory, a spokesman told Reuters.",
            id="P5told",
        ),
        pytest.param(
            "Acme plans to cut 200 jobs at its Leeds factory, the company said on Monday.",
            "Acme cuts 200 jobs at Leeds factory, company says",
            id="P6head",
        ),
        pytest.param(
            "Critics said plans to raise tuition fees would hurt poorer students.",
            "Critics said raising tuition fees would hurt poorer students.",
            id="P8critic",
        ),
        pytest.param(
            "Acme, which closed its Hull plant last year, plans to close its Leeds factory, the company said.",
            "Having closed its Hull plant last year, Acme will close its Leeds factory, the company said.",
            id="P10hull",
        ),
        pytest.param(
            "The airline said it plans to cut 1,000 jobs as part of a restructuring.",
            "The airline said 1,000 jobs would go as part of a restructuring.",
            id="P12",
        ),
        pytest.param(
            "Astronomers suspected that the comet had broken apart as it passed the Sun.",
            "Astronomers thought the comet had broken apart as it passed the Sun.",
            id="S1comet",
        ),
        pytest.param(
            "Astronomers had long suspected that the comet had broken apart as it passed the Sun, and "
            "new images confirm it.",
            "New images confirm that the comet broke apart as it passed the Sun, as astronomers had long believed.",
            id="S2comet",
        ),
        pytest.param(
            "Doctors suspected that he had suffered a stroke and rushed him to hospital.",
            "Doctors believed he had suffered a stroke and rushed him to hospital.",
            id="S3doc",
        ),
        pytest.param(
            "Police released the 24-year-old suspect that officers arrested on Monday in Malatya.",
            "Police released the 24-year-old man officers arrested on Monday in Malatya.",
            id="S4old",
        ),
        pytest.param(
            "A second suspect that police detained on Monday was released without charge.",
            "A second man police detained on Monday was released without charge.",
            id="S5second",
        ),
        pytest.param(
            "The murder suspect that police arrested in Leeds on Monday has been released on bail.",
            "The man police arrested in Leeds on Monday has been released on bail.",
            id="S6murder",
        ),
        pytest.param(
            "Residents said they suspected that the fire had been started deliberately.",
            "Residents said they feared the fire had been started deliberately.",
            id="S7fear",
        ),
        pytest.param(
            "The lawsuit alleges that the company misled investors about the safety of its batteries.",
            "The company misled investors about the safety of its batteries, the lawsuit contends.",
            id="S8lawsuit",
        ),
        pytest.param(
            "The families allege that the company ignored warnings about the dam.",
            "The families claim the company ignored warnings about the dam.",
            id="S9claim",
        ),
        pytest.param(
            "Prosecutors allege that Smith laundered $2 million through shell companies.",
            "Prosecutors accuse Smith of laundering $2 million through shell companies.",
            id="S10accuse",
        ),
        pytest.param(
            "One suspect that fled the scene was later caught by police in Bradford.",
            "One man who fled the scene was later caught by police in Bradford.",
            id="S11one",
        ),
        pytest.param(
            "Investigators suspect that the fire was caused by faulty wiring.",
            "Investigators believe the fire was caused by faulty wiring.",
            id="S12suspicion",
        ),
        pytest.param(
            "The lawsuit alleges that the company misled investors about the safety of its batteries.",
            "The company misled investors about the safety of its batteries, the lawsuit argues.",
            id="A1",
        ),
        pytest.param(
            "The lawsuit alleges that the company misled investors about the safety of its batteries.",
            "The company misled investors about the safety of its batteries, according to the lawsuit.",
            id="A2",
        ),
    ],
)
def test_faithful_retelling_has_no_hedge_finding(source: str, derived: str) -> None:
    assert _types(source, derived, "hedge_changed") == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        pytest.param(
            "The three-judge panel voted 2-1 to uphold the ruling.",
            "The three-judge panel upheld the ruling in a decision that was not unanimous.",
            id="U1not",
        ),
        pytest.param(
            "The Senate approved the bill 52-48 on Tuesday.",
            "The Senate approved the bill on Tuesday, far short of the unanimous support its sponsors had hoped for.",
            id="U2short",
        ),
        pytest.param(
            "Arsenal won 2-1 at Anfield on Sunday, a result that drew unanimous praise from pundits.",
            "Arsenal's win at Anfield on Sunday drew unanimous praise from pundits.",
            id="U3score",
        ),
        pytest.param(
            "Arsenal beat Liverpool 2-1 at Anfield on Sunday.",
            "Arsenal beat Liverpool at Anfield on Sunday, in what pundits unanimously called the result of the season.",
            id="U4score2",
        ),
        pytest.param(
            "The board voted 5-4 to approve the merger on Monday.",
            "The board approved the merger on Monday, a deal shareholders had unanimously backed in March.",
            id="U5other",
        ),
        pytest.param(
            "The ferry was carrying 60 passengers, and dozens of them were injured when it hit the pier.",
            "Dozens of passengers were injured when the ferry hit the pier.",
            id="B1both",
        ),
        pytest.param(
            "Police arrested 300 protesters on Saturday, and hundreds more were detained on Sunday.",
            "Hundreds of protesters were detained on Sunday, police said.",
            id="B2hund",
        ),
        pytest.param(
            "The quake destroyed more than 60 homes and dozens of people were injured.",
            "Dozens of people were injured in the quake, which destroyed homes.",
            id="B3kind",
        ),
        pytest.param(
            "Norvik's operating profit rose by 180% in the second quarter.",
            "Norvik's operating profit almost tripled in the second quarter.",
            id="N9",
        ),
        pytest.param(
            "Norvik's operating profit rose 290% in the second quarter.",
            "Norvik's operating profit nearly quadrupled in the second quarter.",
            id="N11",
        ),
        pytest.param(
            "Norvik's operating profit rose by 150% in the second quarter.",
            "Norvik's operating profit more than doubled in the second quarter.",
            id="N1more",
        ),
        pytest.param(
            "Norvik's operating profit rose by 190% in the second quarter.",
            "Norvik's operating profit nearly tripled in the second quarter.",
            id="N2triple",
        ),
        pytest.param(
            "Norvik's operating profit rose by 34% in the second quarter.",
            "Norvik's operating profit rose by a third in the second quarter.",
            id="N3third",
        ),
        pytest.param(
            "Net profit rose by 34% to $2 billion, while operating profit doubled to $900 million.",
            "Operating profit doubled to $900 million, the company said.",
            id="N4net",
        ),
        pytest.param(
            "Shares in Norvik rose by 34% on Monday after the results.",
            "Shares in Norvik, which have doubled this year, jumped on Monday after the results.",
            id="N5year",
        ),
        pytest.param(
            "Norvik's operating profit rose by 200% in the second quarter.",
            "Norvik's operating profit tripled in the second quarter.",
            id="N7",
        ),
        pytest.param(
            "Norvik's operating profit rose by 95% in the second quarter.",
            "Norvik's operating profit nearly doubled in the second quarter.",
            id="N8",
        ),
        pytest.param(
            "Norvik's operating profit fell by 50% in the second quarter.",
            "Norvik's operating profit halved in the second quarter.",
            id="N10",
        ),
        pytest.param(
            "Turnout rose to 34% from 17% in the last election.",
            "Turnout doubled from the last election.",
            id="N12to",
        ),
        pytest.param(
            "The party's vote share rose by 20 percentage points to 40%.",
            "The party's vote share doubled to 40%.",
            id="N13share",
        ),
        pytest.param(
            "Cases rose by 34% in the week to Sunday, and hospital admissions doubled.",
            "Hospital admissions doubled in the week to Sunday, while cases rose.",
            id="N14",
        ),
    ],
)
def test_faithful_retelling_has_no_number_finding(source: str, derived: str) -> None:
    assert _types(source, derived, "number_changed") == []


def test_plan_reported_done_in_a_later_article_is_quiet() -> None:
    # published three months after the plan: the closure may be news, not a firmer retelling
    source = Article(text="Acme plans to close its Leeds factory in March, the company said.", published="2025-01-10")
    derived = Article(text="Acme closed its Leeds factory in March, the company said.", published="2025-04-20")
    assert _types(source, derived, "hedge_changed") == []
    # the same pair published together is still a plan told as done
    same = Article(text="Acme closed its Leeds factory in March, the company said.", published="2025-01-10")
    assert ("certainty_increased", "medium", None) in [
        (s, v, None) for s, v, _a in _types(source, same, "hedge_changed")
    ]


def test_alleges_that_with_an_accuser_told_as_fact_is_reported() -> None:
    found = _types(
        "The lawsuit alleges that the company misled investors about the safety of its batteries.",
        "The company misled investors about the safety of its batteries.",
        "hedge_changed",
    )
    assert [(s, v) for s, v, _a in found] == [("allegation_as_fact", "high")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        pytest.param(
            "Norvik's operating profit rose by 34% in the second quarter.",
            "Norvik's operating profit nearly doubled in the second quarter.",
            id="nearly-doubled-34",
        ),
        pytest.param(
            "Norvik's operating profit rose by 120% in the second quarter.",
            "Norvik's operating profit tripled in the second quarter.",
            id="tripled-120",
        ),
    ],
)
def test_multiple_far_from_the_change_is_still_reported(source: str, derived: str) -> None:
    assert ("changed", "high") in [(s, v) for s, v, _a in _types(source, derived, "number_changed")]


def test_split_vote_told_as_unanimous_verdict_is_reported() -> None:
    found = _types(
        "The jury voted 10-2 to convict Smith of fraud on Friday.",
        "The jury reached a unanimous verdict on Friday, convicting Smith of fraud.",
        "number_changed",
    )
    assert [(s, v) for s, v, _a in found] == [("changed", "high")]
