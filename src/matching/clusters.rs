//! Clusters of small firms for borrowed size: neighbours that need the same inputs or work in
//! the same sector, proposed to a coordinator for joint purchasing, shared logistics,
//! training or marketing.
//!
//! Method.
//! 1. Small firms are those with at most [`ClusterSettings::max_employees`]; larger firms are
//!    left out altogether, so they never connect two groups either.
//! 2. A similarity graph (petgraph [`UnGraph`](petgraph::graph::UnGraph)) links two small firms within
//!    [`ClusterSettings::radius_km`] crow-fly that share a need material (their needs'
//!    accepted materials intersect) or a NACE division (`C25` of `C25.62`). Neighbours come
//!    from one R-tree per need material and per division: each firm asks every tree of its
//!    own keys for its `max_size` nearest members within the radius, so a dense estate costs
//!    at most `keys × max_size` edges per firm, and never are all pairs compared (the
//!    100,000-firm benchmark instance, 87,000 of them small, clusters in about a second on
//!    two cores).
//! 3. Clusters are the graph's connected components, split where a component is too large,
//!    too wide or without a common theme. The split merges along the strongest edges first
//!    (Kruskal-style, by union–find): edges sharing both a need and a division before edges
//!    sharing one, then shorter before longer, then by firm index. A merge is skipped when
//!    the group would exceed [`ClusterSettings::max_size`], when two of its members would be
//!    farther apart than the radius (complete linkage: a cluster is compact, not a chain of
//!    neighbours), when its members would have no need material and no division in common,
//!    or when a group that already has `min_size` members would lose its common need or its
//!    common division (a cluster does not dilute its theme to grow). A small, compact,
//!    coherent component is thus kept whole; a dense one falls apart into compact, coherent
//!    groups. Groups below [`ClusterSettings::min_size`] are dropped.
//! 4. Purpose: a need common to all members ⇒ [`ClusterPurpose::JointPurchasing`]; else a
//!    common division with a material offered by all ⇒ [`ClusterPurpose::SharedLogistics`]
//!    (one collection round); else a common division in retail, hospitality or leisure
//!    (NACE sections G, I, R: firms that sell to the public) ⇒ [`ClusterPurpose::Marketing`];
//!    else ⇒ [`ClusterPurpose::Training`].

use std::fmt::Write;

use rayon::prelude::*;

use super::economics::crow_km;
use super::instance::{Instance, MaterialKey};
use crate::domain::Catalogue;

mod grouping;
mod similarity;

use grouping::{intersect, split_groups};
use similarity::{Profile, similarity_graph};

/// What a cluster of small firms could do together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClusterPurpose {
    /// Buy a common input together.
    JointPurchasing,
    /// Have a common residue collected on one round.
    SharedLogistics,
    /// Train staff together (same trade).
    Training,
    /// Market together (retail, hospitality, leisure).
    Marketing,
}

/// A suggested cluster of small firms.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Indices into [`Instance::firms`], ascending.
    pub firms: Vec<usize>,
    pub purpose: ClusterPurpose,
    /// One sentence a coordinator can repeat: count, sector, spread and shared materials.
    pub reason: String,
    /// The materials the purpose is about: needed by every member (joint purchasing) or
    /// offered by every member (shared logistics); empty otherwise.
    pub shared_materials: Vec<MaterialKey>,
    /// The NACE division every member is in (`C25`), if any.
    pub shared_sector: Option<String>,
    /// Largest crow-fly distance between two members, km.
    pub spread_km: f64,
}

/// Who counts as small, how close and how many.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterSettings {
    /// Largest head count of a small firm (default 50).
    pub max_employees: u32,
    /// Largest crow-fly distance of two linked firms, and of any two members of a cluster,
    /// km (default 5).
    pub radius_km: f64,
    /// Fewest firms in a cluster (default 3; values below 2 count as 2).
    pub min_size: usize,
    /// Most firms in a cluster (default 12).
    pub max_size: usize,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings {
            max_employees: 50,
            radius_km: 5.0,
            min_size: 3,
            max_size: 12,
        }
    }
}

/// Suggested clusters, largest first, ties by smallest firm index.
pub fn find_clusters(instance: &Instance, settings: ClusterSettings) -> Vec<Cluster> {
    let profiles = Profile::of_small_firms(instance, settings.max_employees);
    let graph = similarity_graph(&profiles, settings);
    let min_size = settings.min_size.max(2);
    let mut clusters: Vec<Cluster> = split_groups(&graph, &profiles, settings)
        .into_par_iter()
        .filter(|group| group.len() >= min_size)
        .map(|group| describe(instance, &profiles, &group))
        .collect();
    clusters.sort_by(|a, b| {
        b.firms
            .len()
            .cmp(&a.firms.len())
            .then(a.firms[0].cmp(&b.firms[0]))
    });
    clusters
}

