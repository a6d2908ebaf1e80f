//! A value read from the database and kept until the region changes.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use crate::storage::StorageError;

/// How long a kept value serves at most. Changes made through the app replace it at once;
/// this bounds how long changes made beside it (an import on the command line) go unseen.
const MAX_AGE: Duration = Duration::from_secs(5);

/// One kept value, built for a key (e.g. a date) in a generation of the region.
pub struct Memo<K, T> {
    slot: RwLock<Option<Kept<K, T>>>,
}

struct Kept<K, T> {
    generation: u64,
    key: K,
    built: Instant,
    value: Arc<T>,
}

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo {
            slot: RwLock::new(None),
        }
    }
}

impl<K: PartialEq, T> Memo<K, T> {
    /// The kept value if it was built for `key` in `generation` less than [`MAX_AGE`] ago;
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
        let fresh = |kept: &Option<Kept<K, T>>| {
            kept.as_ref()
                .filter(|k| k.generation == generation && k.key == key)
                .filter(|k| k.built.elapsed() < MAX_AGE)
                .map(|k| k.value.clone())
        };
        if let Some(value) = fresh(&*self.slot.read().await) {
            return Ok(value);
        }
        let mut slot = self.slot.write().await;
        if let Some(value) = fresh(&slot) {
            return Ok(value);
        }
        let built = Instant::now();
        let value = Arc::new(build().await?);
        *slot = Some(Kept {
            generation,
            key,
            built,
            value: value.clone(),
        });
        Ok(value)
    }
}
