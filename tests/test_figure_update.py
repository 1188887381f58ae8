"""保留我的文字，只更新数字: the figures the records changed between two drafts of a paragraph are
replaced in the secretary's wording, as she wrote them, and only where each can be placed."""
from reports.documents.figure_update import figures_in, update_figures

OLD = "春节期间，工会走访慰问困难职工12人次，发放慰问金36000元。"
NEW = "春节期间，工会走访慰问困难职工15人次，发放慰问金37500元。"


def test_her_wording_keeps_and_the_figures_move_on():
    mine = "春节前夕，工会班子分头走访慰问困难职工12人次，送去慰问金36000元，把温暖送到了职工心坎上。"
    update = update_figures(mine, OLD, NEW)
    assert update.text == "春节前夕，工会班子分头走访慰问困难职工15人次，送去慰问金37500元，把温暖送到了职工心坎上。"
    assert [(c.old, c.new) for c in update.changes] == [("12人次", "15人次"), ("36000元", "37500元")]
    assert update.applicable and update.unplaced == []


def test_an_amount_she_wrote_in_wan_yuan_stays_in_wan_yuan_at_her_precision():
    mine = "慰问困难职工12人次，发放慰问金3.6万元。"
    update = update_figures(mine, OLD, NEW)
    assert update.text == "慰问困难职工15人次，发放慰问金3.8万元。"


def test_a_rate_and_a_congress_session_in_chinese_numerals():
    update = update_figures("计划完成率为91.3%，成效明显。", "已完成21项，完成率91.3%。", "已完成22项，完成率95.7%。")
    assert update.text == "计划完成率为95.7%，成效明显。"
    session = update_figures(
        "召开第三届教代会第二次会议，审议通过了工作报告。",
        "工会组织召开三届二次教职工代表大会。",
        "工会组织召开三届三次教职工代表大会。",
    )
    assert session.text == "召开第三届教代会第三次会议，审议通过了工作报告。"


def test_a_number_inside_a_longer_number_is_not_a_figure():
    assert [f.written for f in figures_in("共120人次，经费1200元")] == ["120人次", "1200元"]
    update = update_figures("参加活动120人次，另有12人次获奖。", "参加活动12人次。", "参加活动15人次。")
    assert update.text == "参加活动120人次，另有15人次获奖。"


def test_a_figure_she_wrote_twice_is_refused_and_named():
    mine = "慰问困难职工12人次，其中元旦前后12人次，发放慰问金36000元。"
    update = update_figures(mine, OLD, NEW)
    assert update.text == "慰问困难职工12人次，其中元旦前后12人次，发放慰问金37500元。"
    assert update.unplaced == ["“12人次”在您的文字中出现了不止一次，无法确定要改哪一处"]


def test_a_value_the_old_draft_had_twice_is_refused():
    old, new = "开展活动3次、3项，参加12人次。", "开展活动4次、3项，参加12人次。"
    assert update_figures("开展活动3次。", old, new).text == "开展活动4次。"
    old, new = "开展文体活动3次，慰问3次。", "开展文体活动4次，慰问3次。"
    update = update_figures("全年开展文体活动3次。", old, new)
    assert not update.applicable and update.text == "全年开展文体活动3次。"
    assert "“3次”在原来的表述中出现了不止一次" in update.unplaced[0]


def test_a_reworded_clause_does_not_carry_its_figure():
    # 增加2次 became 减少1次: her 增加 must not be left in front of the new figure.
    old = "全年开展活动5次，较上年增加2次。"
    new = "全年开展活动4次，较上年减少1次。"
    update = update_figures("一年来共开展活动5次，较上年增加2次。", old, new)
    assert update.text == "一年来共开展活动4次，较上年增加2次。"
    assert update.unplaced == ["“2次”所在的句子在新的表述中改了说法，无法确定新的数字"]


def test_nothing_changes_when_no_figure_changed_or_none_is_in_her_text():
    same = update_figures("她的文字，12人次。", OLD, OLD)
    assert not same.applicable and same.text == "她的文字，12人次。" and same.unplaced == []
    absent = update_figures("工会始终把困难职工放在心上。", OLD, NEW)
    assert not absent.applicable and absent.text == "工会始终把困难职工放在心上。"
    assert absent.unplaced == ["您的文字中找不到“12人次”（新的数字是“15人次”）", "您的文字中找不到“36000元”（新的数字是“37500元”）"]


def test_the_segments_show_old_and_new_in_place():
    update = update_figures("慰问12人次。", OLD, NEW)
    assert update.segments == [("慰问", "", ""), ("", "12人次", "15人次"), ("。", "", "")]
