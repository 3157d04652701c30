//! The language switch (spec section 12): the workbench changes language
//! for the session at once, then offers to keep it in the workspace's
//! settings, so that the next start (and the headless commands) speak it.

use super::{App, Effect, Tone};
use crate::domain::change::{Change, Patch};
use crate::i18n::{self, Lang, Locale};
use crate::tui::dialog::{Confirm, Dialog};

impl App {
    /// Switches between English and Chinese. Everything computed in words
    /// (red flags, the reasons of the action list) is computed again in
    /// the new language; then, unless the settings already say so or the
    /// workspace is read-only, asks whether to save the choice.
    pub(super) fn switch_language(&mut self) -> Vec<Effect> {
        let lang = i18n::lang().other();
        i18n::set(Locale::resolve(
            Some(lang),
            "",
            &self.ws.settings.number_style,
        ));
        let keep = self.current_opportunity().map(|o| o.id.clone());
        self.screens.actions.data_changed();
        self.screens.pipeline.data_changed();
        self.refresh(keep);
        let name = match lang {
            Lang::En => "English", // i18n-exempt: a language is named in its own words
            Lang::Zh => "中文",
        };
        let saved = self.ws.settings.language.as_str();
        if self.read_only.is_some() || saved == lang.as_str() {
            self.say(name, Tone::Info);
            return Vec::new();
        }
        let mut change = Change::new(crate::tf!("language: {name}", name));
        change.patches.push(Patch::Language {
            before: saved.to_owned(),
            after: lang.as_str().to_owned(),
        });
        self.dialog = Some(Dialog::Confirm(Confirm {
            title: " Language ",
            question: crate::tf!(
                "Now in {name}. Save it as this workspace's language (settings.language), for the next start and the reports?",
                name
            ),
            change,
            kept: "for this session only; the settings are unchanged",
        }));
        Vec::new()
    }
}
