#!/usr/bin/env python3
"""Browser tests of the web console (issue 15), driven by headless Chromium through Selenium.

Run by scripts/test-console, which starts `shopnlp serve` and passes --base. Every wait is
bounded; a failed check is reported and the run goes on, and the exit status is 1 if any
check failed. Screenshots of each page go to --screenshots.
"""
import argparse
import glob
import json
import os
import random
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PHONE = "13912345678"  # a customer phone typed in the chat: must never reach the server log

failures = []
passes = 0


def check(name, ok, detail=""):
    global passes
    if ok:
        passes += 1
        print(f"test-console: ok   {name}")
    else:
        failures.append(name)
        print(f"test-console: FAIL {name} {detail}", file=sys.stderr)


def make_driver(downloads):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
              "--no-first-run", "--disable-extensions", "--disable-background-networking", "--lang=en-US"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False,
                                           "safebrowsing.enabled": False})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    except WebDriverException:
        pass
    return driver


def wait(driver, cond, seconds=30, what="condition"):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: cond(d))
    except TimeoutException:
        return None


def console_errors(driver, allow_http_errors=False):
    """SEVERE browser-log entries and errors the page's collector caught. With
    allow_http_errors, failed-request entries (the 4xx a bad-input case provokes) are ignored."""
    out = []
    for e in driver.get_log("browser"):
        if e.get("level") != "SEVERE":
            continue
        if allow_http_errors and ("Failed to load resource" in e.get("message", "") or "net::" in e.get("message", "")):
            continue
        out.append(e["message"])
    out += driver.execute_script("return (window.SN && window.SN.errors) || ['console.js did not run']")
    return out


def open_page(driver, base, path):
    driver.get(base + path)
    ok = wait(driver, lambda d: d.find_element(By.ID, "models").text.startswith("models: ")
              and "loading" not in d.find_element(By.ID, "models").text, 20)
    return bool(ok)


def text_of(driver, css):
    els = driver.find_elements(By.CSS_SELECTOR, css)
    return els[0].text if els else ""


def set_file(driver, input_id, path):
    el = driver.find_element(By.ID, input_id)
    driver.execute_script("arguments[0].value = ''", el)
    if path:
        el.send_keys(path)


