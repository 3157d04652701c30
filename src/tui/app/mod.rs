//! The workbench's state and its one entry point, [`App::update`]: a
//! message comes in (a key, a paste, a finished save…), the state changes
//! and effects (save, open an editor, quit) go out for the loop to carry
//! out. No IO here, so every path is tested by feeding messages.
//!
//! Keys are looked up in the keymap under the scopes of whatever is on top:
//! the open dialog, else the screen on display (its focused pane). The
//! screen turns the action into commands, carried out in `commands.rs`.

mod commands;
mod conflict_keys;
mod dialog_keys;
mod filter_keys;
mod language;
mod mouse;
mod msg;

pub use super::forms::FormPurpose;
pub(crate) use dialog_keys::reschedule_date;
pub use msg::{Effect, LongText, Msg, Tone};

use super::dialog::Dialog;
use super::history::History;
use super::keymap::{self, Action, Scope};
use super::screens::{Cmd, Cx, Pane, ScreenId, Screens};
use super::theme::Theme;
use crate::domain::{Date, Opportunity, Workspace};
use ratatui::crossterm::event::KeyEvent;

/// What the status line adds while a save runs and when it is done.
const SAVING: &str = "saving…";
const SAVED: &str = "saved";

/// Rows a page moves before a list was drawn (then it is what the list
/// showed): about half of what the title, strip and hint lines leave.
fn page_rows(size: Option<(u16, u16)>) -> usize {
    let rows = size.map_or(24, |(_, h)| h);
    usize::from(rows.saturating_sub(8) / 2).max(1)
}

pub struct App {
    pub ws: Workspace,
    pub today: Date,
    pub theme: Theme,
    /// Where the workspace is, for the title bar.
    pub location: String,
    /// Why edits are refused, if they are.
    pub read_only: Option<String>,
    /// The screen on display.
    pub screen: ScreenId,
    pub screens: Screens,
    pub dialog: Option<Dialog>,
    pub history: History,
    pub status: Option<(String, Tone)>,
    pub disk_changed: bool,
    /// Why the last save failed, until one succeeds: `q` then asks twice.
    pub unsaved: Option<String>,
    /// What edits changed since the loop last handed them to the saver
    /// (the loop takes it with every [`Effect::Save`]).
    pub pending: crate::store::incremental::Delta,
    quit_armed: bool,
    /// Ctrl-c was pressed once in a form or prompt holding what was typed:
    /// the next Ctrl-c quits, any other key takes it back.
    drop_armed: bool,
    /// The saved filter `↑`/`↓` last put in a `/` prompt, by name: two
    /// names may hold the same filter, and the next step goes on from the
    /// one shown, not from the first with that text.
    saved_step: Option<String>,
    /// The terminal's size, once known.
    pub size: Option<(u16, u16)>,
    /// The rows each list showed when last drawn: what a page is.
    pub pages: super::cursor::Pages,
    /// What the last frame drew where, for the mouse.
    pub hits: super::hits::Hits,
    /// The team view's facts (`None`: one workspace, the usual workbench).
    pub team: Option<super::team::Team>,
}

impl App {
    pub fn new(ws: Workspace, today: Date, location: String, read_only: Option<String>) -> App {
        let mut app = App {
            ws,
            today,
            theme: Theme::from_env(),
            location,
            read_only,
            screen: ScreenId::Pipeline,
            screens: Screens::default(),
            dialog: None,
            history: History::default(),
            status: None,
            disk_changed: false,
            unsaved: None,
            pending: Default::default(),
            quit_armed: false,
            drop_armed: false,
            saved_step: None,
            size: None,
            pages: Default::default(),
            hits: Default::default(),
            team: None,
        };
        app.refresh(None);
        app
    }

