//! The buyer-influence map: who fills each buying role, and the power lines
//! drawn from `reports_to`.

use super::words::{Level, Role};
use super::workspace::Influence;
use std::collections::HashMap;

/// The people in each of the four roles, in the method's order; a person
/// with several roles appears in each.
pub fn role_slots(people: &[Influence]) -> Vec<(Role, Vec<usize>)> {
    Role::ALL
        .iter()
        .map(|role| {
            let who = people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.has_role(*role))
                .map(|(i, _)| i)
                .collect();
            (*role, who)
        })
        .collect()
}

/// People with no buying role yet.
pub fn without_role(people: &[Influence]) -> Vec<usize> {
    people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.roles.is_empty())
        .map(|(i, _)| i)
        .collect()
}

/// The people in the order the map lists them: each role slot in turn (a
/// person with two roles twice), then those with no role yet.
pub fn map_rows(people: &[Influence]) -> Vec<usize> {
    role_slots(people)
        .into_iter()
        .flat_map(|(_, who)| who)
        .chain(without_role(people))
        .collect()
}

/// Whether `person` reporting to `boss` would close a loop of reports_to.
pub fn would_loop(people: &[Influence], person: &str, boss: &str) -> bool {
    let index: HashMap<&str, &Influence> = people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut at = Some(boss);
    for _ in 0..=people.len() {
        match at {
            None => return false,
            Some(id) if id == person => return true,
            Some(id) => at = index.get(id).and_then(|p| p.reports_to.as_deref()),
        }
    }
    true
}

/// The power lines as a tree, depth-first: (index, depth). Roots are the
/// people who report to nobody in the deal; under each person the more
/// influential first. Every person appears once, even in a broken file.
pub fn power_tree(people: &[Influence]) -> Vec<(usize, usize)> {
    let ids: HashMap<&str, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let boss_of = |i: usize| {
        people[i]
            .reports_to
            .as_deref()
            .and_then(|b| ids.get(b).copied())
            .filter(|b| *b != i)
    };
    let rank = |i: &usize| {
        let level = match people[*i].influence {
            Some(Level::High) => 0,
            Some(Level::Medium) => 1,
            Some(Level::Low) => 2,
            None => 3,
        };
        (level, *i)
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); people.len()];
    let mut roots = Vec::new();
    for i in 0..people.len() {
        match boss_of(i) {
            Some(b) => children[b].push(i),
            None => roots.push(i),
        }
    }
    for list in children.iter_mut() {
        list.sort_by_key(rank);
    }
    roots.sort_by_key(rank);
    let mut out = Vec::with_capacity(people.len());
    let mut seen = vec![false; people.len()];
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|r| (*r, 0)).collect();
    loop {
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push((i, depth));
            stack.extend(children[i].iter().rev().map(|c| (*c, depth + 1)));
        }
        // people caught in a loop have no root: start from the first unseen
        match seen.iter().position(|s| !s) {
            Some(i) => stack.push((i, 0)),
            None => break,
        }
    }
    out
}

impl Influence {
    /// The name with the job title, as a list or a log line shows a person:
    /// `王总 (CFO)` (`王总（CFO）` in Chinese); a title with brackets of its
    /// own is not bracketed again: `吴总, 物流副总裁 (VP Logistics)`
    /// (`吴总·物流副总裁 (VP Logistics)`).
    pub fn with_title(&self) -> String {
        let (name, title) = (self.name.trim(), self.title.trim());
        let zh = crate::i18n::lang() == crate::i18n::Lang::Zh;
        match (title, zh) {
            ("", _) => name.to_owned(),
            (t, true) if t.contains(['(', '（']) => format!("{name}·{t}"),
            (t, true) => format!("{name}（{t}）"),
            (t, false) if t.contains(['(', '（']) => format!("{name}, {t}"),
            (t, false) => format!("{name} ({t})"),
        }
    }
}

/// The core circle (核心圈): the people with high influence on the decision.
pub fn in_core_circle(p: &Influence) -> bool {
    p.influence == Some(Level::High)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, boss: Option<&str>, level: Option<Level>, roles: &[Role]) -> Influence {
        Influence {
            id: id.into(),
            name: id.into(),
            reports_to: boss.map(String::from),
            influence: level,
            roles: roles.to_vec(),
            ..Influence::default()
        }
    }

    #[test]
    fn each_role_slot_lists_its_people_and_a_person_may_fill_several() {
        let people = vec![
            person("ceo", None, None, &[Role::Economic]),
            person("it", None, None, &[Role::Technical, Role::Coach]),
            person("x", None, None, &[]),
        ];
        let slots = role_slots(&people);
        assert_eq!(slots[0], (Role::Economic, vec![0]));
        assert_eq!(slots[1], (Role::User, vec![]));
        assert_eq!(slots[2], (Role::Technical, vec![1]));
        assert_eq!(slots[3], (Role::Coach, vec![1]));
        assert_eq!(without_role(&people), [2]);
    }

    #[test]
    fn a_loop_of_reports_to_is_seen_before_it_is_made() {
        let people = vec![
            person("ceo", None, None, &[]),
            person("cfo", Some("ceo"), None, &[]),
            person("ctl", Some("cfo"), None, &[]),
        ];
        assert!(would_loop(&people, "ceo", "ctl"));
        assert!(would_loop(&people, "cfo", "cfo"));
        assert!(!would_loop(&people, "ctl", "ceo"));
        assert!(!would_loop(&people, "ceo", "nobody"));
    }

    #[test]
    fn the_power_tree_puts_bosses_first_and_the_influential_before_others() {
        let people = vec![
            person("low", Some("ceo"), Some(Level::Low), &[]),
            person("ceo", None, Some(Level::High), &[]),
            person("high", Some("ceo"), Some(Level::High), &[]),
            person("under", Some("high"), None, &[]),
            person("alone", None, None, &[]),
        ];
        let names: Vec<(&str, usize)> = power_tree(&people)
            .iter()
            .map(|(i, d)| (people[*i].id.as_str(), *d))
            .collect();
        assert_eq!(
            names,
            [
                ("ceo", 0),
                ("high", 1),
                ("under", 2),
                ("low", 1),
                ("alone", 0)
            ]
        );
    }

    #[test]
    fn a_broken_loop_still_shows_everyone_once() {
        let people = vec![
            person("a", Some("b"), None, &[]),
            person("b", Some("a"), None, &[]),
        ];
        let tree = power_tree(&people);
        assert_eq!(tree.len(), 2);
    }
}
