"""The report of a workflow run: the run folder read (``data``), maps (``maps``), charts
(``charts``) and the HTML / PDF document (``writer``)."""
