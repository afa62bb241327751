# Lead's verdicts on the seed-1905 sheet. First read 5 Dec 2026, 01:10-01:35 UTC (4bdf508/0a588dd); the 25 blurbs
# that changed with the merges of polar/speed/house re-read at about 02:08 UTC; the 65 that changed with the LM
# shortlist of 12 and 32 candidates per template (8131d7e: 24 zh, 41 en) re-read 04:58-05:00 UTC; the 33 that
# changed with the self-normalised ranking LMs (22 zh, 11 en) re-read 5 Dec 18:30-18:31 UTC.
# "ok" = every claim is an attribute value of the record or true of that value; notes are readability defects.
# (Until 8131d7e the EN dict also held five stray Chinese notes, a copying slip: en 17 and en 24 carried
# zh notes; their verdict, ok, was right.)
ZH = {
 3: "ok; 精致 twice in one sentence (readability)",
 5: "ok; 打破了 twice in one sentence (readability)",
 8: "ok; 水洗 (a wash, listed under 材质) named as a fabric, as the record lists it; 长裤、连体裤的长度 reads oddly",
 10: "ok; 上班还是约会逛街 is a generic closing, not a fact claim",
 11: "ok; 水洗 named as a fabric, as the record lists it",
 13: "ok; 淑女、潮的格调 is ungrammatical (readability)",
 14: "ok; 纯色, 蕾丝 and 拉链 each said twice (readability)",
 15: "ok; 浅蓝色 said twice (readability)",
 17: "ok; 还能遮风挡阳 is true of a hood",
 18: "ok; 套头门襟方便穿脱 is plausible for a pullover",
 20: "ok; 小个子也能轻松驾驭 is the claims table's benefit of 显瘦",
 22: "ok; 毛边的设计 after 裙摆处的 doubles 的 (readability)",
 26: "ok; 针织针织衫: the material repeats the garment name (readability bug)",
 27: "ok; the record's three trouser types contradict each other (data)",
 32: "ok; the record's skirt types (背带裙, 牛仔裙, 小黑裙) and 撞色 contradict each other (data); 修饰了腿部 is the usual benefit of these cuts",
 33: "ok; 纽扣…精致又实用 is puffery, not a fact claim",
 35: "ok; 展现出迷人的锁骨 is true of a V neck",
 36: "ok; 精致 twice (readability)",
 37: "ok; 遮住胯部 is the usual benefit of an A-line skirt",
 39: "ok; 身材比例 and 修饰身形 repeated across sentences (readability)",
 42: "ok; V领 and 高领 together is the record's (data); 套头…方便穿脱 is plausible",
 45: "ok; one short sentence: the record names only the type",
 47: "ok; 长袖…穿着更灵活 is a stretch for long sleeves (weak wording, not a fact claim)",
 50: "ok; 白色 said twice (readability)",
}
EN = {
 1: "ok; 'It creates privacy / Provides UV protection' keeps the seller's slash (readability)",
 2: "ok; 'Great for the racing enthusiast' is the seller's 'Perfect for …' with the word replaced",
 3: "ok; the brand is said twice ('Robinson Racing Products Robinson Racing …') (readability); 'ages 16 years' from '16-16years'",
 4: "ok; 'the great size … the great companion' is the replaced 'perfect' (readability)",
 5: "ok; the name is repeated as a sentence; 'Polyester.' alone (readability)",
 7: "ok; 'high-quality materials' is the seller's own wording",
 9: "ok as to claims; the seller's bullets are scraped garbage ('Mix those s and one') and pass through (readability)",
 10: "ok; 'absorbs more road vibration than any other K2 frame' compares with the maker's own frames, stated by the maker",
 12: "ok; the age is said twice (bullet and spec) (readability)",
 14: "ok; 'tested for child safety' is the seller's bullet, kept as the record's fact",
 18: "ok; 'Suggested age: 2 - 8 months' is the record's spec (odd for the product, but not ours)",
 21: "ok; the seller's capitalised labels ('CELEBRATE BABY'S BIRTH MONTH -') pass through (readability)",
 31: "ok; the seller's 'you want one because they are cute' passes through (readability)",
 35: "ok; '#1' cut, 'the Teacher Approved Brand' is the seller's",
 36: "ok; '100%' cut from 'UV400 protection'",
 38: "ok; the name ends at 'Doll House' (the trailing comma's part is dropped)",
 41: "ok; the name is repeated as a sentence (readability)",
 43: "ok; '… Yamashiro 1: 7 Scale PVC Figure' (the name is no longer cut at the ratio)",
 44: "ok: the seller's popularity claim ('most asked for') stays cut; what is left ('The world's horses since 1950.') reads badly",
 45: "ok; the seller's guarantee bullet is left out",
 48: "ok; 'unmatched' cut",
 49: "ok; '100Percent' is the seller's; 'Cover:' is dropped, so 'filling: 100Percent polyester' reads oddly (readability)",
}
