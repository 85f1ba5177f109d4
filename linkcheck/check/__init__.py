"""Template 3 URL checking: the domain rule, the live checker and the stored state.

Public API::

    validate_source_url(url, *, domains) -> str            # raises ValidationError (code)
    check_url(url, *, config=None, probe=True) -> CheckResult
    check_many(urls, *, concurrency=16, per_host=4, config=None, on_result=None) -> list[CheckResult]
    internet_reachable(targets, *, timeout) -> bool           # the probe behind the `offline` state
    next_state(previous: CheckState | None, result: CheckResult) -> CheckState
    Status, CheckResult, CheckState, CheckConfig, config_from_settings(**overrides)
"""
from linkcheck.check.batch import check_many
from linkcheck.check.checker import CheckConfig, check_url, config_from_settings, default_user_agent
from linkcheck.check.probe import internet_reachable
from linkcheck.check.results import REASONS, CheckResult, CheckState, Status, next_state
from linkcheck.check.rules import host_is_allowed, validate_source_url

__all__ = [
    "REASONS",
    "CheckConfig",
    "CheckResult",
    "CheckState",
    "Status",
    "check_many",
    "check_url",
    "config_from_settings",
    "default_user_agent",
    "host_is_allowed",
    "internet_reachable",
    "next_state",
    "validate_source_url",
]
