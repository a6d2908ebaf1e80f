//! Spanning-tree maintenance after a pivot: the subtree cut off by the leaving arc is
//! re-hung by the entering arc, its stem (the path from `u_in` to `u_out`) reversed, and the
//! thread order, successor counts, last successors and potentials repaired in time
//! proportional to the stem and the moved subtree (LEMON's scheme).

use super::network_simplex::{DIR_DOWN, DIR_UP, NONE, NetworkSimplex};
use super::pivot::Leaving;

impl NetworkSimplex {
    /// Re-hangs the subtree of `u_out` below `v_in` through the entering arc.
    pub(super) fn update_tree_structure(&mut self, in_arc: usize, join: u32, lv: &Leaving) {
        let u_out = lv.u_out as usize;
        let old_rev_thread = self.rev_thread[u_out];
        let old_succ_num = self.succ_num[u_out];
        let old_last_succ = self.last_succ[u_out];
        let v_out = self.parent[u_out];
        if lv.u_in == lv.u_out {
            self.rehang_single(in_arc, lv, old_rev_thread, old_last_succ);
        } else {
            self.rehang_stem(in_arc, lv, old_rev_thread, old_last_succ, old_succ_num);
        }
        self.fix_last_succ(join, lv, v_out, old_rev_thread, old_last_succ);
        // Successor counts change only on the two paths up to the join node.
        let mut u = lv.v_in;
        while u != join {
            self.succ_num[u as usize] += old_succ_num;
            u = self.parent[u as usize];
        }
        let mut u = v_out;
        while u != join {
            self.succ_num[u as usize] -= old_succ_num;
            u = self.parent[u as usize];
        }
    }

    /// The entering arc ends at `u_out` itself: the subtree moves as it is.
    fn rehang_single(&mut self, in_arc: usize, lv: &Leaving, old_rev: u32, old_last: u32) {
        let (u_out, v_in) = (lv.u_out, lv.v_in);
        let u = u_out as usize;
        self.parent[u] = v_in;
        self.pred[u] = in_arc as u32;
        self.pred_dir[u] = self.dir_of(in_arc, u_out);
        if self.thread[v_in as usize] != u_out {
            // Unlink the subtree's thread segment and splice it in right after v_in.
            let after = self.thread[old_last as usize];
            self.link(old_rev, after);
            let after = self.thread[v_in as usize];
            self.link(v_in, u_out);
            self.link(old_last, after);
        }
    }

    /// The entering arc ends below `u_out`: reverse the stem from `u_in` up to `u_out`.
    fn rehang_stem(
        &mut self,
        in_arc: usize,
        lv: &Leaving,
        old_rev: u32,
        old_last: u32,
        old_succ: u32,
    ) {
        let (u_in, v_in, u_out) = (lv.u_in, lv.v_in, lv.u_out);
        // When u_out directly follows v_in in the thread, v_in's old successor is inside the
        // moved part; continue after the moved subtree instead.
        let thread_continue = if old_rev == v_in {
            self.thread[old_last as usize]
        } else {
            self.thread[v_in as usize]
        };
        let (last, after) = self.reverse_stem_thread(u_in, v_in, u_out);
        self.link(last, thread_continue);
        self.last_succ[u_out as usize] = last;
        if old_rev != v_in {
            self.link(old_rev, after);
        }
        for i in 0..self.dirty_revs.len() {
            let u = self.dirty_revs[i];
            self.rev_thread[self.thread[u as usize] as usize] = u;
        }
        // Walk the stem from u_out back to u_in: each node takes its new parent's old pred
        // arc (reversed) and the successor counts are recomputed from the old ones.
        let mut tmp_sc = 0;
        let tmp_ls = self.last_succ[u_out as usize];
        let mut u = u_out as usize;
        while u != u_in as usize {
            let p = self.parent[u] as usize;
            self.pred[u] = self.pred[p];
            self.pred_dir[u] = -self.pred_dir[p];
            tmp_sc += self.succ_num[u] - self.succ_num[p];
            self.succ_num[u] = tmp_sc;
            self.last_succ[p] = tmp_ls;
            u = p;
        }
        let u_in = u_in as usize;
        self.pred[u_in] = in_arc as u32;
        self.pred_dir[u_in] = self.dir_of(in_arc, lv.u_in);
        self.succ_num[u_in] = old_succ;
    }

