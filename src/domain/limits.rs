//! The bounds on every number and text a firm, a coordinator or a file can give.
//!
//! Forms, CSV and JSON imports and the matcher's input all build the domain types, and the
//! domain types check these bounds, so no path stores or plans a value past them. Numbers are
//! bounded so that one firm cannot dominate or break the region plan (see
//! `matching::plan` for why these bounds keep its integer arithmetic far from overflow);
//! texts so that nothing a user types grows the database without limit.
//!
//! | what | bound |
//! |---|---|
//! | quantity of one flow, min lot | ≤ 10,000,000 units per year (10 Mt/yr for tonnes) |
//! | disposal cost, virgin price | −100,000 to 100,000 € per unit |
//! | a need's farthest distance | ≤ 1,000 km |
//! | employees of a firm | 0 to 100,000 |
//! | tonnes moved in one month of an exchange | ≤ 10,000,000 |
//! | firm name / address / municipality | 200 / 300 / 100 characters |
//! | flow description, decline reason, exchange step note | 2,000 characters |
//! | a flow's pickup or delivery terms | 500 characters |
//! | e-mail address | 254 characters (RFC 5321) |
//! | partnership name / activity | 120 / 1,000 characters |

/// Most units of one flow per year: 10 Mt/yr for tonnes, 10 million m³, pieces or MWh. The
/// largest generated benchmark region (100,000 firms) tops out at 2.2 Mt/yr; the largest
/// residual streams of single Dutch sites (steel slag, fly ash) are a few Mt/yr.
pub const MAX_QUANTITY_PER_YEAR: f64 = 10_000_000.0;

/// Largest disposal cost or virgin price, in € per unit, either sign. Hazardous-waste
/// incineration costs a few thousand €/t; precious-metal scrap sells for tens of thousands.
pub const MAX_EUR_PER_UNIT: f64 = 100_000.0;

/// Farthest road distance a need may collect from, in km: the whole Netherlands and its
/// neighbours, far above the 250 km of the benchmark's national users.
pub const MAX_DISTANCE_KM: f64 = 1_000.0;

/// Most employees of one firm (the registration and profile forms say the same).
pub const MAX_EMPLOYEES: i64 = 100_000;

/// Longest firm name.
pub const MAX_FIRM_NAME: usize = 200;
/// Longest street address.
pub const MAX_ADDRESS: usize = 300;
/// Longest municipality name.
pub const MAX_MUNICIPALITY: usize = 100;
/// Longest free description of a flow.
pub const MAX_DESCRIPTION: usize = 2_000;
/// Longest pickup terms of an offer or delivery terms of a need: a line or two, not a contract.
pub const MAX_PICKUP_TERMS: usize = 500;
/// Longest reason for declining an exchange.
pub const MAX_DECLINE_REASON: usize = 2_000;
/// Longest note on a step of an exchange.
pub const MAX_STEP_NOTE: usize = 2_000;
/// Longest e-mail address (RFC 5321).
pub const MAX_EMAIL: usize = 254;
/// Longest partnership name (it heads pages and lists).
pub const MAX_PARTNERSHIP_NAME: usize = 120;
/// Longest description of a partnership's activity: a few sentences, not a report.
pub const MAX_ACTIVITY: usize = 1_000;

/// Largest transport cost per tonne-km of the region's parameters (road freight costs about
/// 0.1 €/tkm).
pub const MAX_TRANSPORT_EUR_PER_TKM: f64 = 1_000.0;
/// Largest crow-fly to road distance factor (typically 1.2–1.4).
pub const MAX_ROAD_FACTOR: f64 = 10.0;
/// Largest CO₂ of road freight per tonne-km (about 0.1 kg).
pub const MAX_CO2_KG_PER_TKM: f64 = 1_000.0;
/// Largest CO₂ avoided per tonne, either sign: 100,000 t per tonne covers even SF₆
/// (a global-warming potential of about 24,000).
pub const MAX_CO2_AVOIDED_KG_PER_T: f64 = 100_000_000.0;
