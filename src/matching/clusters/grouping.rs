//! From the similarity graph to groups (step 3 of the clusters method): merge along the
//! strongest edges first, union–find style, as long as each group stays small, compact and
//! coherent.

use petgraph::graph::UnGraph;
use petgraph::unionfind::UnionFind;

use super::ClusterSettings;
use super::similarity::{Profile, Similarity};
use crate::matching::index::chord_squared;
use crate::matching::instance::MaterialKey;

/// A group being grown, and what all its members still have in common.
struct Group {
    /// Profile positions.
    members: Vec<usize>,
    needs: Vec<MaterialKey>,
    division: Option<String>,
}

/// Groups of profile positions (each sorted): the graph's components, split where they are
/// too large, too wide or without a common need or division.
pub(super) fn split_groups(
    graph: &UnGraph<usize, Similarity>,
    profiles: &[Profile],
    settings: ClusterSettings,
) -> Vec<Vec<usize>> {
    let edges = strongest_first(graph);
    let mut sets = UnionFind::<usize>::new(profiles.len());
    let mut groups: Vec<Group> = profiles
        .iter()
        .enumerate()
        .map(|(p, profile)| Group {
            members: vec![p],
            needs: profile.needs.clone(),
            division: profile.division.clone(),
        })
        .collect();
    for (a, b, _) in edges {
        let (ra, rb) = (sets.find_mut(a), sets.find_mut(b));
        if ra == rb {
            continue;
        }
        if let Some(merged) = merge(&groups[ra], &groups[rb], profiles, settings) {
            sets.union(ra, rb);
            let (root, gone) = if sets.find_mut(ra) == ra {
                (ra, rb)
            } else {
                (rb, ra)
            };
            groups[gone].members = Vec::new();
            groups[root] = merged;
        }
    }
    groups
        .into_iter()
        .enumerate()
        .filter(|(p, _)| sets.find_mut(*p) == *p)
        .map(|(_, mut group)| {
            group.members.sort_unstable();
            group.members
        })
        .collect()
}

/// The graph's edges, strongest first: sharing a need and a division, then shorter, then
/// by profile position.
fn strongest_first(graph: &UnGraph<usize, Similarity>) -> Vec<(usize, usize, Similarity)> {
    let mut edges: Vec<(usize, usize, Similarity)> = graph
        .raw_edges()
        .iter()
        .map(|e| (e.source().index(), e.target().index(), e.weight))
        .collect();
    edges.sort_by(|a, b| {
        b.2.strength()
            .cmp(&a.2.strength())
            .then(a.2.km.total_cmp(&b.2.km))
            .then((a.0, a.1).cmp(&(b.0, b.1)))
    });
    edges
}

/// The union of two groups, unless it would break a rule of the method.
fn merge(a: &Group, b: &Group, profiles: &[Profile], settings: ClusterSettings) -> Option<Group> {
    if a.members.len() + b.members.len() > settings.max_size {
        return None;
    }
    let needs = intersect(&a.needs, &b.needs);
    let division = a
        .division
        .clone()
        .filter(|d| b.division.as_ref() == Some(d));
    if needs.is_empty() && division.is_none() {
        return None;
    }
    // A group that is a cluster already does not give up what makes it one in order to grow:
    // six bakeries needing boxes stay that, rather than absorb a recycler that needs boxes too.
    let keeps_theme = |g: &Group| {
        g.members.len() < settings.min_size.max(2)
            || ((g.needs.is_empty() || !needs.is_empty())
                && (g.division.is_none() || division.is_some()))
    };
    if !keeps_theme(a) || !keeps_theme(b) {
        return None;
    }
    // Every two members stay within the radius (complete linkage), so that merging along a
    // chain of neighbours cannot stretch a cluster across a town.
    let chord2 = chord_squared(settings.radius_km);
    let compact = a.members.iter().all(|&p| {
        b.members
            .iter()
            .all(|&q| chord2_between(&profiles[p], &profiles[q]) <= chord2)
    });
    compact.then(|| Group {
        members: [a.members.as_slice(), b.members.as_slice()].concat(),
        needs,
        division,
    })
}

fn chord2_between(a: &Profile, b: &Profile) -> f64 {
    (0..3).map(|i| (a.at[i] - b.at[i]).powi(2)).sum()
}

/// Sorted intersection of two sorted lists.
pub(super) fn intersect(a: &[MaterialKey], b: &[MaterialKey]) -> Vec<MaterialKey> {
    a.iter()
        .filter(|k| b.binary_search(k).is_ok())
        .copied()
        .collect()
}
