"""A real headless Chromium for the tests, from the system's packages (Debian: chromium, chromium-driver).

When the browser is missing, the test set-up installs it with apt-get (as root, where apt-get exists);
a test that needs it is skipped, with the reason, only when that cannot be done.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ("chromium", "chromium-driver")
INSTALL_TIMEOUT = 900  # seconds: a download of some 100 MB from the package mirror
# Nothing the test does not ask for: no GPU, no first-run pages, no calls home.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,1800")


def _apt_get(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(["apt-get", *args], capture_output=True, text=True, timeout=INSTALL_TIMEOUT, env=env)


def ensure_chromium() -> str | None:
    """None when Chromium and its driver are there (installed now if need be), else why not."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return None
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return "Chromium is not installed and apt-get cannot install it here (no apt-get, or not root)"
    try:
        installed = _apt_get("install", "-y", "-q", *PACKAGES)
        if installed.returncode != 0:  # the package lists may be missing or old
            _apt_get("update", "-q")
            installed = _apt_get("install", "-y", "-q", *PACKAGES)
    except subprocess.TimeoutExpired:
        return f"apt-get install {' '.join(PACKAGES)} took over {INSTALL_TIMEOUT}s"
    if installed.returncode != 0 or not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        last = (installed.stderr.strip().splitlines() or ["no message"])[-1]
        return f"apt-get install {' '.join(PACKAGES)} failed: {last}"
    return None


def start_chromium(profile: Path):
    """A WebDriver session on the system's Chromium, with console and network logs kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
