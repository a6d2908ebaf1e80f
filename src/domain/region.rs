//! A whole region: what imports read and exports write.

use super::firm::Firm;
use super::flow::{Need, Offer};
use super::parameters::Parameters;

/// Firms, flows and parameters of a region, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Region {
    /// Provenance, kept as given (the format leaves it free-form).
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Economic parameters, when the source had them.
    pub parameters: Option<Parameters>,
    /// The firms.
    pub firms: Vec<Firm>,
    /// Residual flows on offer.
    pub offers: Vec<Offer>,
    /// Inputs needed.
    pub needs: Vec<Need>,
}
