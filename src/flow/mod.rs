//! The flow core: where the person is (routes), what they typed (drafts), the model and its
//! `update`. Pure Rust with no web crates, so it is built and tested natively like `rules`; the Yew
//! shell in `ui` only renders the model and turns browser events into [`update::Event`]s.
//!
//! Today's date is always an argument: nothing here reads a clock.

pub mod drafts;
pub mod file;
pub mod forms;
pub mod model;
pub mod navigation;
pub mod page;
pub mod route;
pub mod saved;
pub mod seminar;
pub mod summary;
pub mod update;

pub use model::Model;
pub use page::Page;
pub use route::Route;
pub use update::{update, Effect, Event};
