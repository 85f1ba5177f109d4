from .runs import (  # noqa: F401
    linkcheck_run_dispatch, linkcheck_run_inline, linkcheck_run_progress, linkcheck_run_start, linkcheck_work,
    run_resources,
)
