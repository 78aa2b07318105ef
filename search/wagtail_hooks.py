"""Search in the admin: nothing of its own yet; what it adds to core (health, periodic work) is in ``extensions``."""

from . import extensions  # noqa: F401  (what search adds to the health check and periodic work)
