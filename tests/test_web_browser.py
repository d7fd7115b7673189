"""The pages in a real browser: Debian's headless Chromium driven by Selenium (tests/browser.py).

One browser and one served app for the module; the app's database is built from seeds/, plus
one source whose title, outlet, role and text hold HTML meant to run.
"""
from __future__ import annotations

import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import (CHROMEDRIVER, CHROMIUM, browser_session, get, post_json, seeded_app,
                           serving)

GUPTA = "q_e472e05cafc7"  # South China Morning Post, two thirds down a 5,367-character text
HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror=alert("img")>'
HOSTILE_OUTLET = '<img src=x onerror=alert("outlet")>'
HOSTILE_TEXT = ('The council met on Tuesday.\n\n“<script>alert("text")</script> We will <b>win</b> '
                'this vote,” said Ana Lopez, the mayor of <img src=x onerror=alert("role")> '
                'Springfield.\n')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), \
        "headless Chromium is missing: `make test` installs chromium and chromium-driver"
    with serving(seeded_app(tmp_path_factory.mktemp("site"))) as root:
        hostile = post_json(f"{root}/v1/sources", {
            "text": HOSTILE_TEXT, "outlet": HOSTILE_OUTLET, "title": HOSTILE_TITLE,
            "published": "2024-04-10", "url": "https://example.org/vote"})
        yield {"root": root, "hostile": hostile}


@pytest.fixture(scope="module")
def browser(site):
    with browser_session() as driver:
        driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": site["root"], "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        yield driver


def marks(browser) -> list[dict]:
    return browser.execute_script(
        "return [...document.querySelectorAll('mark[data-quote]')].map(m => ({"
        "id: m.id, quote: m.dataset.quote, text: m.textContent, kind: m.className,"
        "href: m.querySelector('a') && m.querySelector('a').getAttribute('href')}))")


def follow(browser, element, action) -> None:
    """Do an action that leaves the page (a click, a submit); return once the next page is in."""
    action()
    WebDriverWait(browser, 10).until(staleness_of(element))


def in_viewport(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0", element)


def test_the_quote_page_marks_exactly_the_quote_and_scrolls_it_into_view(site, browser):
    status, _, _ = get(f"{site['root']}/v1/quotes/{GUPTA}")
    assert status == 200
    browser.get(f"{site['root']}/quotes/{GUPTA}#{GUPTA}")
    assert marks(browser) == [{"id": GUPTA, "quote": GUPTA, "kind": "direct", "href": None,
                               "text": "We are working hard to … be able to have those "
                                       "conversations."}]
    mark = browser.find_element(By.ID, GUPTA)
    assert in_viewport(browser, mark)
    assert browser.execute_script("return window.scrollY") > 0  # the text was scrolled to it
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Rahul Gupta, director of the White House Office of National Drug Control Policy" \
        in facts
    assert "2022-09-28" in facts and "South China Morning Post" in facts
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)")
    assets = f"{site['root']}/assets/"
    assert all(name.startswith(assets) for name in loaded)  # all from the app: works offline
    assert {f"{assets}copy.js", f"{assets}verbatim.css"} <= set(loaded)


def test_links_html_opens_the_page_with_the_quote_in_view(site, browser):
    _, _, body = get(f"{site['root']}/v1/quotes/{GUPTA}")
    browser.get(json.loads(body)["links"]["html"])
    assert in_viewport(browser, browser.find_element(By.ID, GUPTA))


def test_the_copy_button_puts_the_citation_on_the_clipboard(site, browser):
    browser.get(f"{site['root']}/quotes/{GUPTA}")
    button = browser.find_element(By.CSS_SELECTOR, "button[data-copy='cite-mla']")
    browser.execute_script("arguments[0].scrollIntoView()", button)
    button.click()
    WebDriverWait(browser, 5).until(lambda _: button.text == "Copied")  # written
    clipboard = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))")
    assert clipboard == ("“Don’t Blame China for US Opioid Crisis, Says Ambassador Qin Gang.” "
                         "South China Morning Post, 30 Sept. 2022, "
                         "https://www.scmp.com/news/china/diplomacy/article/3194428.")


def test_the_source_page_marks_every_quote_direct_and_reported_apart(site, browser):
    browser.get(f"{site['root']}/sources/s_f6b4b4b3383c")  # AFP: 2 full, 6 partial, 2 indirect
    found = marks(browser)
    kinds = [mark["kind"] for mark in found]
    assert (kinds.count("direct"), kinds.count("reported")) == (8, 2)
    assert browser.find_element(By.ID, "text").get_attribute("lang") == "en"  # the source's
    assert all(mark["href"] == f"/quotes/{mark['quote']}#{mark['quote']}" for mark in found)
    burns = next(mark for mark in found if mark["quote"] == "q_0657c64f7238")
    assert burns["text"] == "Frankly, we have not seen progress on this issue,"
    link = browser.find_element(By.CSS_SELECTOR, "mark[data-quote='q_0657c64f7238'] a")
    follow(browser, link, link.click)
    assert browser.current_url == f"{site['root']}/quotes/q_0657c64f7238#q_0657c64f7238"
    assert in_viewport(browser, browser.find_element(By.ID, "q_0657c64f7238"))


def test_search_pages_through_every_match_by_keyset(site, browser):
    browser.get(f"{site['root']}/search")
    form = browser.find_element(By.CSS_SELECTOR, "form.search")
    form.find_element(By.NAME, "q").send_keys("fentanyl")
    form.find_element(By.NAME, "limit").clear()
    form.find_element(By.NAME, "limit").send_keys("8")
    follow(browser, form, form.submit)
    seen = []
    while True:
        seen += [link.get_attribute("href") for link in
                 browser.find_elements(By.CSS_SELECTOR, "ul.quotes a.said")]
        following = browser.find_elements(By.CSS_SELECTOR, "a[rel=next]")
        if not following:
            break
        follow(browser, following[0], following[0].click)
    assert "21 quotes" in browser.find_element(By.CSS_SELECTOR, "p.total").text
    assert len(seen) == len(set(seen)) == 21


def test_the_speaker_page_lists_their_quotes(site, browser):
    browser.get(f"{site['root']}/speakers/rahul-gupta")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Rahul Gupta"
    links = [link.get_attribute("href") for link in
             browser.find_elements(By.CSS_SELECTOR, "ul.quotes a.said")]
    assert len(links) == 2 and f"{site['root']}/quotes/{GUPTA}#{GUPTA}" in links


@pytest.mark.parametrize("page", ["source", "quote"])
def test_html_in_a_title_outlet_role_or_text_runs_nothing(site, browser, page):
    source = site["hostile"]
    quote = source["quotes"][0]
    url = {"source": source["links"]["html"], "quote": quote["links"]["html"]}[page]
    _, headers, _ = get(url)
    assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self';")
    browser.get(url)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    scripts = browser.execute_script(
        "return [...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ({"source": [], "quote": ["/assets/copy.js"]}[page])
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert browser.find_elements(By.TAG_NAME, "b") == []
    assert browser.find_element(By.CSS_SELECTOR, "mark[data-quote]").get_attribute(
        "textContent") == '<script>alert("text")</script> We will <b>win</b> this vote,'
    assert browser.execute_script("return document.body.textContent").count(HOSTILE_OUTLET) >= 1
