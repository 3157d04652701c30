//! The buying-influence pane's rows: the map by role, and each person's
//! figures in a few columns.

use super::deal::Item;
use crate::domain::{Opportunity, Role};
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
        let label = match role {
            Some(Role::Economic) => "econ ",
            Some(Role::User) => "user ",
            Some(Role::Technical) => "tech ",
            Some(Role::Coach) => "coach",
            None => "none ",
        };
        if who.is_empty() {
            if let Some(role) = role {
                let gap = match role {
                    Role::Economic => "no economic buyer identified",
                    Role::User => "no user identified",
                    Role::Technical => "no technical buyer identified",
                    Role::Coach => "no coach identified",
                };
                let gap = if wide { gap } else { "none identified" };
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
    use crate::domain::{DecisionRole, Focus, Level, Mode};
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
        Mode::Growth => "grow",
        Mode::Trouble => "trbl",
        Mode::EvenKeel => "even",
        Mode::Overconfident => "over",
        Mode::Unknown => "  ? ",
    };
    let level = match p.influence {
        Some(Level::High) => 'H',
        Some(Level::Medium) => 'M',
        Some(Level::Low) => 'L',
        None => '·',
    };
    let days = p.last_contact.map_or("  —".to_owned(), |d| {
        format!("{:>3}d", d.days_until(app.today))
    });
    format!(
        "{dr}{focus} {} {mode} {level} {days}",
        super::political_map::gauge(p.coverage.0)
    )
}
