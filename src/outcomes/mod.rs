//! What exchanges came to: the case library (completed and declined exchanges, and what they
//! teach the ranking of suggestions) and the impact figures (tonnes, euros and CO₂ per
//! month). Both count with the matcher's economics, so they sit above [`crate::matching`]
//! and [`crate::domain`] and below storage and the views: the domain itself depends on
//! nothing of the matcher.

pub mod case;
pub mod impact;
