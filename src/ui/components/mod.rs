//! Small components shared by the pages.

pub mod calculation;
pub mod chart;
pub mod choice;
pub mod data_file;
pub mod fields;
pub mod frame;
pub mod link;
pub mod live_total;
pub mod notice;
pub mod persona_qr;
pub mod seminar_bar;
pub mod yes_no;
