import io

import pytest

from catalog.demo import demo_users
from templates_app.demo import load_demo as load_template2_demo


@pytest.fixture
def demo(pattani):
    """The Pattani demo through progress: reference lists, users, Template 2 records, committee, GD Catalog."""
    from progress.demo import load_demo

    users = {user.username: user for user in demo_users(password="pw-for-tests-2566")}
    load_template2_demo(stdout=io.StringIO())
    load_demo(stdout=io.StringIO())
    return users
