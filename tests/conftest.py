import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=2000, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
# .ci/run (TRANSLIT_CI=1): the dev amount, derandomized, so that a landing does not hang on
# which examples a run happened to draw (random runs, locally, keep finding new ones)
settings.register_profile("translit-ci", max_examples=200, deadline=None, derandomize=True)
settings.register_profile(
    "fuzz", max_examples=50_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get(
    "HYPOTHESIS_PROFILE",
    "ci" if os.environ.get("CI") else "translit-ci" if os.environ.get("TRANSLIT_CI") else "dev",
))
