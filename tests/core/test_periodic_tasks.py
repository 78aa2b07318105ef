"""The periodic task is where background writes happen; one failing step never stops the others,
and a failing part of the health check makes it degraded, never a 500."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail import hooks

from core.extension_points import HEALTH_CHECKS, PERIODIC_TASKS

pytestmark = pytest.mark.django_db


def test_a_failing_step_does_not_stop_the_others_and_the_command_says_so(site_tree):
    ran = []

    def broken(stdout):
        raise ConnectionError("Redis is down")

    def recorded(stdout):
        ran.append("after")

    with hooks.register_temporarily(PERIODIC_TASKS, broken), hooks.register_temporarily(PERIODIC_TASKS, recorded):
        with pytest.raises(CommandError, match="broken"):
            call_command("run_periodic_tasks", stdout=StringIO())
    assert ran == ["after"]


def test_every_step_runs_when_nothing_fails(site_tree):
    out = StringIO()
    call_command("run_periodic_tasks", stdout=out)
    assert "Periodic tasks done." in out.getvalue()


def test_a_failing_health_part_makes_the_check_degraded_not_an_error(client, site_tree):
    def broken():
        raise RuntimeError("a bug in a health check")

    with hooks.register_temporarily(HEALTH_CHECKS, broken):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broken"] == {"status": "error", "fallback": True}
