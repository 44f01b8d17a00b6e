"""Toolbox group 4 · Zoning: esp:restorationzoning and esp:collaborativezoning."""
