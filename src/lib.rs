//! funnel: a terminal workbench for the weekly review of complex B2B deals.

pub mod cli;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod store;
pub mod synth;
pub mod text;
pub mod tui;
