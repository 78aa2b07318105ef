from . import extensions  # noqa: F401  (the hooks open data registers into)
