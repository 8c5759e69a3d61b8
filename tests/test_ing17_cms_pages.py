# ruff: noqa: E501 - the pages are as CMSs write them, one long line a block
"""Five pages in the shape real news CMSs give them (WordPress with Jetpack share and related-posts widgets, a live
blog whose entries are <article>s, an AMP page, a page with a cookie banner and a newsletter box in the story, a wire
story): title, date, outlet and the body, exactly the story's paragraphs in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import article_from_html, load_article

WP = """\
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Council approves harbour expansion &#8211; Riverside Chronicle</title>
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="Council approves harbour expansion" />
<meta property="og:url" content="https://riversidechronicle.example/2024/03/12/council-approves-harbour-expansion/" />
<meta property="og:site_name" content="Riverside Chronicle" />
<meta property="article:published_time" content="2024-03-12T14:05:31+00:00" />
<meta property="article:modified_time" content="2024-03-13T09:12:00+00:00" />
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"https://riversidechronicle.example/2024/03/12/council-approves-harbour-expansion/#article","headline":"Council approves harbour expansion","datePublished":"2024-03-12T14:05:31+00:00","dateModified":"2024-03-13T09:12:00+00:00","author":{"name":"Maria Lopez"}},{"@type":"WebSite","@id":"https://riversidechronicle.example/#website","name":"Riverside Chronicle","datePublished":"2012-05-01T00:00:00+00:00"},{"@type":"Organization","name":"Riverside Chronicle Media"}]}</script>
<link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/block-library/style.min.css' media='all' />
</head>
<body class="post-template-default single single-post postid-4821 single-format-standard">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Riverside Chronicle</a></p><p class="site-description">News from the river towns</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li></ul></nav></header>
<main id="primary" class="site-main">
<article id="post-4821" class="post-4821 post type-post status-publish format-standard hentry category-local">
<header class="entry-header"><h1 class="entry-title">Council approves harbour expansion</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="/2024/03/12/council-approves-harbour-expansion/" rel="bookmark"><time class="entry-date published" datetime="2024-03-12T14:05:31+00:00">March 12, 2024</time><time class="updated" datetime="2024-03-13T09:12:00+00:00">March 13, 2024</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/mlopez/">Maria Lopez</a></span></span></div></header>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" href="?share=twitter" target="_blank"><span>Twitter</span></a></li><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-email"><a rel="nofollow noopener noreferrer" class="share-email sd-button share-icon" href="?share=email" target="_blank"><span>Email</span></a></li></ul></div></div></div>
<div class="entry-content">
<p>The Riverside town council voted 7-2 on Tuesday night to approve a $14 million expansion of the municipal harbour, ending a debate that has divided the town for more than two years.</p>
<p>The plan adds 120 boat slips, a new fuel dock and a public boardwalk along the eastern shore. Construction is expected to begin in September and last about 18 months.</p>
<p>&#8220;This is the biggest investment in the waterfront in a generation,&#8221; Mayor Tom Reyes said after the vote. &#8220;It will bring visitors and jobs back to the river.&#8221;</p>
<p>Opponents, including two council members, argued the project would raise mooring fees for local fishermen and increase traffic on Harbor Road.</p>
<p>The council said it would hold a public meeting on the construction schedule in April.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" href="?share=twitter" target="_blank"><span>Twitter</span></a></li><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="?share=facebook" target="_blank"><span>Facebook</span></a></li></ul></div></div></div>
<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded' id='like-post-wrapper-1234-4821' data-name='like-post-frame-1234-4821'><h3 class="sd-title">Like this:</h3><div class='likes-widget-placeholder post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span></span> <span class="loading">Loading...</span></div></div>
<div id='jp-relatedposts' class='jp-relatedposts' ><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual"><div class="jp-relatedposts-post jp-relatedposts-post0" data-post-id="4790"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="/2024/02/20/fishermen-oppose-harbour-plan/" title="Fishermen oppose harbour plan">Fishermen oppose harbour plan</a></h4><p class="jp-relatedposts-post-excerpt">Local fishermen packed the council chamber on Monday to oppose the proposed expansion of the harbour.</p><p class="jp-relatedposts-post-date">February 20, 2024</p><p class="jp-relatedposts-post-context">In &quot;Local&quot;</p></div><div class="jp-relatedposts-post jp-relatedposts-post1" data-post-id="4702"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="/2024/01/15/harbour-budget-vote-delayed/" title="Harbour budget vote delayed">Harbour budget vote delayed</a></h4><p class="jp-relatedposts-post-excerpt">The vote on the harbour budget was postponed after a request from the finance committee.</p><p class="jp-relatedposts-post-date">January 15, 2024</p><p class="jp-relatedposts-post-context">In &quot;Local&quot;</p></div></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/local/" rel="category tag">Local</a></span><span class="tags-links">Tagged <a href="/tag/harbour/" rel="tag">harbour</a>, <a href="/tag/council/" rel="tag">council</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/2024/03/11/bridge-repairs/" rel="prev"><span class="nav-subtitle">Previous:</span> <span class="nav-title">Bridge repairs start next week</span></a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> Required fields are marked <span class="required">*</span></p></form></div></div>
</main>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer>
</body>
</html>
"""

LIVE = """\
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Storm Isha live: trains cancelled and thousands without power | The Northern Ledger</title>
<meta property="og:title" content="Storm Isha live: trains cancelled and thousands without power">
<meta property="og:site_name" content="The Northern Ledger">
<meta property="og:url" content="https://northernledger.example/news/live/2024/jan/22/storm-isha-live">
<meta property="article:published_time" content="2024-01-22T06:12:00Z">
<meta property="article:modified_time" content="2024-01-22T11:47:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm Isha live: trains cancelled and thousands without power","datePublished":"2024-01-22T06:12:00+00:00","dateModified":"2024-01-22T11:47:00+00:00","coverageStartTime":"2024-01-22T06:12:00+00:00","liveBlogUpdate":[{"@type":"BlogPosting","headline":"Ferries suspended","datePublished":"2024-01-22T11:47:00+00:00"}]}</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav></header>
<main>
<div class="headline"><h1>Storm Isha live: trains cancelled and thousands without power</h1></div>
<div class="standfirst"><p>Winds of up to 90mph hit northern England and Scotland overnight, with rail services suspended and tens of thousands of homes cut off.</p></div>
<div class="meta"><span class="byline">By Ruth Adeyemi and Callum Price</span> <time datetime="2024-01-22T06:12:00Z">Mon 22 Jan 2024 06.12 GMT</time></div>
<div class="live-blog" id="liveblog-body">
<article class="block" id="block-6"><header class="block-header"><p class="block-time"><time datetime="2024-01-22T11:47:00Z">11.47 GMT</time></p></header><div class="block-body"><p>CalMac has suspended all ferry sailings on the west coast for the rest of the day, the operator said.</p></div><footer><button class="share">Share</button></footer></article>
<article class="block" id="block-5"><header class="block-header"><p class="block-time"><time datetime="2024-01-22T10:30:00Z">10.30 GMT</time></p></header><div class="block-body"><p>Northern Powergrid says about 24,000 customers are still without electricity, mostly in Northumberland and County Durham.</p><p>Engineers expect to restore most supplies by the evening.</p></div><footer><button class="share">Share</button></footer></article>
<article class="block" id="block-4"><header class="block-header"><p class="block-time"><time datetime="2024-01-22T09:05:00Z">09.05 GMT</time></p></header><div class="block-body"><p>Network Rail has lifted the speed restriction on the East Coast Main Line between Newcastle and Edinburgh after debris was cleared.</p></div><footer><button class="share">Share</button></footer></article>
<article class="block" id="block-3"><header class="block-header"><p class="block-time"><time datetime="2024-01-22T07:40:00Z">07.40 GMT</time></p></header><div class="block-body"><p>A man in his 80s died after his car hit a fallen tree in Falkirk, Police Scotland said.</p></div><footer><button class="share">Share</button></footer></article>
<article class="block" id="block-2"><header class="block-header"><p class="block-time"><time datetime="2024-01-22T06:12:00Z">06.12 GMT</time></p></header><div class="block-body"><p>Good morning. Storm Isha has brought gusts of 99mph to Brizlee Wood in Northumberland, the Met Office said, the highest recorded overnight.</p></div><footer><button class="share">Share</button></footer></article>
</div>
<div class="newsletter"><p>Sign up for Morning Mail: our daily briefing, delivered to your inbox.</p><button>Sign up</button></div>
</main>
<footer><p>© 2024 Northern Ledger Media Ltd. All rights reserved.</p></footer>
</body>
</html>
"""

AMP = """\
<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<title>Drought forces water limits in three counties - Valley Post</title>
<link rel="canonical" href="https://valleypost.example/news/2024/07/08/drought-water-limits">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","mainEntityOfPage":"https://valleypost.example/news/2024/07/08/drought-water-limits","headline":"Drought forces water limits in three counties","datePublished":"2024-07-08T08:30:00-07:00","dateModified":"2024-07-08T16:02:00-07:00","author":{"@type":"Person","name":"Dana Whitfield"},"publisher":{"@type":"Organization","name":"Valley Post","logo":{"@type":"ImageObject","url":"https://valleypost.example/logo.png"}},"image":["https://valleypost.example/img/reservoir.jpg"]}</script>
<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>
<style amp-custom>.byline{font-size:14px}</style>
</head>
<body>
<header class="amp-header"><a href="https://valleypost.example/">Valley Post</a><amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li></ul></amp-sidebar></header>
<article class="amp-article">
<h1>Drought forces water limits in three counties</h1>
<div class="byline">By Dana Whitfield, staff writer</div>
<div class="dateline"><time datetime="2024-07-08T08:30:00-07:00">July 8, 2024 8:30 AM</time></div>
<amp-social-share type="twitter" width="40" height="40"></amp-social-share><amp-social-share type="facebook" width="40" height="40" data-param-app_id="123"></amp-social-share>
<figure><amp-img src="https://valleypost.example/img/reservoir.jpg" width="1200" height="800" layout="responsive" alt="Low water at Pine Flat reservoir"></amp-img><figcaption>Water levels at Pine Flat reservoir have fallen to 31% of capacity. (Photo: Dana Whitfield/Valley Post)</figcaption></figure>
<p>Water districts in Fresno, Tulare and Kings counties will limit outdoor watering to two days a week starting Monday, officials announced, as the region enters a third year of drought.</p>
<p>The restrictions apply to about 1.2 million residents. Violators face fines of $100 for a first offense and $500 for repeat offenses, according to the Central Valley Water Authority.</p>
<p>"We are asking every household to cut use by 20 percent," authority director Luis Ortega said. "The reservoirs simply cannot carry us through the fall at this rate."</p>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/valleypost/news"><div placeholder>Advertisement</div></amp-ad>
<p>Farm irrigation districts are not covered by the new rules, which drew criticism from environmental groups.</p>
</article>
<footer><p>© 2024 Valley Post. All rights reserved.</p></footer>
</body>
</html>
"""

COOKIE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>School board delays vote on new calendar | Lakeside Tribune</title>
<meta name="description" content="The vote on a four-day week is put off until May.">
<meta property="og:title" content="School board delays vote on new calendar">
<meta property="og:site_name" content="Lakeside Tribune">
<meta name="pubdate" content="2024-04-17">
<meta itemprop="dateModified" content="2024-04-18T10:00:00-05:00">
</head>
<body>
<div id="onetrust-banner-sdk" class="otFlat" role="dialog"><div class="ot-sdk-container"><p id="onetrust-policy-text">We use cookies to improve your experience on our site and to show you relevant advertising. By clicking "Accept all", you agree to the storing of cookies on your device.</p><button id="onetrust-accept-btn-handler">Accept all cookies</button><button>Cookie settings</button></div></div>
<nav><a href="/">Home</a><a href="/local">Local</a><a href="/schools">Schools</a></nav>
<main>
<article>
<h1>School board delays vote on new calendar</h1>
<p class="byline">By Amir Haddad | April 17, 2024</p>
<div class="article-body">
<p>The Lakeside school board on Tuesday postponed a vote on moving the district's 14 schools to a four-day week, saying it needed more time to hear from parents.</p>
<p>Superintendent Karen Olsen had proposed the change in January as a way to recruit and keep teachers, who would work longer days Monday through Thursday.</p>
<div class="newsletter-signup inline"><h3>Get the Morning Brief</h3><p>Sign up for our free newsletter and get the day's top local stories in your inbox.</p><form><input type="email" placeholder="Enter your email address"><button>Subscribe</button></form><p class="legal">By signing up, you agree to our Terms of Use and Privacy Policy. You can unsubscribe at any time.</p></div>
<p>A district survey found 58% of parents opposed the plan, many of them citing childcare on Fridays.</p>
<p>The board will take up the proposal again at its May 15 meeting.</p>
<div class="cookie-consent-embed"><p>This content is blocked because you have not accepted cookies. To view it, <a href="#" class="cookie-settings">change your cookie settings</a>.</p></div>
<p>Board president Lisa Moreno said she expected a decision "one way or the other" before the end of the school year.</p>
</div>
</article>
</main>
<footer><p>Copyright 2024 Lakeside Tribune</p></footer>
</body>
</html>
"""

