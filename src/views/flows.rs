//! The firm's own flows: the list of its offers and needs, and the forms that add and change
//! them.

mod descriptors;
mod form;
mod list;

pub use form::{FlowForm, need_form_page, offer_form_page};
pub use list::flows_page;
