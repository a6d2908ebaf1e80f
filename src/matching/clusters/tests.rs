use super::*;
use crate::matching::loops::testkit::{Builder, demo_instance, firm_index, key};

/// Five bakeries within 2 km that all need used boxes, each with a line of their own.
fn bakeries(b: &mut Builder) -> Vec<u32> {
    let places = [(0.0, 0.0), (0.8, 0.3), (0.4, 1.0), (1.2, 0.9), (0.2, 0.6)];
    places
        .iter()
        .enumerate()
        .map(|(i, &(east, north))| {
            let firm = b.firm_with(east, north, Some("C10.71"), 8);
            b.need(firm, &["15 01 01"], 2.0, 100.0, 10.0);
            b.need(
                firm,
                &[["02 02 03", "03 01 05", "02 03 04", "20 01 08", "16 01 03"][i]],
                2.0,
                100.0,
                10.0,
            );
            firm
        })
        .collect()
}

#[test]
fn five_bakeries_needing_the_same_code_form_one_joint_purchasing_cluster() {
    let mut b = Builder::new();
    let members = bakeries(&mut b);
    let big = b.firm_with(0.5, 0.5, Some("C10.71"), 200);
    b.need(big, &["15 01 01"], 50.0, 100.0, 10.0);
    let far = b.firm_with(30.0, 0.0, Some("C10.71"), 8);
    b.need(far, &["15 01 01"], 2.0, 100.0, 10.0);

    let clusters = find_clusters(&b.build(), ClusterSettings::default());

    assert_eq!(clusters.len(), 1);
    let cluster = &clusters[0];
    assert_eq!(
        cluster.firms,
        members.iter().map(|&f| f as usize).collect::<Vec<_>>()
    );
    assert_eq!(cluster.purpose, ClusterPurpose::JointPurchasing);
    assert_eq!(cluster.shared_materials, vec![key("15 01 01")]);
    assert_eq!(cluster.shared_sector.as_deref(), Some("C10"));
    assert!(cluster.spread_km > 1.0 && cluster.spread_km < 2.0);
    assert!(
        cluster
            .reason
            .starts_with("5 small firms in NACE C10.71 within 1."),
        "{}",
        cluster.reason
    );
    assert!(cluster.reason.contains("15 01 01"), "{}", cluster.reason);
}

#[test]
fn a_component_larger_than_max_size_is_split_into_coherent_groups() {
    let mut b = Builder::new();
    // Three tight rows on one line, 0.5 km apart: one component of ten firms.
    for east in [0.0, 0.1, 0.2, 0.3, 0.8, 0.9, 1.0, 1.1, 1.6, 1.7] {
        let firm = b.firm_with(east, 0.0, Some("C25.62"), 12);
        b.need(firm, &["15 01 03"], 5.0, 20.0, 10.0);
    }
    let settings = ClusterSettings {
        max_size: 4,
        ..ClusterSettings::default()
    };

    let clusters = find_clusters(&b.build(), settings);

    let firms: Vec<Vec<usize>> = clusters.iter().map(|c| c.firms.clone()).collect();
    // Closest pairs merge first, so the rows become the groups; the row of two is below
    // min_size, and joining it to a full row would exceed max_size.
    assert_eq!(firms, vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]]);
    assert!(
        clusters
            .iter()
            .all(|c| c.purpose == ClusterPurpose::JointPurchasing)
    );
}

#[test]
fn a_sector_without_a_shared_need_shares_logistics_trains_or_markets() {
    let mut b = Builder::new();
    for i in 0..3 {
        let metal = b.firm_with(f64::from(i) * 0.2, 0.0, Some("C25.62"), 12);
        b.offer(metal, "12 01 01", 3.0, 10.0);
        b.firm_with(f64::from(i) * 0.2, 10.0, Some("C25.11"), 12);
        b.firm_with(f64::from(i) * 0.2, 20.0, Some("G47.21"), 4);
    }

    let clusters = find_clusters(&b.build(), ClusterSettings::default());

    let purposes: Vec<(Vec<usize>, ClusterPurpose)> = clusters
        .iter()
        .map(|c| (c.firms.clone(), c.purpose))
        .collect();
    assert_eq!(
        purposes,
        vec![
            (vec![0, 3, 6], ClusterPurpose::SharedLogistics),
            (vec![1, 4, 7], ClusterPurpose::Training),
            (vec![2, 5, 8], ClusterPurpose::Marketing),
        ]
    );
    assert_eq!(clusters[0].shared_materials, vec![key("12 01 01")]);
    assert!(clusters[1].shared_materials.is_empty());
}

#[test]
fn firms_sharing_neither_need_nor_sector_do_not_cluster_and_pairs_are_too_small() {
    let mut b = Builder::new();
    for (i, code) in ["02 02 03", "03 01 05", "20 01 08"].iter().enumerate() {
        let firm = b.firm(f64::from(i as u32) * 0.2, 0.0);
        b.need(firm, &[code], 2.0, 20.0, 10.0);
    }
    for i in 0..2 {
        let firm = b.firm(f64::from(i) * 0.2, 3.0);
        b.need(firm, &["15 01 01"], 2.0, 20.0, 10.0);
    }

    assert!(find_clusters(&b.build(), ClusterSettings::default()).is_empty());
}

#[test]
fn the_demo_region_has_clusters_including_the_four_planted_ones() {
    let instance = demo_instance();

    let clusters = find_clusters(&instance, ClusterSettings::default());

    assert!(!clusters.is_empty());
    assert_eq!(
        clusters,
        find_clusters(&instance, ClusterSettings::default())
    );
    for (id, first, last) in [
        ("CL-1", 68, 74),
        ("CL-2", 75, 80),
        ("CL-3", 81, 86),
        ("CL-4", 44, 48),
    ] {
        let members: Vec<usize> = (first..=last)
            .map(|i| firm_index(&instance, &format!("F{i:03}")))
            .collect();
        let holding = clusters
            .iter()
            .find(|c| members.iter().all(|f| c.firms.contains(f)));
        assert_eq!(
            holding.map(|c| c.purpose),
            Some(ClusterPurpose::JointPurchasing),
            "{id} is found"
        );
    }
    for cluster in &clusters {
        assert!((3..=12).contains(&cluster.firms.len()));
        assert!(
            cluster
                .firms
                .iter()
                .all(|&f| instance.firms[f].employees <= 50)
        );
        assert!(cluster.spread_km <= 5.0 + 1e-6);
    }
}
