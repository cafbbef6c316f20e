# The feedback page and the rate-limit reset, shared with the feedback tests.
from tests.feedback.conftest import clear_rate_limits, feedback_page  # noqa: F401