/// The cluster of a group of profile positions: what its members share, and why it matters.
fn describe(instance: &Instance, profiles: &[Profile], group: &[usize]) -> Cluster {
    let members: Vec<&Profile> = group.iter().map(|&p| &profiles[p]).collect();
    let needs = members[1..]
        .iter()
        .fold(members[0].needs.clone(), |acc, p| intersect(&acc, &p.needs));
    let offers = members[1..]
        .iter()
        .fold(members[0].offers.clone(), |acc, p| {
            intersect(&acc, &p.offers)
        });
    let division = members[0]
        .division
        .clone()
        .filter(|d| members.iter().all(|p| p.division.as_ref() == Some(d)));
    let (purpose, shared_materials) = match &division {
        _ if !needs.is_empty() => (ClusterPurpose::JointPurchasing, needs),
        Some(_) if !offers.is_empty() => (ClusterPurpose::SharedLogistics, offers),
        Some(d) if d.starts_with(['G', 'I', 'R']) => (ClusterPurpose::Marketing, Vec::new()),
        _ => (ClusterPurpose::Training, Vec::new()),
    };
    let mut firms: Vec<usize> = members.iter().map(|p| p.firm).collect();
    firms.sort_unstable();
    let spread_km = spread(instance, &firms);
    // Name the finest common code: "C10.71" says bakeries where "C10" says food.
    let sector = division.as_ref().map(|d| {
        let first = instance.firms[firms[0]].nace.as_deref().unwrap_or(d);
        let same = firms
            .iter()
            .all(|&f| instance.firms[f].nace.as_deref() == Some(first));
        if same { first } else { d.as_str() }
    });
    let reason = reason(firms.len(), purpose, sector, spread_km, &shared_materials);
    Cluster {
        firms,
        purpose,
        reason,
        shared_materials,
        shared_sector: division,
        spread_km,
    }
}

/// Largest crow-fly distance between two of the firms, km.
fn spread(instance: &Instance, firms: &[usize]) -> f64 {
    let mut widest: f64 = 0.0;
    for (i, &a) in firms.iter().enumerate() {
        for &b in &firms[i + 1..] {
            let (a, b) = (&instance.firms[a], &instance.firms[b]);
            widest = widest.max(crow_km(a.lat, a.lon, b.lat, b.lon));
        }
    }
    widest
}

/// "6 small firms in NACE C10.71 within 1.9 km all need 15 01 01 (Paper and cardboard
/// packaging): joint purchasing".
fn reason(
    count: usize,
    purpose: ClusterPurpose,
    sector: Option<&str>,
    spread_km: f64,
    materials: &[MaterialKey],
) -> String {
    let mut text = format!("{count} small firms");
    if let Some(sector) = sector {
        let _ = write!(text, " in NACE {sector}");
    }
    let _ = write!(text, " within {spread_km:.1} km");
    let _ = match purpose {
        ClusterPurpose::JointPurchasing => write!(
            text,
            " all need {}: joint purchasing",
            materials_text(materials)
        ),
        ClusterPurpose::SharedLogistics => write!(
            text,
            " all offer {}: one shared collection round",
            materials_text(materials)
        ),
        ClusterPurpose::Training => write!(text, ": shared training"),
        ClusterPurpose::Marketing => write!(text, ": shared marketing"),
    };
    text
}

/// Up to three codes with their description, and how many more.
fn materials_text(materials: &[MaterialKey]) -> String {
    const SHOWN: usize = 3;
    let entries = Catalogue::get().entries();
    let named: Vec<String> = materials
        .iter()
        .take(SHOWN)
        .map(|&m| match entries.get(m.0 as usize) {
            Some(entry) => format!("{} ({})", m.code(), shortened(&entry.description_en)),
            None => m.code().to_string(),
        })
        .collect();
    let mut text = named.join(", ");
    if materials.len() > SHOWN {
        let _ = write!(text, " and {} more", materials.len() - SHOWN);
    }
    text
}

/// A catalogue description cut to about 40 characters at a word boundary: some run to 200.
fn shortened(description: &str) -> String {
    const LIMIT: usize = 40;
    if description.chars().count() <= LIMIT {
        return description.to_string();
    }
    let cut: String = description.chars().take(LIMIT).collect();
    let words = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", words.trim_end_matches([',', ' ']))
}

#[cfg(test)]
mod tests;
