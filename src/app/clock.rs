//! What time it is, passed in: the app asks its clock, never the system directly, so that
//! staleness, sessions and dated records can be tested on a fixed day.

use std::sync::Mutex;

use chrono::{NaiveDate, NaiveDateTime};

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// The current instant in UTC (timestamps stored in the database).
    fn now(&self) -> NaiveDateTime;
    /// Today's date on the region's calendar (freshness of flows, the impact's months).
    fn today(&self) -> NaiveDate;
}

/// The machine's clock: UTC for instants, the local calendar for days.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Utc::now().naive_utc()
    }

    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// A clock that stands still until told otherwise: for tests and reproducible runs.
#[derive(Debug)]
pub struct FixedClock {
    at: Mutex<NaiveDateTime>,
}

impl FixedClock {
    /// A clock standing at `at` (UTC); its day is `at`'s date.
    pub fn at(at: NaiveDateTime) -> FixedClock {
        FixedClock { at: Mutex::new(at) }
    }

    /// A clock standing at noon of `day`.
    pub fn on(day: NaiveDate) -> FixedClock {
        FixedClock::at(day.and_hms_opt(12, 0, 0).expect("noon exists"))
    }

    /// Moves the clock to `at`.
    pub fn set(&self, at: NaiveDateTime) {
        *self.lock() = at;
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: chrono::Duration) {
        let mut at = self.lock();
        *at += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, NaiveDateTime> {
        // The time is a plain value: a panic elsewhere cannot leave it half-written.
        self.at
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        *self.lock()
    }

    fn today(&self) -> NaiveDate {
        self.lock().date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let clock = FixedClock::on(day);
        assert_eq!(clock.today(), day);
        assert_eq!(clock.now(), clock.now());
        clock.advance(chrono::Duration::hours(13));
        assert_eq!(clock.today(), day.succ_opt().unwrap());
    }
}
