"""relift's verifier as a drop-in for other tools (``docs/integrations.md``).

- :mod:`relift.integrations.verl`: ``compute_score`` and ``compute_score_batched``, verl's custom
  reward-function shapes (``custom_reward_function.path=pkg://relift.integrations.verl``).
- :mod:`relift.integrations.trl`: ``accuracy_reward`` and ``AccuracyReward``, TRL
  ``GRPOTrainer`` reward functions.
- :mod:`relift.integrations.math_verify`: ``parse`` and ``verify`` with Math-Verify's call shape,
  so a script switches by changing one import.

Each module needs only numpy and relift's Rust core: none imports torch, transformers, verl, TRL
or Math-Verify. Import the one you use; this package imports none of them by itself.
"""
