//! Values the app derives from one snapshot of the region and keeps beside it: the
//! coordinator's ranking of next best calls, the suggested clusters of small firms. Each is
//! costly to make (seconds of CPU on a large region) and depends on the snapshot alone, so it
//! is kept until the snapshot is replaced; a value made from an older snapshot is never
//! answered for a newer one.
//!
//! A further derived value is one more [`PerSnapshot`] field of [`DerivedCaches`].

use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use super::region::Snapshot;

/// The values derived from the live snapshot, one field per kind.
#[derive(Default)]
pub struct DerivedCaches {
    /// The region's best feasible pairs, ranked for the coordinator's next best calls.
    pub call_ranking: PerSnapshot<Vec<super::calls::Call>>,
    /// The suggested clusters of small firms on the coordinator's partnerships page.
    pub clusters: PerSnapshot<Vec<crate::matching::clusters::Cluster>>,
}

/// One value derived from a snapshot, kept for the latest snapshot it was made from.
///
/// The key is the snapshot's allocation, held as a `Weak`: it tells whether a snapshot asked
/// about is the one the value came from, and it keeps that address from being reused by a
/// later snapshot. Once the snapshot cache invalidates its snapshot, no reader holds it any
/// more and the value is never answered again; the next value kept replaces it.
///
/// `S` is the snapshot's type; it is a parameter only so that the rule can be tested on a
/// small value.
pub struct PerSnapshot<T, S = Snapshot> {
    kept: Mutex<Option<(Weak<S>, Arc<T>)>>,
}

impl<T, S> Default for PerSnapshot<T, S> {
    fn default() -> Self {
        PerSnapshot {
            kept: Mutex::new(None),
        }
    }
}

impl<T, S> PerSnapshot<T, S> {
    /// The value kept for this snapshot, if it was made from it.
    pub fn get(&self, snapshot: &Arc<S>) -> Option<Arc<T>> {
        let mut kept = self.lock();
        let (of, value) = kept.as_ref()?;
        if Weak::as_ptr(of) == Arc::as_ptr(snapshot) {
            return Some(value.clone());
        }
        // A value of a snapshot nobody holds any more is never answered again: free it now
        // rather than when the next value is kept.
        if of.strong_count() == 0 {
            *kept = None;
        }
        None
    }

    /// Keeps `value` as the one made from `snapshot`, in place of any earlier one.
    pub fn keep(&self, snapshot: &Arc<S>, value: T) -> Arc<T> {
        let value = Arc::new(value);
        *self.lock() = Some((Arc::downgrade(snapshot), value.clone()));
        value
    }

    /// The value kept for this snapshot, made by `make` if there is none. `make` runs without
    /// the lock held: two requests at the same moment may both make it, and both arrive at the
    /// same value (it depends on the snapshot alone). It runs on the calling thread: call this
    /// off the async threads when `make` is CPU work.
    pub fn get_or_make(&self, snapshot: &Arc<S>, make: impl FnOnce(&S) -> T) -> Arc<T> {
        if let Some(value) = self.get(snapshot) {
            return value;
        }
        self.keep(snapshot, make(snapshot))
    }

    /// Forgets the kept value.
    pub fn forget(&self) {
        *self.lock() = None;
    }

    fn lock(&self) -> MutexGuard<'_, Option<(Weak<S>, Arc<T>)>> {
        // The slot is replaced whole: a panic elsewhere cannot leave it half-written.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_answered_for_its_own_snapshot_only() {
        let cache: PerSnapshot<usize, String> = PerSnapshot::default();
        let first = Arc::new("first".to_string());
        assert_eq!(*cache.get_or_make(&first, |s| s.len()), 5);
        // Kept: not made again.
        assert_eq!(*cache.get_or_make(&first, |_| 0), 5);

        let second = Arc::new("second".to_string());
        assert!(cache.get(&second).is_none());
        assert_eq!(*cache.get_or_make(&second, |s| s.len()), 6);
        assert!(
            cache.get(&first).is_none(),
            "replaced by the newer snapshot's value"
        );

        cache.forget();
        assert!(cache.get(&second).is_none());

        let third = Arc::new("third".to_string());
        cache.keep(&third, 5);
        drop(third);
        assert!(cache.get(&second).is_none());
        assert!(
            cache.lock().is_none(),
            "the dropped snapshot's value is freed"
        );
    }
}
