"""The bottom layer: helpers that every app may use and that import no app of the product.

Only Django and the standard library (and other `stimulans.lib` modules) are imported here; a
test (`stimulans/lib/tests/test_layers.py`) keeps it so."""