    /// The one entry point: everything that happens comes through here.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => return self.on_key(key),
            Msg::Mouse(m) => return self.on_mouse(m),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Resized(w, h) => self.size = Some((w, h)),
            Msg::SaveStarted => self.save_status(crate::i18n::t(SAVING)),
            Msg::Saved => {
                self.unsaved = None;
                self.save_status(crate::i18n::t(SAVED));
            }
            Msg::Quit => return self.apply(Action::Quit),
            Msg::SaveFailed(why) => {
                self.say(crate::tf!("NOT SAVED: {why}", why), Tone::Error);
                self.unsaved = Some(why);
            }
            Msg::DiskChanged => self.disk_changed = true,
            Msg::Reloaded(ws) => self.reloaded(*ws),
            Msg::ReloadFailed(why) => {
                self.say(
                    crate::tf!("NOT SAVED: cannot reload: {why}", why),
                    Tone::Error,
                );
                self.unsaved = Some(crate::tf!("cannot reload: {why}", why));
            }
            Msg::TextEdited {
                field,
                opportunity,
                text,
            } => return self.text_edited(field, &opportunity, text),
            Msg::EditorFailed(why) => self.say(why, Tone::Error),
            Msg::Notice(text) => self.say(text, Tone::Info),
        }
        Vec::new()
    }

    /// Index in `ws.opportunities` of the deal selected in view 1.
    pub fn current(&self) -> Option<usize> {
        self.screens.pipeline.current(&self.ws)
    }

    pub fn current_opportunity(&self) -> Option<&Opportunity> {
        self.current().map(|i| &self.ws.opportunities[i])
    }

    /// The focused pane of view 1.
    pub fn focus(&self) -> Pane {
        self.screens.pipeline.focus
    }

    /// The selection in one of view 1's detail panes.
    pub fn detail_selection(&self, pane: Pane) -> usize {
        self.screens.pipeline.detail(pane)
    }

    /// The flag selected in view 1's flag pane.
    pub fn selected_flag(&self) -> Option<crate::domain::flags::Flag> {
        let index = self.current()?;
        super::screens::deal_items::flag_at(&self.cx(), index, self.detail_selection(Pane::Flags))
    }

    /// The person selected in view 1's influence pane, as an index into the
    /// deal's influences.
    pub fn selected_person(&self) -> Option<usize> {
        let o = self.current_opportunity()?;
        super::screens::deal_items::person_at(o, self.detail_selection(Pane::Influences))
    }

    /// Shows "saving…" / "saved" after what the status line says (the
    /// edit's label), without hiding an error or a warning.
    fn save_status(&mut self, word: &str) {
        let text = match &self.status {
            None => word.to_owned(),
            Some((text, Tone::Info)) => {
                let label = [crate::i18n::t(SAVING), crate::i18n::t(SAVED)]
                    .iter()
                    .find_map(|w| text.strip_suffix(w))
                    // a label that ends in the word itself (`plan of
                    // Acme saved`) keeps no space before the dot
                    .map_or(text.as_str(), |l| l.trim_end_matches(" · ").trim_end());
                match label {
                    "" => word.to_owned(),
                    l => format!("{l} · {word}"),
                }
            }
            Some(_) => return,
        };
        self.status = Some((text, Tone::Info));
    }

    fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.status = Some((text.into(), tone));
    }

    /// Where keys are looked up now: the dialog's scopes, else the screen's.
    pub fn scopes(&self) -> &'static [Scope] {
        if let Some(d) = &self.dialog {
            return d.scopes();
        }
        match self.screen {
            ScreenId::Pipeline => self.screens.pipeline.scopes(),
            ScreenId::Actions => self.screens.actions.scopes(),
            ScreenId::Funnel => self.screens.funnel.scopes(),
            ScreenId::Accounts => self.screens.accounts.scopes(),
            ScreenId::Review => self.screens.review.scopes(),
            ScreenId::Analysis => self.screens.analysis.scopes(),
            ScreenId::Forecast => self.screens.forecast.scopes(),
            ScreenId::People => self.screens.people.scopes(),
        }
    }

    /// What the help overlay and the hint line call the place with the focus.
    pub fn place(&self) -> &'static str {
        match self.screen {
            ScreenId::Pipeline => self.screens.pipeline.place(),
            ScreenId::Actions => "action list", // i18n-exempt: a place's name; help::title translates the title
            ScreenId::Funnel => "funnel", // i18n-exempt: a place's name; help::title translates the title
            ScreenId::Accounts => self.screens.accounts.pane.name(),
            ScreenId::Review => "weekly review", // i18n-exempt: a place's name; help::title translates the title
            ScreenId::Analysis => "sales result analysis", // i18n-exempt: a place's name; help::title translates the title
            ScreenId::Forecast => self.screens.forecast.place(),
            ScreenId::People => "people", // i18n-exempt: a place's name; help::title translates the title
        }
    }

    fn too_small(&self) -> bool {
        use super::views::{MIN_HEIGHT, MIN_WIDTH};
        self.size
            .is_some_and(|(w, h)| w < MIN_WIDTH || h < MIN_HEIGHT)
    }

    /// What the screens read: the data now, and a page's length.
    fn cx(&self) -> Cx<'_> {
        Cx {
            ws: &self.ws,
            today: self.today,
            pages: &self.pages,
            fallback: page_rows(self.size),
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        // On a screen too small to show anything keys would act unseen:
        // only quitting works there.
        if self.too_small() {
            return match keymap::lookup(&key, &[Scope::Always, Scope::Global]) {
                Some(a @ (Action::Quit | Action::Suspend)) => self.apply(a),
                _ => Vec::new(),
            };
        }
        if let Some(dialog) = self.dialog.take() {
            return self.on_dialog_key(dialog, key);
        }
        match keymap::lookup(&key, self.scopes()) {
            Some(action) => self.apply(action),
            None => {
                if let Some(c) = keymap::typed_char(&key) {
                    // a blank would name nothing: space is spelt out
                    let name = match c {
                        ' ' => "space".to_owned(), // i18n-exempt: a key's name
                        c => c.to_string(),
                    };
                    self.say(
                        crate::tf!("{name}: no such key in this pane; ? lists the keys", name),
                        Tone::Info,
                    );
                }
                Vec::new()
            }
        }
    }

    /// Pasted text fills the focused form field or the filter; it is never
    /// read as keys.
    fn on_paste(&mut self, text: &str) {
        match &mut self.dialog {
            Some(Dialog::Form(form, _)) => form.paste(text),
            Some(Dialog::Reschedule { typed, .. } | Dialog::QuickAdd(typed)) => {
                typed.insert(text.trim())
            }
            Some(Dialog::Conflicts(crate::tui::dialog::ConflictList {
                edit: Some(typed), ..
            })) => typed.insert(text.trim()),
            Some(Dialog::Filter(target)) => {
                let target = *target;
                self.filter_input(target).insert(text.trim());
                self.refresh(None);
            }
            _ => self.say(
                crate::i18n::t("paste goes into a form field or the filter (/)"),
                Tone::Info,
            ),
        }
    }

    /// Carries out one action of the keymap on the screen on display.
    fn apply(&mut self, action: Action) -> Vec<Effect> {
        self.status = None;
        let armed = std::mem::replace(&mut self.quit_armed, false);
        if action == Action::Quit {
            if let (Some(why), false) = (&self.unsaved, armed) {
                let text = crate::tf!(
                    "the last change was NOT saved ({why}); press q again to quit without it",
                    why
                );
                self.say(text, Tone::Error);
                self.quit_armed = true;
                return Vec::new();
            }
            return vec![Effect::Quit];
        }
        if action == Action::Suspend {
            return vec![Effect::Suspend];
        }
        if let (Some(why), true) = (&self.read_only, action.edits()) {
            let text = crate::tf!("{why}: nothing was changed", why);
            self.say(text, Tone::Warning);
            return Vec::new();
        }
        match action {
            Action::Help => {
                self.dialog = Some(Dialog::Help {
                    title: self.place(),
                    scopes: self.scopes(),
                    scroll: Default::default(),
                    under: None,
                });
                Vec::new()
            }
            Action::ViewPipeline => self.show(ScreenId::Pipeline),
            Action::ViewActions => self.show(ScreenId::Actions),
            Action::ViewFunnel => self.show(ScreenId::Funnel),
            Action::ViewAccounts => self.show(ScreenId::Accounts),
            Action::ViewReview => self.show(ScreenId::Review),
            Action::ViewAnalysis => self.show(ScreenId::Analysis),
            Action::ViewForecast => self.show(ScreenId::Forecast),
            Action::ViewPeople => self.show(ScreenId::People),
            Action::NewOpportunity => {
                self.dialog = Some(Dialog::Form(
                    super::forms::opportunity_form(&self.ws, None, self.today),
                    FormPurpose::NewOpportunity,
                ));
                Vec::new()
            }
            Action::Settings => {
                self.dialog = Some(Dialog::Form(
                    super::forms::settings_form(&self.ws),
                    FormPurpose::Settings,
                ));
                Vec::new()
            }
            Action::Reload if self.disk_changed => vec![Effect::Reload],
            Action::Reload => {
                self.say(
                    crate::i18n::t("the file has not changed on disk"),
                    Tone::Info,
                );
                Vec::new()
            }
            Action::Language => self.switch_language(),
            Action::Conflicts => self.open_conflicts(),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            _ => {
                let cx = Cx {
                    ws: &self.ws,
                    today: self.today,
                    pages: &self.pages,
                    fallback: page_rows(self.size),
                };
                let s = &mut self.screens;
                let cmds: Vec<Cmd> = match self.screen {
                    ScreenId::Pipeline => s.pipeline.on_action(action, &cx),
                    ScreenId::Actions => s.actions.on_action(action, &cx),
                    ScreenId::Funnel => s.funnel.on_action(action, &cx),
                    ScreenId::Accounts => s.accounts.on_action(action, &cx),
                    ScreenId::Review => s.review.on_action(action, &cx),
                    ScreenId::Analysis => s.analysis.on_action(action, &cx, self.size),
                    ScreenId::Forecast => s.forecast.on_action(action, &cx),
                    ScreenId::People => s.people.on_action(action, &cx),
                };
                self.run(cmds)
            }
        }
    }
}
