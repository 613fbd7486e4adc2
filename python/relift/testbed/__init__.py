"""The embedded default: a tiny model and a tiered addition task shipped with relift."""
