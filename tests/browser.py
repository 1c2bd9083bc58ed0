"""A real headless Chromium for the live page's tests: Debian's packages, driven by Selenium.

The test set-up installs what it needs: `pip install -e '.[test]'` brings Selenium, and
the browser and its driver come from Debian (`chromium`, `chromium-driver`, versions that
match), installed here on first use when we are root and apt-get is there, as on CI.
Under CI=true a browser that still can't be had fails the run loudly; elsewhere the browser
tests are skipped with the reason.

`python -m tests.browser` installs it ahead of time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ("chromium", "chromium-driver")

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # root, in a container
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def missing() -> str:
    """Why the browser can't be used ("" when it can)."""
    lost = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    return f"{' and '.join(lost)} not installed" if lost else ""


def install() -> str:
    """Install the browser from Debian's packages if it is missing; why not, or ""."""
    if not missing():
        return ""
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        return f"{missing()}: install them with apt-get install {' '.join(PACKAGES)} (as root)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing {' '.join(PACKAGES)} from Debian for the browser tests…", file=sys.stderr)
    steps = (
        [apt, "update", "-qq"],
        [apt, "install", "-y", "-qq", "--no-install-recommends", *PACKAGES],
    )
    for step in steps:
        done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return f"{' '.join(step)} failed: {' / '.join(tail)}"
    return missing()


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def chrome(width: int = 1200, height: int = 800):
    """A headless Chromium through its Debian driver (no download of anything)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--window-size={width},{height}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


if __name__ == "__main__":
    why = install()
    print(why or f"{CHROMIUM} and {CHROMEDRIVER} are installed")
    raise SystemExit(1 if why else 0)
