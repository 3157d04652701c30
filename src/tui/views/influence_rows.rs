//! The buying-influence pane's rows: the map by role, and each person's
//! figures in a few columns.

use super::deal::Item;
use crate::domain::{Opportunity, Role};
use crate::i18n;
use crate::text::{clean, truncate};
use crate::tui::app::App;

/// The influence map as rows: each buying role with its people, or a
/// warning that nobody fills it (a gap is the most important thing on the
/// map), then the people with no role yet. A person with two roles shows
/// in both slots.
pub(super) fn rows(app: &App, o: &Opportunity, width: usize) -> Vec<Item> {
    use crate::domain::influence::{role_slots, without_role};
    let t = &app.theme;
    let width = width.saturating_sub(3);
    let wide = width >= 50;
    let mut rows = Vec::new();
    let slots = role_slots(&o.influences)
        .into_iter()
        .map(|(r, who)| (Some(r), who));
    let slots = slots.chain(std::iter::once((None, without_role(&o.influences))));
    for (role, who) in slots {
        // five columns, whatever the language
        let label = super::pad_right(
            match role {
                Some(Role::Economic) => i18n::t("econ "),
                Some(Role::User) => i18n::t("user "),
                Some(Role::Technical) => i18n::t("tech "),
                Some(Role::Coach) => i18n::t("coach"),
                None => i18n::t("none "),
            },
            5,
        );
        if who.is_empty() {
            if let Some(role) = role {
                let gap = match role {
                    Role::Economic => i18n::t("no economic buyer identified"),
                    Role::User => i18n::t("no user identified"),
                    Role::Technical => i18n::t("no technical buyer identified"),
                    Role::Coach => i18n::t("no coach identified"),
                };
                let gap = if wide {
                    gap
                } else {
                    i18n::t("none identified")
                };
                rows.push((
                    truncate(&format!("{label} — {gap}"), width).into_owned(),
                    t.warning(),
                    false,
                ));
            }
            continue;
        }
        for i in who {
            let p = &o.influences[i];
            let right = person_figures(app, p);
            let left_room = width.saturating_sub(crate::text::width(&right) + 1);
            let left = if wide && !p.title.is_empty() {
                format!(
                    "{label} {} {} {}",
                    p.attitude.symbol(),
                    clean(&p.name),
                    clean(&p.title)
                )
            } else {
                format!("{label} {} {}", p.attitude.symbol(), clean(&p.name))
            };
            let left = truncate(&left, left_room).into_owned();
            let pad = left_room.saturating_sub(crate::text::width(&left));
            rows.push((
                format!("{left}{} {right}", " ".repeat(pad)),
                t.attitude(p.attitude),
                true,
            ));
        }
    }
    rows
}

/// `D$ ●●○ grow H 13d`: decision role, focus, coverage, mode, influence,
/// days since the last contact.
fn person_figures(app: &App, p: &crate::domain::Influence) -> String {
    use crate::domain::{DecisionRole, Focus, Mode};
    let dr = match p.decision_role {
        Some(DecisionRole::Approver) => 'A',
        Some(DecisionRole::DecisionMaker) => 'D',
        Some(DecisionRole::Consultant) => 'C',
        Some(DecisionRole::Evaluator) => 'E',
        Some(DecisionRole::User) => 'U',
        None => '·',
    };
    let focus = match p.focus {
        Some(Focus::Value) => 'V',
        Some(Focus::Relationship) => 'R',
        Some(Focus::Commercial) => '$',
        Some(Focus::Process) => 'P',
        Some(Focus::Technical) => 'T',
        None => '·',
    };
    let mode = match p.mode {
        Mode::Growth => i18n::t("grow"),
        Mode::Trouble => i18n::t("trbl"),
        Mode::EvenKeel => i18n::t("even"),
        Mode::Overconfident => i18n::t("over"),
        Mode::Unknown => "  ? ",
    };
    // the course's letters (A D C E U, V R $ P T) are what sellers learn;
    // the influence level reads 高 中 低 in Chinese (two columns each)
    let level = match (i18n::lang(), p.influence) {
        (i18n::Lang::En, Some(l)) => l.as_str()[..1].to_uppercase(),
        (i18n::Lang::En, None) => "·".to_owned(),
        (i18n::Lang::Zh, Some(l)) => l.label(),
        (i18n::Lang::Zh, None) => "· ".to_owned(),
    };
    let days = p.last_contact.map_or("  —".to_owned(), |d| {
        crate::tf!("{days}d", days = format!("{:>3}", d.days_until(app.today)))
    });
    format!(
        "{dr}{focus} {} {mode} {level} {days}",
        super::political_map::gauge(p.coverage.0)
    )
}