WIRE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Senate passes stopgap bill to avert government shutdown | Metro Daily</title>
<meta property="og:site_name" content="Metro Daily">
<meta property="og:title" content="Senate passes stopgap bill to avert government shutdown">
<meta name="author" content="By LISA MASCARO and MARY CLARE JALONICK, Associated Press">
<meta property="article:published_time" content="2024-03-01T22:14:00-05:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Senate passes stopgap bill to avert government shutdown","datePublished":"2024-03-01T22:14:00-05:00","author":[{"@type":"Person","name":"Lisa Mascaro"}],"isBasedOn":"https://apnews.example/article/congress-shutdown"}</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/nation">Nation</a> <a href="/world">World</a></nav>
<article class="story">
<h1>Senate passes stopgap bill to avert government shutdown</h1>
<div class="byline">By LISA MASCARO and MARY CLARE JALONICK, Associated Press</div>
<div class="timestamp">Updated 10:14 PM EST March 1, 2024</div>
<div class="story-body">
<p>WASHINGTON (AP) — The Senate passed a short-term spending bill Friday night that would keep the federal government funded for another week, sending the measure to President Joe Biden hours before a partial shutdown was set to begin.</p>
<p>The bill passed 77-13 after the House approved it earlier in the day. It extends funding for agriculture, transportation and veterans programs until March 8 and for the rest of the government until March 22.</p>
<p>“We are going to get this done,” Senate Majority Leader Chuck Schumer said on the floor before the vote.</p>
<p>Republican leaders said they expected full-year spending bills to be finished in the coming weeks.</p>
<p>___</p>
<p>Associated Press writer Kevin Freking contributed to this report.</p>
</div>
<div class="copyright">Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</div>
</article>
<aside class="trending"><h2>Trending</h2><ul><li><a href="/nation/bridge">Bridge closes for repairs</a></li></ul></aside>
</body>
</html>
"""

CASES = {
    "wordpress": (
        WP,
        "Council approves harbour expansion",
        "Riverside Chronicle",
        "2024-03-12T14:05:31+00:00",
        [
            "The Riverside town council voted 7-2 on Tuesday night to approve a $14 million expansion of the "
            "municipal harbour, ending a debate that has divided the town for more than two years.",
            "The plan adds 120 boat slips, a new fuel dock and a public boardwalk along the eastern shore. "
            "Construction is expected to begin in September and last about 18 months.",
            "\u201cThis is the biggest investment in the waterfront in a generation,\u201d Mayor Tom Reyes said after "
            "the vote. \u201cIt will bring visitors and jobs back to the river.\u201d",
            "Opponents, including two council members, argued the project would raise mooring fees for local "
            "fishermen and increase traffic on Harbor Road.",
            "The council said it would hold a public meeting on the construction schedule in April.",
        ],
    ),
    "live blog": (
        LIVE,
        "Storm Isha live: trains cancelled and thousands without power",
        "The Northern Ledger",
        "2024-01-22T06:12:00+00:00",
        [
            "Winds of up to 90mph hit northern England and Scotland overnight, with rail services suspended and tens "
            "of thousands of homes cut off.",
            "CalMac has suspended all ferry sailings on the west coast for the rest of the day, the operator said.",
            "Northern Powergrid says about 24,000 customers are still without electricity, mostly in Northumberland "
            "and County Durham.",
            "Engineers expect to restore most supplies by the evening.",
            "Network Rail has lifted the speed restriction on the East Coast Main Line between Newcastle and "
            "Edinburgh after debris was cleared.",
            "A man in his 80s died after his car hit a fallen tree in Falkirk, Police Scotland said.",
            "Good morning. Storm Isha has brought gusts of 99mph to Brizlee Wood in Northumberland, the Met Office "
            "said, the highest recorded overnight.",
        ],
    ),
    "amp": (
        AMP,
        "Drought forces water limits in three counties",
        "Valley Post",
        "2024-07-08T08:30:00-07:00",
        [
            "Water districts in Fresno, Tulare and Kings counties will limit outdoor watering to two days a week "
            "starting Monday, officials announced, as the region enters a third year of drought.",
            "The restrictions apply to about 1.2 million residents. Violators face fines of $100 for a first offense "
            "and $500 for repeat offenses, according to the Central Valley Water Authority.",
            '"We are asking every household to cut use by 20 percent," authority director Luis Ortega said. "The '
            'reservoirs simply cannot carry us through the fall at this rate."',
            "Farm irrigation districts are not covered by the new rules, which drew criticism from environmental "
            "groups.",
        ],
    ),
    "cookie banner and newsletter box": (
        COOKIE,
        "School board delays vote on new calendar",
        "Lakeside Tribune",
        "2024-04-17",
        [
            "The Lakeside school board on Tuesday postponed a vote on moving the district's 14 schools to a four-day "
            "week, saying it needed more time to hear from parents.",
            "Superintendent Karen Olsen had proposed the change in January as a way to recruit and keep teachers, who "
            "would work longer days Monday through Thursday.",
            "A district survey found 58% of parents opposed the plan, many of them citing childcare on Fridays.",
            "The board will take up the proposal again at its May 15 meeting.",
            'Board president Lisa Moreno said she expected a decision "one way or the other" before the end of the '
            "school year.",
        ],
    ),
    "wire story": (
        WIRE,
        "Senate passes stopgap bill to avert government shutdown",
        "Metro Daily",
        "2024-03-01T22:14:00-05:00",
        [
            "WASHINGTON (AP) \u2014 The Senate passed a short-term spending bill Friday night that would keep the "
            "federal government funded for another week, sending the measure to President Joe Biden hours before a "
            "partial shutdown was set to begin.",
            "The bill passed 77-13 after the House approved it earlier in the day. It extends funding for "
            "agriculture, transportation and veterans programs until March 8 and for the rest of the government "
            "until March 22.",
            "\u201cWe are going to get this done,\u201d Senate Majority Leader Chuck Schumer said on the floor before "
            "the vote.",
            "Republican leaders said they expected full-year spending bills to be finished in the coming weeks.",
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_cms_page_gives_its_title_date_outlet_and_only_its_paragraphs(case: str, tmp_path: Path) -> None:
    html, title, outlet, published, paragraphs = CASES[case]
    article = article_from_html(html)
    assert (article.title, article.outlet, article.published) == (title, outlet, published)
    assert article.text.split("\n\n") == paragraphs
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert load_article(str(path)) == article


@pytest.mark.parametrize(
    "line",
    [
        "Associated Press writer Kevin Freking contributed to this report.",
        "Reuters reporters Ana Ruiz and Tom Bell contributed reporting from Paris.",
        "___",
        "* * *",
    ],
)
def test_a_wire_storys_closing_credit_or_rule_is_left_out(line: str) -> None:
    paragraphs = CASES["wire story"][4]
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + f"<p>{line}</p>"
    html = f"<html><head><title>Stopgap bill</title></head><body><article><h1>Stopgap bill</h1>{body}</article></body></html>"
    assert article_from_html(html).text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    "prose",
    [
        "The Smith family contributed to this report on the harbour, the council said.",
        "Kevin Freking contributed 5,000 dollars to the campaign, records show.",
    ],
)
def test_prose_about_contributions_is_kept(prose: str) -> None:
    paragraphs = CASES["wire story"][4]
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + f"<p>{prose}</p>"
    html = f"<html><head><title>Stopgap bill</title></head><body><article><h1>Stopgap bill</h1>{body}</article></body></html>"
    assert prose in article_from_html(html).text
