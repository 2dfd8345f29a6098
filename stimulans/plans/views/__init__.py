"""The plans pages, one module per group of pages (see urls.py)."""
