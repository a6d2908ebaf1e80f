//! Seconds per stage of a computation that reports its stages as they begin (the proposal
//! pipeline): the plan page shows them, `symbiose match` prints them.

use std::time::Instant;

/// The stages seen so far and how long each took.
#[derive(Debug)]
pub struct Laps<S> {
    current: Option<(S, Instant)>,
    seconds: Vec<(S, f64)>,
}

impl<S> Default for Laps<S> {
    fn default() -> Self {
        Laps {
            current: None,
            seconds: Vec::new(),
        }
    }
}

impl<S: Copy> Laps<S> {
    /// No stage yet.
    pub fn new() -> Laps<S> {
        Laps::default()
    }

    /// Ends the current stage, if any, and starts timing `stage`.
    pub fn begin(&mut self, stage: S) {
        self.end();
        self.current = Some((stage, Instant::now()));
    }

    fn end(&mut self) {
        if let Some((stage, started)) = self.current.take() {
            self.seconds.push((stage, started.elapsed().as_secs_f64()));
        }
    }

    /// Ends the current stage; every stage with its seconds, in the order they ran.
    pub fn finish(mut self) -> Vec<(S, f64)> {
        self.end();
        self.seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stage_is_timed_once_in_order() {
        let mut laps = Laps::new();
        laps.begin('a');
        laps.begin('b');
        let seconds = laps.finish();
        assert_eq!(seconds.iter().map(|(s, _)| *s).collect::<String>(), "ab");
        assert!(seconds.iter().all(|(_, s)| *s >= 0.0));
    }
}
