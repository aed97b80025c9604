"""The pages in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium):
fill the forms, read the numbers the library gives, see the plot and the error at the field."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import tcrlab

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Screenshots go to a temporary folder; `TCRLAB_SCREENSHOT_DIR=docs/img pytest tests/web` refreshes the
# pictures the docs show (a test run leaves the working tree as it was).
IMG = Path(os.environ.get("TCRLAB_SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="tcrlab-screens-"))


def _install_chromium() -> str | None:
    """Install Debian's chromium and chromium-driver when missing; the reason it cannot, else None."""
    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        return None
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return "chromium/chromedriver are not installed and apt-get as root is not available"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900, check=False)
        if done.returncode != 0:
            return f"`{' '.join(cmd)}` failed: {done.stderr.strip()[-300:]}"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    reason = _install_chromium()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver: object, css: str, timeout: float = 30.0) -> object:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def _set(driver: object, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By

    el = driver.find_element(By.NAME, name)
    el.clear()
    el.send_keys(value)


def test_joint_page_gives_the_library_numbers(browser: object, live_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/joint")
    _set(browser, "solid1", "SS304")
    _set(browser, "solid2", "Ni200")
    _set(browser, "joint.sigma", "2 um")
    _set(browser, "joint.pressure", "3 MPa")
    browser.find_element(By.ID, "joint-submit").click()
    _wait(browser, "#joint-results")
    shown = float(browser.find_element(By.ID, "h_j").text)
    direct = tcrlab.Joint("SS304", "Ni200", pressure=3e6, sigma=2e-6, slope=0.1, gas="air",
                          gas_pressure=101325.0, temperature=300.0).evaluate(emit_warnings=False)
    assert shown == pytest.approx(float(direct.h_j), rel=5e-4)  # the page rounds to 4 digits
    assert browser.find_elements(By.CSS_SELECTOR, "#result svg"), "the h vs pressure plot is drawn"
    assert not browser.find_element(By.ID, "dl-csv").get_attribute("hidden")
    IMG.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(IMG / "web_joint.png"))


def test_joint_page_shows_a_bad_value_at_its_field(browser: object, live_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/joint")
    _set(browser, "joint.sigma", "-1 um")
    browser.find_element(By.ID, "joint-submit").click()
    message = _wait(browser, ".field-error")
    assert "sigma" in message.text and "> 0" in message.text
    field = browser.find_element(By.NAME, "joint.sigma")
    assert "invalid" in field.get_attribute("class")
    # the message sits right after the σ field's label
    after = browser.execute_script("return arguments[0].closest('label').nextElementSibling;", field)
    assert after.text == message.text


def test_heat_path_page_builds_the_article_cpu(browser: object, live_server: str) -> None:
    """Built by hand in the editor: 0.5 mm Si, the 1.2e-4 m²K/W interface, 6 mm Al, k at 300 K —
    the drops read 1.0 / 36 / 7.6 K."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(live_server + "/stack")
    _wait(browser, "#layers li")
    for button in browser.find_elements(By.CSS_SELECTOR, "#layers .remove"):
        button.click()
    assert not browser.find_elements(By.CSS_SELECTOR, "#layers li")
    _set(browser, "case.width", "2 cm")
    _set(browser, "case.length", "2 cm")
    _set(browser, "boundary.power", "120 W")
    _set(browser, "boundary.sink_temperature", "40 degC")
    Select(browser.find_element(By.NAME, "solver.conductivity")).select_by_value("reference")
    layers = [("conduction", "silicon die", {"material": "Si", "thickness": "0.5 mm"}),
              ("contact", "die / heat-sink interface", {"resistance": "1.2e-4 K m^2/W"}),
              ("conduction", "aluminium base", {"material": "Al", "thickness": "6 mm"})]
    for i, (kind, name, fields) in enumerate(layers, start=1):
        browser.find_element(By.ID, "add-layer").click()
        row = browser.find_elements(By.CSS_SELECTOR, "#layers > li")[i - 1]
        Select(row.find_element(By.CSS_SELECTOR, "select.kind")).select_by_value(kind)
        row.find_element(By.CSS_SELECTOR, "input.lname").send_keys(name)
        for key, value in fields.items():
            row.find_element(By.CSS_SELECTOR, f'[data-key="{key}"]').send_keys(value)
    browser.find_element(By.ID, "stack-submit").click()
    _wait(browser, "#stack-results")
    drops = [float(td.text) for td in browser.find_elements(By.CSS_SELECTOR, "#stack-results td.dT")]
    assert drops == pytest.approx([1.01, 36.0, 7.6], abs=0.01)
    assert "die / heat-sink interface" in browser.find_element(By.CSS_SELECTOR, "tr.bottleneck").text
    assert browser.find_elements(By.CSS_SELECTOR, "#result svg"), "the profile is drawn"
    browser.save_screenshot(str(IMG / "web_stack.png"))


def test_heat_path_error_shows_at_the_layer_field(browser: object, live_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/stack")
    _wait(browser, "#layers li")
    thickness = browser.find_elements(By.CSS_SELECTOR, '#layers [data-key="thickness"]')[0]
    thickness.clear()
    thickness.send_keys("-2 mm")
    browser.find_element(By.ID, "stack-submit").click()
    message = _wait(browser, ".field-error")
    assert "layer[1].thickness" in message.text
    assert "invalid" in thickness.get_attribute("class")


def test_kapitza_page_draws_the_models(browser: object, live_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/kapitza")
    _set(browser, "kapitza.material1", "Al")
    _set(browser, "kapitza.material2", "Si")
    browser.find_element(By.ID, "kapitza-submit").click()
    _wait(browser, "#kapitza-results")
    assert browser.find_elements(By.CSS_SELECTOR, "#result svg")
    assert "AMM" in browser.find_element(By.ID, "result").text or "amm" in browser.find_element(By.ID, "result").text


def test_spreading_page_gives_the_library_value(browser: object, live_server: str) -> None:
    """The default page is the CPU die on a 6 cm × 6 cm, 6 mm aluminium base with a fin-side h: R_s is the
    rectangular flux-channel value the library gives for it."""
    from selenium.webdriver.common.by import By

    from tcrlab.materials import get_material
    from tcrlab.spreading import rectangle_resistance

    browser.get(live_server + "/spreading")
    browser.find_element(By.ID, "spreading-submit").click()
    _wait(browser, "#spreading-results")
    shown = float(browser.find_element(By.ID, "R_s").text)
    k_al = get_material("Al").thermal_conductivity()
    direct = rectangle_resistance(0.02, 0.02, 0.06, 0.06, 0.006, k_al, 1500.0)
    assert shown == pytest.approx(float(direct), rel=5e-4)
    browser.save_screenshot(str(IMG / "web_spreading.png"))
    _set(browser, "source_length", "8 cm")
    browser.find_element(By.ID, "spreading-submit").click()
    message = _wait(browser, ".field-error")
    assert "larger than the plate" in message.text
    assert "invalid" in browser.find_element(By.NAME, "source_length").get_attribute("class")
