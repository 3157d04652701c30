//! The terminal workbench (spec section 5).

pub mod app;
pub mod cursor;
pub mod dialog;
pub mod filter;
pub mod filter_accounts;
pub mod form;
pub mod forms;
pub mod history;
pub mod hits;
pub mod keymap;
pub mod marks;
pub mod review;
mod run;
pub mod screens;
pub mod team;
mod terminal;
pub mod text_input;
pub mod theme;
pub mod views;

pub use run::{Backing, Launch, run};
