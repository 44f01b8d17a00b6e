"""The dock widget: builds parameter dicts and runs the registered algorithms; no computing."""
