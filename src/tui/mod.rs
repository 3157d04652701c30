//! The terminal workbench (spec section 5).

pub mod app;
pub mod edits;
pub mod form;
pub mod history;
pub mod keymap;
pub mod review;
mod run;
mod terminal;
pub mod theme;
pub mod views;

pub use run::{Launch, run};