def wait_download(folder, pattern, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        done = [p for p in glob.glob(os.path.join(folder, pattern)) if not p.endswith(".crdownload")]
        if done:
            time.sleep(0.2)
            return done[0]
        time.sleep(0.1)
    return None


def message_changes(driver, msg_id, before, seconds=30):
    return wait(driver, lambda d: (d.find_element(By.ID, msg_id).text or "") not in ("", before)
                and d.find_element(By.ID, msg_id).text, seconds)


def reviews_file(path, n, seed=7):
    """n reviews (CSV: id, date, text) in Chinese and English, positive and negative, over six months."""
    rng = random.Random(seed)
    pos = ["物流很快，质量很好，非常满意", "客服态度很好，面料舒服", "屏幕清晰，电池续航很长，推荐购买", "The battery life is great and the screen is sharp.",
           "Fast delivery, the quality is excellent.", "外观漂亮，音质不错，性价比高"]
    neg = ["质量太差了，穿了一次就坏了", "物流太慢，等了两个星期，客服也不回复", "电池一天就没电，屏幕还有划痕，很失望",
           "The battery died after a week, terrible quality.", "Customer service never answered and the delivery was late.", "尺码偏小，面料起球，退货麻烦"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,date,text\n")
        for i in range(n):
            month = 1 + (i * 6) // max(1, n)
            good = rng.random() < (0.45 + 0.08 * month)
            text = rng.choice(pos if good else neg)
            f.write(f'r{i + 1},2026-{month:02d}-{1 + i % 28:02d},"{text}"\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--screenshots", required=True)
    ap.add_argument("--bench-reviews", type=int, default=10000)
    ap.add_argument("--bench-limit-ms", type=float, default=float(os.environ.get("CONSOLE_BENCH_LIMIT_MS", "15000")))
    args = ap.parse_args()
    work, shots = args.work, args.screenshots
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads, exist_ok=True)
    os.makedirs(shots, exist_ok=True)

    driver = make_driver(downloads)
    try:
        run(driver, args.base, work, shots, downloads, args)
    except Exception as e:  # noqa: BLE001 - a crash of the run is a failed check, then the summary
        import traceback
        traceback.print_exc()
        check("the browser run finished", False, repr(e))
    finally:
        driver.quit()
    # The server is still up after all the bad input.
    try:
        with urllib.request.urlopen(args.base + "/healthz", timeout=5) as r:
            check("server still healthy after the bad-input cases", r.status == 200)
    except Exception as e:  # noqa: BLE001 - any failure to answer is the finding
        check("server still healthy after the bad-input cases", False, str(e))
    print(f"test-console: {passes} passed, {len(failures)} failed")
    return 1 if failures else 0


def run(driver, base, work, shots, downloads, args):
    # --- every page loads without console errors; one screenshot each
    for path, name in (("/", "home"), ("/chat", "chat"), ("/copy", "copy"), ("/reviews", "reviews")):
        loaded = open_page(driver, base, path)
        check(f"{path} loads and shows the model versions", loaded, text_of(driver, "#models"))
        errs = console_errors(driver)
        check(f"{path} has no console errors", not errs, repr(errs))

    # --- chat: a reply and the debug fields
    open_page(driver, base, "/chat")
    msg = driver.find_element(By.ID, "message")
    msg.send_keys("where is my order")
    driver.find_element(By.ID, "send").click()
    bot = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#log li.bot"), 20)
    check("chat shows a reply", bool(bot) and bool(bot[0].text.strip()))
    fields = {el.get_attribute("data-field"): el.text for el in driver.find_elements(By.CSS_SELECTOR, "#debug dd")}
    for f in ("intent", "confidence", "alternatives", "entities", "slots", "urgency", "handoff", "asks", "words"):
        check(f"chat debug panel shows {f}", f in fields and fields[f] != "", repr(fields.get(f)))
    check("chat understood order_status and asks for the order number", "order_status" in fields.get("intent", "") and fields.get("asks") == "order_id", repr(fields))
    msg.send_keys(f"2024031512345678, my phone is {PHONE}")
    driver.find_element(By.ID, "send").click()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#log li.bot")) >= 2, 20)
    slots = text_of(driver, '#debug dd[data-field="slots"]')
    check("chat fills the order_id slot on the next turn", "order_id=2024031512345678" in slots, slots)
    Select(driver.find_element(By.ID, "lang")).select_by_value("zh")
    msg.send_keys("thanks")
    driver.find_element(By.ID, "send").click()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#log li.bot")) >= 3, 20)
    check("the language toggle forces a Chinese reply", text_of(driver, '#debug dd[data-field="lang"]') == "zh", text_of(driver, '#debug dd[data-field="lang"]'))
    driver.find_element(By.ID, "export-conv").click()
    conv = wait_download(downloads, "conversation*.conv")
    conv_text = open(conv, encoding="utf-8").read() if conv else ""
    check("export as .conv downloads a test", "= intent order_status" in conv_text and PHONE not in conv_text, conv_text[:300])
    driver.find_element(By.ID, "export-transcript").click()
    tr = wait_download(downloads, "transcript-redacted*.txt")
    tr_text = open(tr, encoding="utf-8").read() if tr else ""
    check("export as redacted transcript hides the phone", "[PHONE]" in tr_text and PHONE not in tr_text, tr_text[:300])
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#correct-intent option"), 10)
    Select(driver.find_element(By.ID, "correct-intent")).select_by_value("goodbye")
    driver.find_element(By.ID, "correct").click()
    ok = message_changes(driver, "correct-msg", "", 10)
    check("correcting the last intent saves an example", bool(ok) and "re-labelled" in (ok or ""), str(ok))
    pending = os.path.join(work, "pending.xml")
    check("the correction is in the pending-examples file", os.path.exists(pending) and 'name="goodbye"' in open(pending, encoding="utf-8").read())
    errs = console_errors(driver)
    check("chat page has no console errors after the exchange", not errs, repr(errs))
    driver.save_screenshot(os.path.join(shots, "chat.png"))

    # --- .conv replay marks each turn
    conv_path = os.path.join(work, "replay.conv")
    with open(conv_path, "w", encoding="utf-8") as f:
        f.write("# conversation: passes\n> hey, anybody there to help me?\n= intent greet\n"
                "# conversation: fails on purpose\n> what is the status of order SO246801357\n= intent refund_request\n")
    set_file(driver, "conv-file", conv_path)
    marked = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#replay li.pass, #replay li.fail"), 20)
    check("a .conv replay marks turns pass and fail",
          bool(marked) and len(driver.find_elements(By.CSS_SELECTOR, "#replay li.pass")) == 1
          and len(driver.find_elements(By.CSS_SELECTOR, "#replay li.fail")) == 1, text_of(driver, "#replay"))
    bad_conv = os.path.join(work, "bad.conv")
    with open(bad_conv, "w", encoding="utf-8") as f:
        f.write("> hello\nthis line is not the format\n")
    set_file(driver, "conv-file", bad_conv)
    m = message_changes(driver, "conv-msg", "", 10)
    check("a malformed .conv names its line", bool(m) and "line 2" in m, str(m))
    check("a malformed .conv keeps the previous replay", len(driver.find_elements(By.CSS_SELECTOR, "#replay li.pass")) == 1)
    errs = console_errors(driver, allow_http_errors=True)  # the 400 above is expected; a script error is not
    check("chat page has no script errors after the bad .conv", not errs, repr(errs))
    driver.save_screenshot(os.path.join(shots, "chat-replay.png"))

    # --- copy: a product file gives blurbs; CSV export downloads
    open_page(driver, base, "/copy")
    products = os.path.join(work, "products.jsonl")
    with open(products, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "p1", "title": "纯棉T恤", "brand": "优衣库", "price": "¥99", "specs": {"材质": "纯棉", "颜色": "白色"}}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "p2", "title": "Plush Unicorn", "brand": "Sparkle", "price": "15.00 USD", "specs": {"color": "pink"}}) + "\n")
        f.write(json.dumps({"id": "p3", "brand": "NoName", "specs": {"材质": "涤纶"}}, ensure_ascii=False) + "\n")
    set_file(driver, "products-file", products)
    copy_reviews = os.path.join(work, "copy-reviews.jsonl")
    with open(copy_reviews, "w", encoding="utf-8") as f:
        for i in range(4):
            f.write(json.dumps({"product_id": "p1", "text": f"面料很舒服，穿着透气 {i}"}, ensure_ascii=False) + "\n")
    set_file(driver, "copy-reviews-file", copy_reviews)
    Select(driver.find_element(By.ID, "copy-tone")).select_by_value("lively")
    driver.find_element(By.ID, "describe").click()
    rows = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#blurbs tbody tr"), 30)
    check("a product file gives blurbs", bool(rows) and len(rows) == 2, str(len(rows or [])))
    check("stated facts are highlighted", bool(driver.find_elements(By.CSS_SELECTOR, "#blurbs mark.fact")))
    check("uploaded reviews give review-grounded highlights", "4 reviews: " in text_of(driver, "#blurbs .highlights"), text_of(driver, "#blurbs .highlights"))
    wait(driver, lambda d: "checking" not in text_of(d, "#blurbs tbody"), 20)
    m = text_of(driver, "#products-msg")
    check("a product without a title gets a message beside the control", "no title" in m and "p3" in m, m)
    blurb = driver.find_element(By.CSS_SELECTOR, "#blurbs tbody tr .blurb")
    blurb.click()
    driver.execute_script("const el = arguments[0]; const r = document.createRange(); r.selectNodeContents(el); r.collapse(false); const s = getSelection(); s.removeAllRanges(); s.addRange(r);", blurb)
    blurb.send_keys("，全网最好")
    linted = wait(driver, lambda d: "最好" in text_of(d, "#blurbs tbody tr td:nth-child(3)"), 10)
    check("editing a blurb re-runs lint as you type", bool(linted), text_of(driver, "#blurbs tbody tr td:nth-child(3)"))
    driver.find_element(By.ID, "export-csv").click()
    csv_path = wait_download(downloads, "blurbs-*.csv")
    csv_text = open(csv_path, encoding="utf-8-sig").read() if csv_path else ""
    check("the CSV export downloads", csv_text.startswith("id,title,variant,blurb") and "p1" in csv_text and "全网最好" in csv_text, csv_text[:200])
    driver.find_element(By.ID, "export-jsonl").click()
    jl = wait_download(downloads, "blurbs-*.jsonl")
    check("the JSON Lines export downloads", bool(jl) and all(json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()))
    errs = console_errors(driver)
    check("copy page has no console errors", not errs, repr(errs))
    driver.save_screenshot(os.path.join(shots, "copy.png"))

    # --- copy: bad input keeps the blurbs and says why next to the control
    def copy_case(name, path, expect):
        before = len(driver.find_elements(By.CSS_SELECTOR, "#blurbs tbody tr"))
        prev = text_of(driver, "#products-msg")
        set_file(driver, "products-file", path)
        driver.find_element(By.ID, "describe").click()
        m = message_changes(driver, "products-msg", prev, 60)
        check(f"copy, {name}: message beside the control", bool(m) and any(e in m for e in expect), str(m))
        check(f"copy, {name}: the blurbs are kept", len(driver.find_elements(By.CSS_SELECTOR, "#blurbs tbody tr")) == before)

    wrong = os.path.join(work, "wrong.jsonl")
    with open(wrong, "w", encoding="utf-8") as f:
        f.write("this is a review, not a product\nanother line\n")
    copy_case("wrong format", wrong, ["no product could be read as jsonl"])
    empty = os.path.join(work, "empty.csv")
    open(empty, "w").close()
    copy_case("empty file", empty, ["is empty"])
    badutf = os.path.join(work, "latin1.csv")
    with open(badutf, "wb") as f:
        f.write(b"id,title\nx1,Caf\xe9 cr\xe8me\n")
    copy_case("invalid UTF-8", badutf, ["not valid UTF-8"])
    big = os.path.join(work, "big.jsonl")
    with open(big, "wb") as f:
        line = (json.dumps({"id": "x", "title": "t" * 200}) + "\n").encode()
        f.write(line * (50 * (1 << 20) // len(line) + 1))
    copy_case("50 MB upload", big, ["413", "too large"])
    errs = console_errors(driver, allow_http_errors=True)
    check("copy page has no script errors after bad input", not errs, repr(errs))
    set_file(driver, "products-file", None)

    # --- reviews: a file gives the table and the SVG charts
    open_page(driver, base, "/reviews")
    rf = os.path.join(work, "reviews.csv")
    reviews_file(rf, 300)
    set_file(driver, "reviews-file", rf)
    driver.find_element(By.ID, "analyse").click()
    ok = wait(driver, lambda d: d.find_element(By.ID, "reviews-status").get_attribute("data-count") == "300", 60)
    check("a review file is tagged", bool(ok), text_of(driver, "#reviews-status") + text_of(driver, "#reviews-msg"))
    check("the table shows labels", len(driver.find_elements(By.CSS_SELECTOR, "#reviews-table tbody tr")) == 50
          and bool(driver.find_elements(By.CSS_SELECTOR, "#reviews-table td.label-positive"))
          and bool(driver.find_elements(By.CSS_SELECTOR, "#reviews-table td.label-negative")))
    for chart in ("chart-share", "chart-aspects", "chart-complaints", "chart-trend"):
        check(f"the {chart} SVG is drawn", bool(driver.find_elements(By.CSS_SELECTOR, f"#{chart} svg rect, #{chart} svg polyline")))
    hl = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#reviews-table mark"), 20)
    check("the deciding words are highlighted", bool(hl))
    check("complaint examples are listed", bool(driver.find_elements(By.CSS_SELECTOR, "#complaint-examples li")))
    driver.find_element(By.ID, "download-records").click()
    tagged = wait_download(downloads, "reviews-tagged*.jsonl")
    check("the tagged records download", bool(tagged) and sum(1 for _ in open(tagged, encoding="utf-8")) == 300)
    driver.find_element(By.ID, "download-charts").click()
    cd = wait_download(downloads, "review-charts*.json")
    check("the chart data downloads", bool(cd) and json.load(open(cd, encoding="utf-8"))["total"] == 300)
    errs = console_errors(driver)
    check("reviews page has no console errors", not errs, repr(errs))
    driver.save_screenshot(os.path.join(shots, "reviews.png"))

    def reviews_case(name, path, expect):
        prev = text_of(driver, "#reviews-msg")
        set_file(driver, "reviews-file", path)
        driver.find_element(By.ID, "analyse").click()
        m = message_changes(driver, "reviews-msg", prev, 30)
        check(f"reviews, {name}: message beside the control", bool(m) and any(e in m for e in expect), str(m))
        check(f"reviews, {name}: the table is kept", len(driver.find_elements(By.CSS_SELECTOR, "#reviews-table tbody tr")) == 50)

    wrong_r = os.path.join(work, "wrong-reviews.jsonl")
    with open(wrong_r, "w", encoding="utf-8") as f:
        f.write("great product\nterrible\n")
    reviews_case("wrong format", wrong_r, ["no review could be read as JSON Lines"])
    reviews_case("empty file", empty, ["is empty"])
    reviews_case("invalid UTF-8", badutf, ["not valid UTF-8"])
    reviews_case("50 MB upload", big, ["the most this page takes"])
    errs = console_errors(driver, allow_http_errors=True)
    check("reviews page has no script errors after bad input", not errs, repr(errs))

    # --- speed: a 10,000-review upload end to end (file chosen → charts drawn)
    if args.bench_reviews > 0:
        open_page(driver, base, "/reviews")
        bf = os.path.join(work, "reviews-10k.csv")
        reviews_file(bf, args.bench_reviews, seed=11)
        set_file(driver, "reviews-file", bf)
        t0 = time.time()
        driver.find_element(By.ID, "analyse").click()
        ok = wait(driver, lambda d: d.find_element(By.ID, "reviews-status").get_attribute("data-count") == str(args.bench_reviews), 120)
        wall = (time.time() - t0) * 1000
        ms = float(driver.find_element(By.ID, "reviews-status").get_attribute("data-ms") or "nan")
        split = driver.find_element(By.ID, "reviews-status").get_attribute("data-split")
        print(f"test-console: BENCH {args.bench_reviews} reviews end to end: page {ms:.0f} ms (read+parse/tag/draw {split} ms), click-to-done {wall:.0f} ms")
        check(f"{args.bench_reviews} reviews tagged within {args.bench_limit_ms:.0f} ms", bool(ok) and ms < args.bench_limit_ms, f"{ms:.0f} ms")
        driver.save_screenshot(os.path.join(shots, "reviews-10k.png"))

    open_page(driver, base, "/")
    driver.save_screenshot(os.path.join(shots, "home.png"))


if __name__ == "__main__":
    sys.exit(main())
