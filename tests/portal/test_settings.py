"""Settings are safe by default: production refuses to start without a real secret,
passes Django's deployment checklist, and malformed environment variables fail loudly."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.env import SETTINGS_VARIABLES, env_bool, env_int, env_list, env_str

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_manage(tmp_path, *args, **environment):
    """Run ``manage.py`` with production settings in a clean environment and a throwaway database."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'settings-check.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONWARNINGS="ignore",
    )
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- Production settings ---------------------------------------------------------------


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage(tmp_path, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param("too-short-0123456789", id="shorter-than-50-characters"),
        pytest.param("django-insecure-" + "x" * 60, id="django-insecure-placeholder"),
    ],
)
def test_production_refuses_a_weak_secret_key(tmp_path, secret_key):
    result = run_manage(tmp_path, "check", SECRET_KEY=secret_key)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings(tmp_path):
    secret_key = secrets.token_urlsafe(48)  # 64 characters
    assert len(secret_key) == 64

    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="ocop.example.vn",
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in output
    assert "security." not in output  # no security.W0xx identifiers at all


def test_production_ignores_debug_from_the_environment(tmp_path):
    result = run_manage(
        tmp_path,
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)",
        SECRET_KEY=secrets.token_urlsafe(48),
        DEBUG="true",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["False", "True"]


LOCKOUT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT, int(settings.AXES_COOLOFF_TIME.total_seconds()), "
    "'+'.join(settings.AXES_LOCKOUT_PARAMETERS), settings.AXES_RESET_ON_SUCCESS, settings.AXES_HANDLER, "
    "settings.AUTHENTICATION_BACKENDS[0], 'axes.middleware.AxesMiddleware' in settings.MIDDLEWARE, "
    "settings.AXES_CLIENT_IP_CALLABLE, settings.TRUSTED_PROXY_COUNT)"
)


@pytest.mark.parametrize(
    ("environment", "limit", "cool_off", "proxies"),
    [
        pytest.param({}, "5", "900", "0", id="defaults"),
        pytest.param(
            {"LOGIN_FAILURE_LIMIT": "3", "LOGIN_COOLOFF_MINUTES": "30", "TRUSTED_PROXY_COUNT": "1"},
            "3",
            "1800",
            "1",
            id="from-the-environment",
        ),
    ],
)
def test_production_keeps_the_login_lockout_on(tmp_path, environment, limit, cool_off, proxies):
    result = run_manage(
        tmp_path, "shell", "--verbosity=0", "-c", LOCKOUT_SETTINGS, SECRET_KEY=secrets.token_urlsafe(48), **environment
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-10:] == [
        "True",
        limit,
        cool_off,
        "username+ip_address",  # either the account or the address locks
        "False",  # axes' reset clears the address too; accounts.lockout clears only the account
        "axes.handlers.database.AxesDatabaseHandler",  # no Redis needed
        "axes.backends.AxesStandaloneBackend",
        "True",
        "core.client_address.client_address",
        proxies,
    ]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        pytest.param("LOGIN_FAILURE_LIMIT", "0", "LOGIN_FAILURE_LIMIT must be 1 or more", id="no-failure-limit"),
        pytest.param("TRUSTED_PROXY_COUNT", "-1", "TRUSTED_PROXY_COUNT must be 0 or more", id="negative-proxies"),
        pytest.param("RATELIMIT_IP_META_KEY", "HTTP_X_FORWARDED_FOR", "set TRUSTED_PROXY_COUNT", id="retired"),
    ],
)
def test_production_refuses_a_lockout_or_proxy_setting_it_cannot_honour(tmp_path, variable, value, message):
    result = run_manage(tmp_path, "check", SECRET_KEY=secrets.token_urlsafe(48), **{variable: value})

    assert result.returncode != 0
    assert message in result.stderr


def test_production_rejects_a_malformed_boolean_at_start_up(tmp_path):
    result = run_manage(tmp_path, "check", SECRET_KEY=secrets.token_urlsafe(48), SECURE_SSL_REDIRECT="sometimes")

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be a boolean" in result.stderr


# --- Typed environment helpers -------------------------------------------------------------


@pytest.mark.parametrize("raw", ["maybe", "2", "yess", "tru e", "enabled"])
def test_env_bool_rejects_malformed_values(monkeypatch, raw):
    monkeypatch.setenv("OCOP_TEST_FLAG", raw)

    with pytest.raises(ImproperlyConfigured, match="OCOP_TEST_FLAG must be a boolean"):
        env_bool("OCOP_TEST_FLAG", False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), (" Yes ", True), ("ON", True), ("0", False), ("false", False), ("off", False)],
)
def test_env_bool_accepts_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("OCOP_TEST_FLAG", raw)

    assert env_bool("OCOP_TEST_FLAG", not expected) is expected


def test_env_bool_falls_back_to_its_default_when_unset(monkeypatch):
    monkeypatch.delenv("OCOP_TEST_FLAG", raising=False)

    assert env_bool("OCOP_TEST_FLAG", True) is True
    assert env_bool("OCOP_TEST_FLAG", False) is False


@pytest.mark.parametrize("raw", ["sixty", "12a", "1.5", "0x10", "1_000 seconds"])
def test_env_int_rejects_malformed_values(monkeypatch, raw):
    monkeypatch.setenv("OCOP_TEST_NUMBER", raw)

    with pytest.raises(ImproperlyConfigured, match="OCOP_TEST_NUMBER must be an integer"):
        env_int("OCOP_TEST_NUMBER", 60)


def test_env_int_parses_integers_and_defaults_when_blank(monkeypatch):
    monkeypatch.setenv("OCOP_TEST_NUMBER", " 300 ")
    assert env_int("OCOP_TEST_NUMBER", 60) == 300

    monkeypatch.setenv("OCOP_TEST_NUMBER", "")
    assert env_int("OCOP_TEST_NUMBER", 60) == 60


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("OCOP_TEST_HOSTS", " ocop.example.vn, ,www.ocop.example.vn ,")

    assert env_list("OCOP_TEST_HOSTS", ["localhost"]) == ["ocop.example.vn", "www.ocop.example.vn"]


def test_env_str_returns_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("OCOP_TEST_TEXT", raising=False)

    assert env_str("OCOP_TEST_TEXT", "fallback") == "fallback"


# --- The benchmark's settings and URLconf (bench/) -------------------------------------------


def test_benchmark_baseline_view_is_not_in_the_production_urlconf():
    from django.urls import resolve

    from bench.urls import trivial

    assert resolve("/bench/trivial/", urlconf="bench.urls").func is trivial
    assert resolve("/bench/trivial/", urlconf="portal.urls").func is not trivial


def test_benchmark_settings_are_production_settings_over_plain_http(tmp_path):
    result = run_manage(
        tmp_path,
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.ROOT_URLCONF, len(settings.SECRET_KEY) >= 50)",
        DJANGO_SETTINGS_MODULE="bench.settings",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == ["False", "False", "bench.urls", "True"]
