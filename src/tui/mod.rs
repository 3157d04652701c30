//! The terminal workbench (spec section 5).

pub mod app;
pub mod filter;
pub mod form;
pub mod forms;
pub mod history;
pub mod keymap;
pub mod review;
mod run;
pub mod theme;
pub mod views;

pub use run::{Launch, run};
