//! The reasons of a suggestion: the facts a user checks, each in plain data so that the
//! views and the command line say them in the reader's language.

use std::fmt;

use crate::domain::Unit;
use crate::matching::assess::Crossing;
use crate::matching::fit::{Fit, Part};

/// Why a suggestion is made: the facts a user checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The receiver accepts this material.
    Accepted {
        material: &'static str,
        hazardous: bool,
    },
    /// The distance, within the receiver's limit.
    Distance { road_km: f64, max_road_km: f64 },
    /// How much fits both sides per year.
    Quantity {
        fits: f64,
        offered: f64,
        needed: f64,
        unit: Unit,
    },
    /// Where the money comes from, per unit.
    Money {
        disposal: f64,
        virgin: f64,
        transport: f64,
        benefit: f64,
        unit: Unit,
    },
    /// CO₂ per year: avoided by substitution and emitted by transport.
    Co2 { avoided_kg: f64, transport_kg: f64 },
    /// Earlier exchanges from the supplier's sector to the receiver's were completed: of this
    /// material, or of others. `raised` is what they add to the ranking (0.3 = +30 %).
    WorkedBefore {
        completed: u32,
        same_material: bool,
        supplier: char,
        receiver: char,
        raised: f64,
    },
    /// Earlier exchanges from the supplier's sector to the receiver's were declined, with the
    /// most recent reasons given. `lowered` is what they take off the ranking (0.2 = −20 %).
    DeclinedBefore {
        declined: u32,
        same_material: bool,
        supplier: char,
        receiver: char,
        reasons: Vec<String>,
        lowered: f64,
    },
    /// The technical fit and each of its parts (shown when something was stated to judge
    /// by; a pair known only by its code keeps the neutral 0.5 and says nothing more).
    Fit(Fit),
    /// Firms in different countries: the procedure the shipment needs, its legal source and
    /// lead time. Never left out: a notification is amber, not silently allowed.
    CrossBorder(Crossing),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Accepted {
                material,
                hazardous: false,
            } => {
                write!(f, "the receiver accepts {material}")
            }
            Reason::Accepted {
                material,
                hazardous: true,
            } => write!(
                f,
                "the receiver accepts {material} and is licensed for hazardous waste"
            ),
            Reason::Distance {
                road_km,
                max_road_km,
            } => {
                write!(
                    f,
                    "{road_km:.1} km by road (receiver collects up to {max_road_km:.0} km)"
                )
            }
            Reason::Quantity {
                fits,
                offered,
                needed,
                unit,
            } => write!(
                f,
                "{fits:.1} {unit}/yr fits (offered {offered:.1}, needed {needed:.1})"
            ),
            Reason::Money {
                disposal,
                virgin,
                transport,
                benefit,
                unit,
            } => write!(
                f,
                "€{disposal:.2} disposal avoided + €{virgin:.2} virgin input replaced − €{transport:.2} transport = €{benefit:.2} per {unit}"
            ),
            Reason::Co2 {
                avoided_kg,
                transport_kg,
            } => write!(
                f,
                "CO₂ {:.1} t/yr avoided, {:.1} t/yr emitted by transport",
                avoided_kg / 1000.0,
                transport_kg / 1000.0
            ),
            Reason::WorkedBefore {
                completed,
                same_material,
                supplier,
                receiver,
                raised,
            } => write!(
                f,
                "worked before: {completed} completed exchange(s) of {} between these sectors ({supplier} → {receiver}); ranking +{:.0}%",
                if *same_material {
                    "this material"
                } else {
                    "other materials"
                },
                raised * 100.0
            ),
            Reason::DeclinedBefore {
                declined,
                same_material,
                supplier,
                receiver,
                reasons,
                lowered,
            } => write!(
                f,
                "declined before: {} — {declined} time(s) for {} between these sectors ({supplier} → {receiver}); ranking −{:.0}%",
                quoted(reasons),
                if *same_material {
                    "this material"
                } else {
                    "other materials"
                },
                lowered * 100.0
            ),
            Reason::Fit(fit) => {
                let part = |part: &Part| {
                    if part.known {
                        format!("{:.2}", part.value)
                    } else {
                        "unknown".to_string()
                    }
                };
                write!(
                    f,
                    "technical fit {:.2}: class {}, spec {}, text {}, history {}",
                    fit.score,
                    part(&fit.class),
                    part(&fit.spec),
                    part(&fit.text),
                    part(&fit.history)
                )?;
                if fit.second_pass {
                    write!(f, "; halved: second pass through mechanical treatment")?;
                }
                Ok(())
            }
            Reason::CrossBorder(crossing) => {
                let c = &crossing.classification;
                write!(
                    f,
                    "{} → {}: {} ({})",
                    crossing.from,
                    crossing.to,
                    c.key(),
                    c.rule().source
                )?;
                if let Some(days) = c.lead_time_days() {
                    write!(f, "; lead time about {days} days after a complete file")?;
                }
                Ok(())
            }
        }
    }
}

/// `“too wet”, “too far”`: decline reasons as quoted text.
pub fn quoted(reasons: &[String]) -> String {
    (reasons.iter())
        .map(|r| format!("“{r}”"))
        .collect::<Vec<_>>()
        .join(", ")
}
