"""tests/core runs against whichever ``espcore`` is importable: the checkout (``make test-core``,
pytest's ``pythonpath = ["."]``) or an installed wheel (``make test-wheel``).

``make test-wheel`` sets ``ESP_EXPECT_INSTALLED=1``; the run then stops before collecting
anything unless ``espcore`` comes from the interpreter's site-packages, not from this checkout.
"""

import os
import sysconfig

import pytest

CHECKOUT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def _location():
    import espcore

    return os.path.realpath(espcore.__file__)


def pytest_report_header(config):
    return "espcore: " + _location()


def pytest_configure(config):
    if os.environ.get("ESP_EXPECT_INSTALLED") != "1":
        return
    location = _location()
    site = os.path.realpath(sysconfig.get_paths()["purelib"])
    if location.startswith(os.path.join(CHECKOUT, "espcore") + os.sep) \
            or not location.startswith(site + os.sep):
        raise pytest.UsageError(
            "ESP_EXPECT_INSTALLED=1 but espcore resolves to {0}, not to the installed copy in "
            "{1}: the checkout is on sys.path".format(location, site))
