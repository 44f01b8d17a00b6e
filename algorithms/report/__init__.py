"""The report of a workflow run: the run folder read (``data``), maps (``maps``), charts
(``charts``); the page and its formatting (``page``, ``formatting``, ``style``), the sections
(``overview``, ``stages``, ``counties``) and the HTML / PDF document (``writer``)."""
