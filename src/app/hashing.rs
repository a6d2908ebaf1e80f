//! Password hashing within bounds. argon2 needs 19 MiB and tens of milliseconds per hash: run
//! unbounded, 200 parallel logins took the server to 7.2 GB. Here at most `workers` hashes run
//! at once on the lane's own threads, at most `queue` more wait for a turn, and anything beyond
//! answers 503 with `Retry-After` straight away.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// Why the lane did not run a piece of work.
#[derive(Debug, thiserror::Error)]
pub enum HashingError {
    /// The lane is full: try again after this many seconds (the web answers 503 with
    /// `Retry-After`).
    #[error("the password lane is full")]
    Busy(u64),
    /// The hashing threads stopped or a hash failed.
    #[error("{0}")]
    Failed(String),
}

/// A unit of work for a hashing thread.
type Job = Box<dyn FnOnce() + Send>;

/// The bounded password-hashing lane shared by login and registration.
///
/// The work runs on the lane's own threads rather than tokio's blocking pool: the allocator
/// keeps an arena per thread that has used it, and argon2's 19 MiB blocks handed around
/// hundreds of blocking-pool threads left hundreds of megabytes resident after a crowd. With
/// `workers` threads of its own, at most `workers` such arenas exist.
#[derive(Debug)]
pub struct PasswordHashing {
    jobs: mpsc::Sender<Job>,
    admitted: Arc<AtomicUsize>,
    capacity: usize,
}

/// Counts a request out of the lane when it ends, also when its client hangs up while waiting.
struct Admission(Arc<AtomicUsize>);

impl Drop for Admission {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl PasswordHashing {
    /// `workers` threads hashing (at least one), `queue` more requests waiting.
    pub fn new(workers: usize, queue: usize) -> PasswordHashing {
        let workers = workers.max(1);
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..workers {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("password-hashing-{n}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while taking a job, not while running it.
                        let job = match receiver.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            // The lane was dropped: nothing more will come.
                            Err(_) => return,
                        }
                    }
                })
                .expect("the operating system starts a thread");
        }
        PasswordHashing {
            jobs: sender,
            admitted: Arc::new(AtomicUsize::new(0)),
            capacity: workers + queue,
        }
    }

    /// One worker per core but one (the pages keep a core, as with the region plan), sixteen
    /// waiting per worker (with ~40 ms per hash at most about 0.7 s of waiting before the
    /// server says it is busy).
    pub fn for_this_machine() -> PasswordHashing {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let workers = cores.saturating_sub(1).max(1);
        PasswordHashing::new(workers, 16 * workers)
    }

    /// Runs `work` (a hash or a verification) on a hashing thread when one is free;
    /// [`HashingError::Busy`] when the lane is full.
    pub async fn run<T, F>(&self, work: F) -> Result<T, HashingError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.reserve()?.run(work).await
    }

    /// Takes a place in the lane now, to run work later: a login reserves before it touches
    /// the database, so a crowd beyond the lane is turned away without queueing for
    /// connections that pages need.
    pub fn reserve(&self) -> Result<Reservation<'_>, HashingError> {
        if self.admitted.fetch_add(1, Ordering::AcqRel) >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(HashingError::Busy(1));
        }
        Ok(Reservation {
            lane: self,
            admission: Admission(self.admitted.clone()),
        })
    }
}

/// A place in the lane; dropping it unused gives the place back.
pub struct Reservation<'a> {
    lane: &'a PasswordHashing,
    admission: Admission,
}

impl Reservation<'_> {
    /// Runs `work` on a hashing thread when one is free.
    pub async fn run<T, F>(self, work: F) -> Result<T, HashingError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // The admission travels with the job: a client that hangs up does not free a place
        // while its hash is still queued or running.
        let admission = self.admission;
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _admission = admission;
            let _ = answer.send(work());
        });
        self.lane
            .jobs
            .send(job)
            .map_err(|_| HashingError::Failed("the hashing threads stopped".into()))?;
        answered
            .await
            .map_err(|_| HashingError::Failed("a hashing thread failed".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
                Err(HashingError::Busy(_)) => busy += 1,
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
