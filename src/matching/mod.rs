//! The matcher: a pure library. Plain data in (an [`Instance`]: firms, offers, needs,
//! parameters), plain data out; no database, web or async code; deterministic output with
//! ties broken by index (which follows the input order).
//!
//! - [`economics`]: benefit, transport cost and CO₂ of one offer→need pair;
//! - [`index`] and [`candidates`]: spatial indexes per material, so that candidate generation
//!   never compares all pairs, and the feasibility rules;
//! - [`assess`]: what a pair's descriptors and countries decide beyond its code: the hard
//!   rules, the border procedure and the minimum technical fit ([`fit`]);
//! - [`suggest`]: the best counterparts of one flow, with reasons, from the indexes alone;
//! - [`history`]: what earlier completed and declined exchanges add to a suggestion's rank;
//! - [`plan`]: the region-wide allocation that maximises total net benefit, exactly;
//! - [`flow`]: the min-cost-flow solver underneath;
//! - [`pipeline`]: the plan and every proposal beside it, in stages (`symbiose match`, `/plan`).

pub mod assess;
pub mod candidates;
pub mod clusters;
pub mod economics;
pub mod edges;
pub mod fit;
pub mod flow;
pub mod history;
pub mod index;
pub mod instance;
pub mod loops;
pub mod pipeline;
pub mod plan;
pub mod pools;
pub mod quality;
pub mod report;
pub mod suggest;
pub mod union_find;

pub use economics::Params;
pub use instance::{FirmSite, Instance, MaterialKey, NeedFlow, OfferFlow};
