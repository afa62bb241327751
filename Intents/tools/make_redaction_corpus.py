#!/usr/bin/env python3
"""Writes the redaction test corpus: Intents/eval/redaction.txt (one customer message a
line, zh and en) and Intents/eval/redaction.expected.txt (the same line as a transcript
must show it: every piece of customer data replaced by its tag, everything else,
order numbers and amounts included, unchanged).

Usage: python3 Intents/tools/make_redaction_corpus.py   (deterministic: seeded)

Messages come from templates with typed holes; the expected line is the template with each
hole replaced by its tag, so the expectation never depends on the redactor under test.
"""
import os, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rng = random.Random(13)

def fw(s):
    """Full-width digits, as some Chinese keyboards type them."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)

def cn_id(prefix, birth, seq):
    body = prefix + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * x for d, x in zip(body, w)) % 11]

VALUES = {
    "PHONE": ["13812345678", "138-1234-5678", "138 1234 5678", "+86 139 1234 5678", "+8613712345678", fw("13812345678"),
              "0755-86013388", "010-62345678", "(021) 6123 4567", "021-61234567", "0571-88886666转123", "(415) 555-2671",
              "415-555-0199", "+1 650 253 0000", "212.555.0147"],
    "EMAIL": ["li.ming@example.com", "Jane+shop@mail.example.co.uk", "wang_fang88@163.com", "bob.smith@example.org"],
    "CARD": ["4111 1111 1111 1111", "4111111111111111", "5500-0000-0000-0004", "3782 822463 10005", "378282246310005",
             "6222020200112233445", "6011 0009 9013 9424"],
    "ID": [cn_id("110105", "19491231", "002"), cn_id("440305", "19900307", "123"), cn_id("320102", "20010815", "456"),
           cn_id("510104", "19851120", "78"[0] + "91")],
    "PASSPORT": ["E12345678", "G87654321", "123456789", "AB1234567"],
    "SSN": ["123-45-6789", "078-05-1120", "219-09-9999"],
    "CVV": ["123", "4567", "987"],
    "EXP": ["12/27", "03/2026", "1/29", "2027-08"],
    "ADDR_ZH": ["上海市浦东新区世纪大道100号", "北京市朝阳区建国路88号SOHO现代城2号楼1502室",
                "浙江省杭州市西湖区文三路 477 号华星科技大厦 6 楼", "广东省深圳市南山区科技园路1号", "成都市武侯区人民南路四段12号",
                "南京市鼓楼区中山路18号3栋2单元501室", "杭州市余杭区文一西路969号"],
    "ADDR_EN": ["Flat 3, 221B Baker Street, London NW1 6XE", "1600 Amphitheatre Parkway, Mountain View, CA 94043",
                "742 Evergreen Terrace, Springfield", "10 Downing Street, London SW1A 2AA", "350 Fifth Avenue, Apt 5B, New York, NY 10118",
                "12 High Street, Oxford OX1 4AA", "55 Water St, Brooklyn, NY 11201"],
    "NAME_ZH": ["王小明", "李雷", "张伟", "欧阳娜娜", "陈静"],
    "NAME_EN": ["Jane Doe", "John Smith", "Mary-Ann Lee", "Li Ming", "Carlos Garcia"],
}
TAGS = {"PHONE": "[PHONE]", "EMAIL": "[EMAIL]", "CARD": "[CARD]", "ID": "[ID]", "PASSPORT": "[PASSPORT]", "SSN": "[SSN]",
        "CVV": "[CVV]", "EXP": "[EXPIRY]", "ADDR_ZH": "[ADDRESS]", "ADDR_EN": "[ADDRESS]", "NAME_ZH": "[NAME]", "NAME_EN": "[NAME]"}

ORDERS = ["2024031512345678", "2024-0518-1234-5678", "SO123456789", "SO 246813579", "#SO-246813579", "2024071012345678"]

ZH = [
    "我的手机号是{PHONE}，有事打我", "电话{PHONE}", "联系电话：{PHONE}，谢谢", "订单{ORDER}的收货电话改成{PHONE}",
    "座机{PHONE}，白天有人", "发票发到{EMAIL}", "邮箱 {EMAIL} 收不到验证码", "卡号{CARD}扣款失败了",
    "我用的卡是{CARD}，有效期{EXP}，安全码{CVV}", "身份证{ID}", "我的身份证号码是{ID}，实名认证不了", "实名信息：{ID}",
    "护照号{PASSPORT}，海外购需要吗", "地址改成{ADDR_ZH}", "请把订单{ORDER}的地址改成{ADDR_ZH}", "寄到{ADDR_ZH}，谢谢",
    "收货地址：{ADDR_ZH}", "我住在{ADDR_ZH}，能送货上门吗", "收件人{NAME_ZH}，电话{PHONE}", "收件人：{NAME_ZH}，地址：{ADDR_ZH}",
    "收货人是{NAME_ZH}", "我叫{NAME_ZH}，订单{ORDER}到哪了", "联系人{NAME_ZH} {PHONE}", "订单{ORDER}退款到卡{CARD}了吗",
    "{PHONE}", "手机{PHONE}，邮箱{EMAIL}", "订单 {ORDER} 付了 ¥199，卡号 {CARD}",
]
EN = [
    "my phone is {PHONE}", "call me at {PHONE} please", "you can reach me on {PHONE}", "change the phone on order {ORDER} to {PHONE}",
    "send the invoice to {EMAIL}", "my email {EMAIL} isn't getting the code", "card {CARD} was charged twice",
    "card number {CARD} exp {EXP} cvv {CVV}", "my card is {CARD}, expiry {EXP}, security code {CVV}", "SSN {SSN} for the tax form",
    "my social security number is {SSN}", "passport {PASSPORT} for customs", "passport number: {PASSPORT}",
    "please send it to {ADDR_EN}", "new address: {ADDR_EN}", "change the address of order {ORDER} to {ADDR_EN}",
    "deliver to {ADDR_EN} instead", "recipient: {NAME_EN}, {ADDR_EN}", "the recipient is {NAME_EN}", "my name is {NAME_EN} and my order is {ORDER}",
    "ship to {NAME_EN}, {ADDR_EN}", "ID card {ID} for the customs declaration", "{EMAIL}", "refund order {ORDER} to card {CARD}",
    "order {ORDER}: I paid $49.99 with card {CARD}",
]
# lines without customer data: order numbers, amounts, dates, sizes, product numbers must survive untouched
CLEAN = [
    "订单 2024031512345678 什么时候到", "where is SO123456789?", "订单号 2024-0518-1234-5678 到哪了", "order #SO-246813579 please",
    "我付了299元，优惠券减了50块", "I was charged $49.99 on 03/15/2024", "42码的鞋还有吗", "do you have it in size XL?",
    "my order 12345 is late", "tracking number 20240315123456789012", "买了3件，2024年3月15号下的单", "it dropped 20 dollars after I bought it",
    "the 2 shirts arrived on March 15th", "订单2024071012345678的地址还能改吗", "I live on the second floor", "能发顺丰吗，3天能到吗",
    "身高170体重65穿多大", "I'm 180 cm and 75 kg", "SO 246813579 and SO987654321 both late", "价格从1299降到999了",
    "is it 100% cotton", "room for 4 people tent?", "第3次问了，还没到", "the box had 24 cans",
]

def fill(t):
    msg, exp = t, t
    while "{" in msg:
        i = msg.index("{"); j = msg.index("}", i); key = msg[i + 1:j]
        if key == "ORDER":
            v = rng.choice(ORDERS); tag = v
        else:
            v = rng.choice(VALUES[key]); tag = TAGS[key]
        msg = msg[:i] + v + msg[j + 1:]
        k = exp.index("{" + key + "}")
        exp = exp[:k] + tag + exp[k + len(key) + 2:]
    return msg, exp

lines = []
for templates in (ZH, EN):
    for t in templates:
        for _ in range(5):
            lines.append(fill(t))
lines += [(c, c) for c in CLEAN]
seen, out = set(), []
for m, e in lines:
    if m not in seen:
        seen.add(m); out.append((m, e))
with open(os.path.join(ROOT, "eval", "redaction.txt"), "w", encoding="utf-8") as f:
    f.write("".join(m + "\n" for m, _ in out))
with open(os.path.join(ROOT, "eval", "redaction.expected.txt"), "w", encoding="utf-8") as f:
    f.write("".join(e + "\n" for _, e in out))
print(f"{len(out)} messages ({sum(1 for m, e in out if m != e)} with customer data)")
