//! The domain: firms, their offers and needs, materials and region parameters.
//!
//! Parse, don't validate: every type here is built through a `parse` or `new` that refuses
//! invalid input with the field and the reason, so an invalid value cannot exist.

pub mod account;
pub mod catalogue;
pub mod contact;
pub mod cross_border;
pub mod descriptors;
pub mod exchange;
pub mod firm;
pub mod flow;
pub mod hard_rules;
pub mod keyport;
pub mod limits;
pub mod matching_quality;
pub mod material;
pub mod material_class;
pub mod material_search;
pub mod message;
pub mod nace_search;
pub mod notification;
pub mod parameters;
pub mod partnership;
pub mod places;
pub mod problem;
pub mod region;
pub mod staleness;
pub mod values;

pub use account::{Email, Language, NewPassword, PasswordProblem, Role};
pub use catalogue::{Catalogue, CatalogueEntry, EntryType};
pub use firm::{Firm, FirmDraft, NaceCode};
pub use flow::{Flow, FlowDraft, FlowKind, Need, NeedDraft, Offer, OfferDraft};
pub use material::{Accepted, EwcCode, Material, Resource, Unit};
pub use parameters::Parameters;
pub use problem::{Exceeded, FieldProblem, Problems};
pub use region::Region;
pub use values::{Confidentiality, Location, Quantity, RecordId, Regularity};
