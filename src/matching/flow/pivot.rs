//! One simplex pivot: pricing (block search), the cycle's join node, the leaving arc
//! (Cunningham's rule) and the flow change around the cycle.

use super::network_simplex::{
    DIR_DOWN, DIR_UP, NONE, NetworkSimplex, STATE_LOWER, STATE_TREE, STATE_UPPER,
};
use super::{FlowError, INFINITE_CAPACITY};

/// The outcome of the ratio test on the cycle closed by the entering arc.
#[derive(Debug, Clone, Copy)]
pub(super) struct Leaving {
    /// How much flow goes round the cycle.
    pub delta: i64,
    /// Whether a tree arc leaves (`false`: the entering arc only moves to its other bound).
    pub change: bool,
    /// The node whose `pred` arc leaves the tree.
    pub u_out: u32,
    /// End of the entering arc on `u_out`'s side: it will hang from `v_in`.
    pub u_in: u32,
    /// The other end of the entering arc.
    pub v_in: u32,
}

impl NetworkSimplex {
    /// Block search: scans arcs from where the last search stopped, a block at a time, and
    /// returns the most violating arc of the first block that has one.
    pub(super) fn find_entering_arc(&mut self) -> Option<usize> {
        let (start, end) = (self.n, self.source.len());
        let next = self.next_arc.clamp(start, end);
        let mut best = Best {
            min: 0,
            arc: 0,
            left: self.block_size,
        };
        let stop = self
            .scan(next, end, &mut best)
            .or_else(|| self.scan(start, next, &mut best));
        match stop {
            Some(after) => {
                self.next_arc = if after == end { start } else { after };
                Some(best.arc)
            }
            // A full round found a violation only in an unfinished last block.
            None if best.min < 0 => Some(best.arc),
            None => None,
        }
    }

    /// Prices arcs `from..to`; returns the position after the block that ended with a
    /// violating arc, if any.
    fn scan(&self, from: usize, to: usize, best: &mut Best) -> Option<usize> {
        let (source, target) = (&self.source[from..to], &self.target[from..to]);
        let (cost, state) = (&self.cost[from..to], &self.state[from..to]);
        let pi = &self.pi;
        for k in 0..source.len() {
            let rc = cost[k] + pi[source[k] as usize] - pi[target[k] as usize];
            let violation = i64::from(state[k]) * rc;
            if violation < best.min {
                best.min = violation;
                best.arc = from + k;
            }
            best.left -= 1;
            if best.left == 0 {
                if best.min < 0 {
                    return Some(from + k + 1);
                }
                best.left = self.block_size;
            }
        }
        None
    }

    /// Brings `in_arc` into the basis (or moves it to its other bound).
    pub(super) fn pivot(&mut self, in_arc: usize) -> Result<(), FlowError> {
        let join = self.find_join_node(in_arc);
        let leaving = self.find_leaving_arc(in_arc, join);
        if leaving.delta == INFINITE_CAPACITY {
            return Err(FlowError::Unbounded);
        }
        self.change_flow(in_arc, join, &leaving);
        if leaving.change {
            self.update_tree_structure(in_arc, join, &leaving);
            self.update_potential(in_arc, &leaving);
        }
        Ok(())
    }

    /// The lowest common ancestor of the entering arc's ends, where its cycle closes.
    fn find_join_node(&self, in_arc: usize) -> u32 {
        let (mut u, mut v) = (self.source[in_arc], self.target[in_arc]);
        // The end with fewer successors cannot be an ancestor of the other: climb it.
        while u != v {
            if self.succ_num[u as usize] < self.succ_num[v as usize] {
                u = self.parent[u as usize];
            } else {
                v = self.parent[v as usize];
            }
        }
        u
    }

    /// Ratio test. Flow goes along the entering arc from `first` to `second`, up from
    /// `second` to `join` and down from `join` to `first`. Ties go to the last blocking arc
    /// met from `join` along the cycle, which keeps the tree strongly feasible (no cycling).
    fn find_leaving_arc(&self, in_arc: usize, join: u32) -> Leaving {
        let (src, tgt) = (self.source[in_arc], self.target[in_arc]);
        let (first, second) = if self.state[in_arc] == STATE_LOWER {
            (src, tgt)
        } else {
            (tgt, src)
        };
        let mut delta = self.cap[in_arc];
        let mut side = 0;
        let mut u_out = NONE;
        let mut u = first;
        while u != join {
            // Flow runs parent → u here: an upward pred arc loses flow.
            let d = self.residual(u, DIR_DOWN);
            if d < delta {
                (delta, u_out, side) = (d, u, 1);
            }
            u = self.parent[u as usize];
        }
        let mut u = second;
        while u != join {
            // Flow runs u → parent here: a downward pred arc loses flow.
            let d = self.residual(u, DIR_UP);
            if d <= delta {
                (delta, u_out, side) = (d, u, 2);
            }
            u = self.parent[u as usize];
        }
        let (u_in, v_in) = if side == 1 {
            (first, second)
        } else {
            (second, first)
        };
        Leaving {
            delta,
            change: side != 0,
            u_out,
            u_in,
            v_in,
        }
    }

    /// How much more flow `u`'s pred arc can carry in the cycle's direction: up to its
    /// capacity when the arc points along `growing`, down to 0 otherwise.
    fn residual(&self, u: u32, growing: i8) -> i64 {
        let e = self.pred[u as usize] as usize;
        if self.pred_dir[u as usize] == growing {
            let c = self.cap[e];
            if c == INFINITE_CAPACITY {
                INFINITE_CAPACITY
            } else {
                c - self.flow[e]
            }
        } else {
            self.flow[e]
        }
    }

    /// Sends `delta` round the cycle and updates the states of the entering and leaving arcs.
    fn change_flow(&mut self, in_arc: usize, join: u32, leaving: &Leaving) {
        if leaving.delta > 0 {
            let val = i64::from(self.state[in_arc]) * leaving.delta;
            self.flow[in_arc] += val;
            let mut u = self.source[in_arc];
            while u != join {
                let e = self.pred[u as usize] as usize;
                self.flow[e] -= i64::from(self.pred_dir[u as usize]) * val;
                u = self.parent[u as usize];
            }
            let mut u = self.target[in_arc];
            while u != join {
                let e = self.pred[u as usize] as usize;
                self.flow[e] += i64::from(self.pred_dir[u as usize]) * val;
                u = self.parent[u as usize];
            }
        }
        if leaving.change {
            self.state[in_arc] = STATE_TREE;
            let out = self.pred[leaving.u_out as usize] as usize;
            self.state[out] = if self.flow[out] == 0 {
                STATE_LOWER
            } else {
                STATE_UPPER
            };
        } else {
            self.state[in_arc] = -self.state[in_arc];
        }
    }
}

/// Running minimum of a block search.
struct Best {
    min: i64,
    arc: usize,
    left: usize,
}
