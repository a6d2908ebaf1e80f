//! Password hashing within bounds. argon2 needs 19 MiB and tens of milliseconds per hash: run
//! unbounded, 200 parallel logins took the server to 7.2 GB. Here at most `workers` hashes run
//! at once on the blocking pool, at most `queue` more wait for a turn, and anything beyond
//! answers 503 with `Retry-After` straight away.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Semaphore;

use super::AppError;

/// The bounded password-hashing lane shared by login and registration.
#[derive(Debug)]
pub struct PasswordHashing {
    running: Arc<Semaphore>,
    admitted: AtomicUsize,
    capacity: usize,
}

/// Counts a request out of the lane when it ends, also when its client hangs up while waiting.
struct Admission<'a>(&'a AtomicUsize);

impl Drop for Admission<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl PasswordHashing {
    /// `workers` hashes at once (at least one), `queue` more waiting.
    pub fn new(workers: usize, queue: usize) -> PasswordHashing {
        let workers = workers.max(1);
        PasswordHashing {
            running: Arc::new(Semaphore::new(workers)),
            admitted: AtomicUsize::new(0),
            capacity: workers + queue,
        }
    }

    /// One worker per core, sixteen waiting per worker (with ~40 ms per hash that is at most
    /// about 0.7 s of waiting before the server says it is busy).
    pub fn for_this_machine() -> PasswordHashing {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        PasswordHashing::new(cores, 16 * cores)
    }

    /// Runs `work` (a hash or a verification) on the blocking pool when a worker is free;
    /// [`AppError::Busy`] when the lane is full.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        if self.admitted.fetch_add(1, Ordering::AcqRel) >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(AppError::Busy(1));
        }
        let _admission = Admission(&self.admitted);
        let permit = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        // The permit moves into the blocking task: a client that hangs up mid-hash does not
        // free a worker that is still hashing.
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(permit);
            result
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_than_the_workers_run_and_a_full_queue_is_refused_at_once() {
        let lane = Arc::new(PasswordHashing::new(2, 3));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (lane, running, most) = (lane.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    lane.run(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(50));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
                })
            })
            .collect();
        let mut done = 0;
        let mut busy = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(()) => done += 1,
                Err(AppError::Busy(_)) => busy += 1,
                Err(e) => panic!("unexpected {e}"),
            }
        }

        assert!(most.load(Ordering::SeqCst) <= 2);
        assert!(done >= 5, "at least workers + queue ran: {done}");
        assert_eq!(done + busy, 20);
        assert!(busy >= 1);
        // The lane is empty again: the next one runs.
        assert!(lane.run(|| ()).await.is_ok());
    }
}
