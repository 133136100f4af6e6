"""The command line (DESIGN.md §8): main.py parses and dispatches, one module per verb group."""
