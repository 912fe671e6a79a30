"""What the tests need from outside Python: Node.js packages pinned in a folder of tests/
(installed there by the first run, from the folder's lock file) and Debian's Chromium.

On CI a missing tool fails the run; elsewhere the tests that need it skip and say why.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("DKG_CHROMIUM", "/usr/bin/chromium"))
_APT_PACKAGES = ["chromium"]


def _missing(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def node_with_packages(folder: Path, package: str) -> Path:
    """The `node` executable, once `folder`'s locked npm packages (`package` among them)
    are installed into its node_modules."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _missing(f"node and npm are needed for the tests in {folder.name}")
    if not (folder / "node_modules" / package).is_dir():
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=folder,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            pytest.fail(f"npm ci in {folder} failed:\n{done.stderr[-2000:]}")
    return Path(node)


def chromium() -> Path:
    """Debian's Chromium, installed with apt-get when missing and the tests run as root."""
    if CHROMIUM.is_file():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        _missing(f"{CHROMIUM} is missing: install Debian's chromium package "
                 f"(apt-get install {' '.join(_APT_PACKAGES)}) or set DKG_CHROMIUM")
    install = [apt, "install", "-y", *_APT_PACKAGES]
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(install, capture_output=True, text=True, timeout=1200, env=environment)
    if done.returncode != 0:  # stale package lists: refresh them once
        subprocess.run([apt, "update"], capture_output=True, timeout=600, env=environment)
        done = subprocess.run(install, capture_output=True, text=True, timeout=1200,
                              env=environment)
    if done.returncode != 0 or not CHROMIUM.is_file():
        _missing(f"apt-get could not install chromium:\n{done.stderr[-2000:]}")
    return CHROMIUM
