"""The short article the quote-framing tests rewrite: a council closes a library, the mayor quoted."""

ORIGINAL = (
    "The Harlow council voted on Tuesday to close the Millbrook library, which has served the town since 1921. "
    "About 40 residents attended the meeting in the town hall. "
    "\u201cThe budget left us no choice,\u201d the mayor, Denise Okafor, said. "
    "Library staff will be offered other posts within the council."
)
BODY = (
    "Harlow's council decided on Tuesday to close the Millbrook library, open since 1921. "
    "About 40 residents came to the meeting in the town hall. "
    "\u201cThe budget left us no choice,\u201d Mayor Denise Okafor said. "
    "Library staff will be offered other posts within the council."
)