    /// Re-threads the stem nodes and flips their parents; returns the last thread node of
    /// the moved part and the node that followed it before the move.
    fn reverse_stem_thread(&mut self, u_in: u32, v_in: u32, u_out: u32) -> (u32, u32) {
        let mut stem = u_in;
        let mut par_stem = v_in;
        let mut last = self.last_succ[u_in as usize];
        let mut after = self.thread[last as usize];
        self.thread[v_in as usize] = u_in;
        self.dirty_revs.clear();
        self.dirty_revs.push(v_in);
        while stem != u_out {
            // The next stem node's subtree follows the current stem's subtree in the thread.
            let next_stem = self.parent[stem as usize];
            self.thread[last as usize] = next_stem;
            self.dirty_revs.push(last);
            // Cut the current stem's subtree out of its old place.
            let before = self.rev_thread[stem as usize];
            self.link(before, after);
            self.parent[stem as usize] = par_stem;
            par_stem = stem;
            stem = next_stem;
            // The rest of the new stem's subtree, minus the part already moved.
            last = if self.last_succ[stem as usize] == self.last_succ[par_stem as usize] {
                self.rev_thread[par_stem as usize]
            } else {
                self.last_succ[stem as usize]
            };
            after = self.thread[last as usize];
        }
        self.parent[u_out as usize] = par_stem;
        (last, after)
    }

    /// Repairs `last_succ` on the paths from `v_in` and `v_out` towards the root.
    fn fix_last_succ(&mut self, join: u32, lv: &Leaving, v_out: u32, old_rev: u32, old_last: u32) {
        let v_in = lv.v_in;
        let up_limit_out = if self.last_succ[join as usize] == v_in {
            join
        } else {
            NONE
        };
        let last_succ_out = self.last_succ[lv.u_out as usize];
        let mut u = v_in;
        while u != NONE && self.last_succ[u as usize] == v_in {
            self.last_succ[u as usize] = last_succ_out;
            u = self.parent[u as usize];
        }
        let replacement = if join != old_rev && v_in != old_rev {
            old_rev
        } else if last_succ_out != old_last {
            last_succ_out
        } else {
            return;
        };
        let mut u = v_out;
        while u != up_limit_out && u != NONE && self.last_succ[u as usize] == old_last {
            self.last_succ[u as usize] = replacement;
            u = self.parent[u as usize];
        }
    }

    /// Shifts the potentials of the moved subtree so the entering arc has reduced cost 0.
    pub(super) fn update_potential(&mut self, in_arc: usize, lv: &Leaving) {
        let (u_in, v_in) = (lv.u_in as usize, lv.v_in as usize);
        let sigma =
            self.pi[v_in] - self.pi[u_in] - i64::from(self.pred_dir[u_in]) * self.cost[in_arc];
        let end = self.thread[self.last_succ[u_in] as usize];
        let mut u = lv.u_in;
        while u != end {
            self.pi[u as usize] += sigma;
            u = self.thread[u as usize];
        }
    }

    /// Recomputes every potential from the tree (root at 0), parents before children.
    pub(super) fn recompute_potentials(&mut self) {
        let root = self.n as u32;
        self.pi[root as usize] = 0;
        let mut u = self.thread[root as usize];
        while u != root {
            let (u_ix, e) = (u as usize, self.pred[u as usize] as usize);
            let p = self.parent[u_ix] as usize;
            // Tree arcs have reduced cost 0: cost + pi[from] - pi[to] = 0.
            self.pi[u_ix] = self.pi[p] - i64::from(self.pred_dir[u_ix]) * self.cost[e];
            u = self.thread[u_ix];
        }
    }

    /// Direction of `in_arc` seen from its end `u`, which hangs below the other end.
    fn dir_of(&self, in_arc: usize, u: u32) -> i8 {
        if u == self.source[in_arc] {
            DIR_UP
        } else {
            DIR_DOWN
        }
    }

    /// Makes `b` follow `a` in the thread order.
    fn link(&mut self, a: u32, b: u32) {
        self.thread[a as usize] = b;
        self.rev_thread[b as usize] = a;
    }
}
