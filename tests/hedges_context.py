"""The short article the hedge tests set each pair of sentences in, so the alignment is a real one."""

BEFORE = (
    "The regional health authority published its annual report on Tuesday, covering the twelve hospitals "
    "in the northern district. The report runs to more than 200 pages and was presented to the council "
    "by its chief executive, Margaret Olsen. "
)
AFTER = (
    " Council members are due to debate the findings at a meeting next month. Olsen said the authority would "
    "publish a second report on waiting times in the spring. Opposition councillors asked for more detail on "
    "staffing levels at the smaller hospitals."
)
