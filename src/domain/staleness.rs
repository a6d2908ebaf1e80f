//! Recurring flows must be re-confirmed now and then: one not confirmed for a while is shown
//! as outdated to its owner and ranked lower for everyone else, and later left out of
//! matching altogether. One-off flows have their availability dates instead.

use chrono::NaiveDate;

use super::values::Regularity;

/// Days after the last confirmation when a recurring flow counts as outdated.
pub const OUTDATED_AFTER_DAYS: i64 = 90;
/// Days after the last confirmation when a recurring flow leaves matching.
pub const DROPPED_AFTER_DAYS: i64 = 180;

/// How current a flow is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Freshness {
    Current,
    /// Ask the owner; rank lower for others.
    Outdated,
    /// Left out of matching for others.
    Dropped,
}

/// The freshness of a flow on `today`.
pub fn freshness(regularity: Regularity, last_confirmed: NaiveDate, today: NaiveDate) -> Freshness {
    if regularity == Regularity::OneOff {
        return Freshness::Current;
    }
    let days = (today - last_confirmed).num_days();
    if days > DROPPED_AFTER_DAYS {
        Freshness::Dropped
    } else if days > OUTDATED_AFTER_DAYS {
        Freshness::Outdated
    } else {
        Freshness::Current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn recurring_flows_age_from_current_to_outdated_to_dropped() {
        let today = day(2026, 11, 28);

        assert_eq!(
            freshness(Regularity::Recurring, day(2026, 9, 1), today),
            Freshness::Current
        );
        assert_eq!(
            freshness(Regularity::Recurring, day(2026, 8, 1), today),
            Freshness::Outdated
        );
        assert_eq!(
            freshness(Regularity::Recurring, day(2026, 3, 1), today),
            Freshness::Dropped
        );
        assert_eq!(
            freshness(Regularity::OneOff, day(2025, 1, 1), today),
            Freshness::Current
        );
    }
}
