"""Facts a sentence states, as spans into the article text, and the checks that compare them.

Each module extracts one kind of fact and holds the check that compares it across an alignment,
``(alignment) -> list[Finding]``: quotes.py (quotations and their speakers), numbers.py (counts, money,
percentages, ordinals, tallies), dates.py (dates, times, relative and vague dates), cues.py
(attributions, hedges, negation), entities.py (people, places, organisations; spaCy), recombined.py
(a name or figure from elsewhere in the original set into a restated sentence), swapped.py (one name,
figure or he/she put in another's place inside words copied from the original).
audit.audit runs every check; none of them does I/O.
"""
