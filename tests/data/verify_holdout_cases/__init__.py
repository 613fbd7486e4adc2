"""The held-out corpus's cases, one module per category, and the helpers they share (``common``).

Each category module appends its cases to ``common.CASES`` when imported, so the corpus's order
(and the template each boxed case draws) follows the order the modules are imported in: the one
``make_verify_holdout.PARTS`` lists. Import them through that generator, not one by one.
"""
