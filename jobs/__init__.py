"""Long work as jobs: a Job row per export, import or snapshot, run by the job engine, with its progress."""
