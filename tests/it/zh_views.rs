//! The views in Chinese (issue 17): each view of the demo, drawn at the
//! smallest screen and a large one, says its texts in the course's Chinese
//! and none of its English, whatever the width the English was laid out for.

use crate::common::{demo_app, press, screen};
use funnel::i18n::{Lang, Locale, Numbers, with};
use ratatui::crossterm::event::KeyCode;

fn chinese<R>(f: impl FnOnce() -> R) -> R {
    with(
        Locale {
            lang: Lang::Zh,
            numbers: Numbers::Chinese,
        },
        f,
    )
}

/// Draws the view the `keys` lead to at both sizes and checks its texts.
fn check(keys: &[KeyCode], chinese_texts: &[&str], english: &[&str]) {
    chinese(|| {
        let mut app = demo_app();
        for k in keys {
            press(&mut app, *k);
        }
        for (w, h) in [(80, 24), (160, 48)] {
            let s = screen(&app, w, h);
            for text in chinese_texts {
                assert!(s.contains(text), "{w}×{h}: no {text:?} in\n{s}");
            }
            for text in english {
                assert!(!s.contains(text), "{w}×{h}: {text:?} left in\n{s}");
            }
        }
    });
}

#[test]
fn view_1_the_table_and_the_deal_pane() {
    check(
        &[],
        &[
            "商机 · 1/19",
            "名称",
            "阶段",
            "确认商机",
            "商机确认",
            "需求",
            "买方影响力",
            "万",
        ],
        &[
            "Title",
            "Stage",
            "Deals",
            "Qualification",
            "Buying influences",
            "Objective",
        ],
    );
}

#[test]
fn view_1_the_board_and_the_closed_deals() {
    check(
        &[KeyCode::Char('b')],
        &["看板", "个商机", "主导进程"],
        &["Board", "deals ·", "no close"],
    );
    check(
        &[KeyCode::Char('C')],
        &["已关闭商机", "最新的在前", "结果", "丢单"],
        &["Closed deals", "Result", "Code"],
    );
}

#[test]
fn views_2_to_6() {
    check(
        &[KeyCode::Char('2')],
        &["得分", "为什么排在这里？"],
        &["Score", "Why is it here?", "highest score first"],
    );
    check(
        &[KeyCode::Char('3')],
        &["销售漏斗", "各阶段转化率与停留天数", "漏斗平衡"],
        &["Funnel by", "Conversion", "Balance", "win rate"],
    );
    check(
        &[KeyCode::Char('4')],
        &["客户筛选矩阵", "名称", "象限", "优势"],
        &["Screening matrix", "Quadrant", "Strengths"],
    );
    check(
        &[KeyCode::Char('5')],
        &["回顾", "本商机", "要问的问题"],
        &["The questions", "So far", "The deal"],
    );
    check(
        &[KeyCode::Char('6')],
        &["销售结果分析", "赢单", "赢单率"],
        &["Sales result analysis", "win rate", "average cycle"],
    );
}
