//! Values read from the database and kept until the region changes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use crate::storage::StorageError;

/// How long a kept value serves at most. Changes made through the app replace it at once;
/// this bounds how long changes made beside it (an import on the command line) go unseen.
const MAX_AGE: Duration = Duration::from_secs(5);

/// Values kept per memo at most: when full, it starts afresh. Each value is one page's read
/// (a page of firms, one firm's flows), so the memory stays small in any region.
const CAPACITY: usize = 512;

/// Values built per key (a page of firms, a firm, a day) in one generation of the region.
pub struct Memo<K, T> {
    kept: RwLock<Kept<K, T>>,
}

struct Kept<K, T> {
    generation: u64,
    values: HashMap<K, (Instant, Arc<T>)>,
}

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo {
            kept: RwLock::new(Kept {
                generation: 0,
                values: HashMap::new(),
            }),
        }
    }
}

impl<K: Eq + Hash, T> Kept<K, T> {
    fn fresh(&self, generation: u64, key: &K) -> Option<Arc<T>> {
        if self.generation != generation {
            return None;
        }
        let (built, value) = self.values.get(key)?;
        (built.elapsed() < MAX_AGE).then(|| value.clone())
    }
}

impl<K: Eq + Hash, T> Memo<K, T> {
    /// The value kept for `key` if it was built in `generation` less than [`MAX_AGE`] ago;
    /// otherwise `build`'s, kept. Requests that arrive during a build wait for it instead of
    /// building their own. `generation` must be read before `build` reads the database, so
    /// that a change committed meanwhile leaves the value marked stale.
    pub async fn get_or_build<F, Fut>(
        &self,
        generation: u64,
        key: K,
        build: F,
    ) -> Result<Arc<T>, StorageError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StorageError>>,
    {
        if let Some(value) = self.kept.read().await.fresh(generation, &key) {
            return Ok(value);
        }
        let mut kept = self.kept.write().await;
        if let Some(value) = kept.fresh(generation, &key) {
            return Ok(value);
        }
        let built = Instant::now();
        let value = Arc::new(build().await?);
        // A build from an older generation (a change came in while it read) is not kept over
        // a newer one's values.
        if generation >= kept.generation {
            if generation > kept.generation || kept.values.len() >= CAPACITY {
                kept.values.clear();
                kept.generation = generation;
            }
            kept.values.insert(key, (built, value.clone()));
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Builds `value`, counting the builds.
    async fn counted(builds: &AtomicUsize, value: u32) -> Result<u32, StorageError> {
        builds.fetch_add(1, Ordering::SeqCst);
        Ok(value)
    }

    #[tokio::test]
    async fn a_value_is_built_once_per_key_and_generation() {
        let memo: Memo<&str, u32> = Memo::default();
        let builds = AtomicUsize::new(0);

        let first = memo.get_or_build(0, "a", || counted(&builds, 1)).await;
        let again = memo.get_or_build(0, "a", || counted(&builds, 2)).await;
        let other = memo.get_or_build(0, "b", || counted(&builds, 3)).await;

        assert_eq!(
            (*first.unwrap(), *again.unwrap(), *other.unwrap()),
            (1, 1, 3)
        );
        assert_eq!(builds.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_change_makes_every_kept_value_stale() {
        let memo: Memo<&str, u32> = Memo::default();
        let builds = AtomicUsize::new(0);
        memo.get_or_build(0, "a", || counted(&builds, 1))
            .await
            .unwrap();

        let after_change = memo.get_or_build(1, "a", || counted(&builds, 2)).await;

        assert_eq!(*after_change.unwrap(), 2);
        assert_eq!(builds.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_value_read_before_a_change_is_not_kept_after_it() {
        let memo: Memo<&str, u32> = Memo::default();
        let builds = AtomicUsize::new(0);
        memo.get_or_build(2, "a", || counted(&builds, 20))
            .await
            .unwrap();

        // A request that read generation 1 before the change finishes its build late.
        let late = memo.get_or_build(1, "b", || counted(&builds, 10)).await;
        let current = memo.get_or_build(2, "b", || counted(&builds, 21)).await;

        assert_eq!(*late.unwrap(), 10, "the late request gets what it read");
        assert_eq!(*current.unwrap(), 21, "but it is not kept for others");
        assert_eq!(builds.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_failed_build_keeps_nothing() {
        let memo: Memo<&str, u32> = Memo::default();

        let failed = memo
            .get_or_build(0, "a", || async {
                Err(StorageError::Database(sea_orm::DbErr::Custom(
                    "down".into(),
                )))
            })
            .await;
        let retried = memo.get_or_build(0, "a", || async { Ok(7) }).await;

        assert!(failed.is_err());
        assert_eq!(*retried.unwrap(), 7);
    }
}
