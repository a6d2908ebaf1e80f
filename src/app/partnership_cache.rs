//! The suggested clusters of small firms, kept beside the snapshot they were found on.
//! Finding them takes about a second on a 100,000-firm region and depends on the snapshot
//! alone, so they are kept until the snapshot is replaced; clusters of an older snapshot are
//! never answered for a newer one.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use super::region::Snapshot;
use crate::matching::clusters::Cluster;

/// The clusters found on the latest snapshot asked about.
///
/// The key is the snapshot's allocation, held as a `Weak`: it tells whether a snapshot asked
/// about is the one the clusters came from, and it keeps that address from being reused by a
/// later snapshot. Once the snapshot cache invalidates its snapshot, no reader holds it any
/// more and the clusters are never answered again; the next ones kept replace them.
///
/// `S` is the snapshot's type; it is a parameter only so that the rule can be tested on a
/// small value.
pub struct PartnershipSuggestions<S = Snapshot> {
    kept: Mutex<Option<Kept<S>>>,
}

/// The clusters with the snapshot they were found on.
type Kept<S> = (Weak<S>, Arc<Vec<Cluster>>);

impl<S> Default for PartnershipSuggestions<S> {
    fn default() -> Self {
        PartnershipSuggestions {
            kept: Mutex::new(None),
        }
    }
}

impl<S> PartnershipSuggestions<S> {
    /// The clusters kept for this snapshot, if they were found on it.
    pub fn get(&self, snapshot: &Arc<S>) -> Option<Arc<Vec<Cluster>>> {
        let kept = self.lock();
        let (of, clusters) = kept.as_ref()?;
        (Weak::as_ptr(of) == Arc::as_ptr(snapshot)).then(|| clusters.clone())
    }

    /// Keeps `clusters` as those found on `snapshot`, in place of any earlier ones.
    pub fn keep(&self, snapshot: &Arc<S>, clusters: Vec<Cluster>) -> Arc<Vec<Cluster>> {
        let clusters = Arc::new(clusters);
        *self.lock() = Some((Arc::downgrade(snapshot), clusters.clone()));
        clusters
    }

    fn lock(&self) -> MutexGuard<'_, Option<Kept<S>>> {
        // The slot is replaced whole: a panic elsewhere cannot leave it half-written.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_are_answered_for_their_own_snapshot_only() {
        let cache: PartnershipSuggestions<String> = PartnershipSuggestions::default();
        let first = Arc::new("first".to_string());
        assert!(cache.get(&first).is_none());
        cache.keep(&first, Vec::new());
        assert!(cache.get(&first).is_some());

        let second = Arc::new("second".to_string());
        assert!(
            cache.get(&second).is_none(),
            "a newer snapshot finds its own"
        );
        cache.keep(&second, Vec::new());
        assert!(
            cache.get(&first).is_none(),
            "replaced by the newer snapshot's"
        );
        assert!(cache.get(&second).is_some());
    }
}
