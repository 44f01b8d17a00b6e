"""Toolbox group 5 · Workflows: esp:securitypattern runs the chain as child algorithms over the
step table (``steps``), writing products of fixed names (``products``); ``model`` builds the
Processing model from the same table."""
