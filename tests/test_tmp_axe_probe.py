import pytest
from .test_browser import *  # noqa
from .test_browser import LICENCE_AXE_PAGES, REPORT_AXE_PAGES, url, login, PASSWORD
from .browser import WCAG_21_AA


def probe(page, live_server, scenario, name, spec):
    from axe_playwright_python.sync_playwright import Axe
    who, url_name, obj, submit = spec
    url_name, _, query = url_name.partition("?")
    login(page, live_server, scenario[who], PASSWORD)
    args = [] if obj is None else [scenario[obj].pk]
    page.goto(url(live_server, url_name, *args) + (f"?{query}" if query else ""))
    if submit:
        with page.expect_navigation():
            page.click(submit)
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x>')") if name == "tariffs" else None
    r = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}).response
    print(f"\n=== {name}: {len(r['violations'])} violations, passes {len(r['passes'])}")
    for v in r["violations"]:
        print("  VIOLATION", v["id"], [n["target"] for n in v["nodes"]][:3])
    for v in r["incomplete"]:
        print("  INCOMPLETE", v["id"], len(v["nodes"]))
        for n in v["nodes"][:6]:
            msgs = [c["message"] for c in n.get("any", []) + n.get("all", []) + n.get("none", [])]
            print("     ", n["target"], n["html"][:120], msgs[:1])


@pytest.mark.parametrize("name", LICENCE_AXE_PAGES)
def test_l(page, live_server, licence_scenario, name):
    probe(page, live_server, licence_scenario, name, LICENCE_AXE_PAGES[name])


@pytest.mark.parametrize("name", REPORT_AXE_PAGES)
def test_r(page, live_server, report_scenario, name):
    probe(page, live_server, report_scenario, name, REPORT_AXE_PAGES[name])
