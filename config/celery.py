"""The job engine: Celery with Redis as the broker.

With `CELERY_BROKER_URL` unset (a laptop, `make run`) every task runs inline, in the process that
queued it (`task_always_eager`): nothing else to start. With a broker, `make worker` starts a worker
that also runs the schedule (`CELERY_BEAT_SCHEDULE`, the nightly jobs) unless `WORKER_BEAT=0`.
Tasks stay thin: each calls one service, which runs the same way inline, from a command or in a worker.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("catalog")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
