//! An independent, simple and obviously exact min-cost flow for checking the simplex:
//! saturate every negative-cost arc (leaving a residual graph with no negative arc, hence
//! no negative cycle), then route the resulting excesses by successive shortest paths found
//! with Bellman-Ford from a super source. Slow, but only ever run on tiny networks.

use crate::matching::flow::FlowNetwork;

/// One residual arc; arcs come in pairs `2k` (forward) and `2k + 1` (backward).
#[derive(Clone, Copy)]
struct Residual {
    to: usize,
    cap: i64,
    cost: i64,
}

/// The optimal cost of `network`, or `None` when no feasible flow exists.
pub fn min_cost(network: &FlowNetwork) -> Option<i128> {
    let n = network.node_count();
    let (source, sink) = (n, n + 1);
    let mut excess: Vec<i64> = (0..n).map(|v| network.supply(v)).collect();
    let mut arcs: Vec<(usize, Residual)> = Vec::new();
    let mut total: i128 = 0;
    for e in 0..network.arc_count() {
        let (u, v, cap, cost) = network.arc(e);
        // A negative arc starts saturated: its residual is the backward arc, of cost > 0.
        let flow = if cost < 0 { cap } else { 0 };
        total += i128::from(flow) * i128::from(cost);
        excess[u] -= flow;
        excess[v] += flow;
        push_pair(&mut arcs, u, v, cap - flow, flow, cost);
    }
    let mut to_route = 0;
    for (v, &b) in excess.iter().enumerate() {
        if b > 0 {
            push_pair(&mut arcs, source, v, b, 0, 0);
            to_route += b;
        } else if b < 0 {
            push_pair(&mut arcs, v, sink, -b, 0, 0);
        }
    }
    while to_route > 0 {
        let path = shortest_path(n + 2, &arcs, source, sink)?;
        let push = path.iter().map(|&a| arcs[a].1.cap).min().unwrap_or(0);
        for &a in &path {
            arcs[a].1.cap -= push;
            arcs[a ^ 1].1.cap += push;
            total += i128::from(push) * i128::from(arcs[a].1.cost);
        }
        to_route -= push;
    }
    Some(total)
}

fn push_pair(
    arcs: &mut Vec<(usize, Residual)>,
    u: usize,
    v: usize,
    cap: i64,
    back: i64,
    cost: i64,
) {
    arcs.push((u, Residual { to: v, cap, cost }));
    arcs.push((
        v,
        Residual {
            to: u,
            cap: back,
            cost: -cost,
        },
    ));
}

/// Bellman-Ford over residual arcs with capacity left; the arcs of a cheapest path.
fn shortest_path(
    nodes: usize,
    arcs: &[(usize, Residual)],
    from: usize,
    to: usize,
) -> Option<Vec<usize>> {
    let mut dist: Vec<Option<i128>> = vec![None; nodes];
    let mut via = vec![usize::MAX; nodes];
    dist[from] = Some(0);
    for _ in 0..nodes {
        let mut changed = false;
        for (a, (u, r)) in arcs.iter().enumerate() {
            let (Some(du), true) = (dist[*u], r.cap > 0) else {
                continue;
            };
            let candidate = du + i128::from(r.cost);
            if dist[r.to].is_none_or(|d| candidate < d) {
                dist[r.to] = Some(candidate);
                via[r.to] = a;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    dist[to]?;
    let mut path = Vec::new();
    let mut v = to;
    while v != from {
        let a = via[v];
        path.push(a);
        v = arcs[a].0;
    }
    Some(path)
}
