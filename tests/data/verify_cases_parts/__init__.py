"""Parts of the labelled-corpus generator ``make_verify_cases.py``.

``model`` (record types), ``filler`` (reasoning sentences), ``templates`` (response endings),
``tables_*`` (the hand-written answer tables) and ``builders`` (tables to cases). The generator's
``build_all`` fixes the order of the categories and so of the RNG draws.
"""
