"""System checks (core/checks.py)."""

from django.core import checks
from django.test import override_settings

from core.checks import trusted_proxies_behind_tls_proxy

BEHIND_TLS_PROXY = ("HTTP_X_FORWARDED_PROTO", "https")


@override_settings(SECURE_PROXY_SSL_HEADER=BEHIND_TLS_PROXY, RUNGS_TRUSTED_PROXIES=0)
def test_a_tls_proxy_with_no_trusted_proxies_is_a_warning():
    [warning] = trusted_proxies_behind_tls_proxy(None)
    assert warning.id == "rungs.W001"
    assert warning.level == checks.WARNING
    assert "RUNGS_TRUSTED_PROXIES" in warning.msg


@override_settings(SECURE_PROXY_SSL_HEADER=BEHIND_TLS_PROXY, RUNGS_TRUSTED_PROXIES=1)
def test_a_tls_proxy_with_its_count_set_is_fine():
    assert trusted_proxies_behind_tls_proxy(None) == []


@override_settings(SECURE_PROXY_SSL_HEADER=None, RUNGS_TRUSTED_PROXIES=0)
def test_no_proxy_no_warning():
    assert trusted_proxies_behind_tls_proxy(None) == []


@override_settings(SECURE_PROXY_SSL_HEADER=BEHIND_TLS_PROXY, RUNGS_TRUSTED_PROXIES=0)
def test_it_runs_with_the_registered_checks():
    found = checks.run_checks(tags=[checks.Tags.security], include_deployment_checks=False)
    assert "rungs.W001" in {message.id for message in found}
