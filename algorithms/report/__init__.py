"""The report of a workflow run: the run folder read (``data``, with ``sites``, ``corridorstats``
and ``groups``; ``runinfo`` for what the folder does not hold), maps (``maps``, ``furniture``)
and charts (``charts``); the page and its formatting (``page``, ``formatting``, ``style``), the
title block and the sections (``cover``, ``overview``, ``stages``, ``counties``, ``annex``),
and the documents: HTML and the whole (``writer``), PDF (``pdf``), Word (``word``)."""
