//! The proposal pipeline: from a region to the region plan and every proposal beside it
//! (loops and chains, collection rounds, purchasing pools, clusters of small firms). It is the
//! one place these stages are put together: `symbiose match` and the coordinator's plan page
//! both run it.
//!
//! Pure: no database, no clock, no threads of its own (the stages use rayon's current pool);
//! the same region gives the same proposals. The caller is told as each [`Stage`] begins, so
//! that it can time the stages or show progress.

use super::clusters::{self, Cluster};
use super::flow::FlowError;
use super::index::SpatialIndex;
use super::instance::Instance;
use super::loops::{self, Chain, Loop};
use super::plan::{Plan, candidate_edges, solve_plan};
use super::pools::{self, Pool, PurchasingPool};

/// The stages of the pipeline, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Listing the feasible offer–need pairs.
    Candidates,
    /// Solving the region plan over them.
    Solving,
    /// Loops and chains of firms.
    Loops,
    /// Collection rounds of small producers for one receiver.
    Pools,
    /// Small firms near each other that need the same input.
    PurchasingPools,
    /// Clusters of small firms for joint projects.
    Clusters,
}

impl Stage {
    /// Every stage, in the order the pipeline runs them.
    pub const ALL: [Stage; 6] = [
        Stage::Candidates,
        Stage::Solving,
        Stage::Loops,
        Stage::Pools,
        Stage::PurchasingPools,
        Stage::Clusters,
    ];

    /// The stages that find proposals besides the plan.
    pub fn is_proposal(self) -> bool {
        self >= Stage::Loops
    }
}

/// What to compute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settings {
    /// Only the region plan: no loops, pools, purchasing pools or clusters.
    pub plan_only: bool,
}

/// The region plan and the proposals found beside it.
#[derive(Debug, Clone, Default)]
pub struct Proposals {
    /// The optimal region plan.
    pub plan: Plan,
    /// Indices into `plan.exchanges`, highest benefit per year first (ties: plan order).
    pub by_value: Vec<usize>,
    /// Closed loops of firms, best first, varied.
    pub loops: Vec<Loop>,
    /// Open chains of firms.
    pub chains: Vec<Chain>,
    /// Collection rounds that reach a receiver's smallest lot together.
    pub pools: Vec<Pool>,
    /// Small firms near each other that could buy one input together.
    pub purchasing_pools: Vec<PurchasingPool>,
    /// Clusters of small firms.
    pub clusters: Vec<Cluster>,
}

/// Runs the pipeline on a region and its spatial index, calling `entering` as each stage
/// begins. Fails only when the plan's network cannot be solved.
pub fn run(
    instance: &Instance,
    index: &SpatialIndex,
    settings: Settings,
    mut entering: impl FnMut(Stage),
) -> Result<Proposals, FlowError> {
    entering(Stage::Candidates);
    // The plan, like the reference problem, ignores lots and availability dates.
    let edges = candidate_edges(instance, index, Default::default());
    entering(Stage::Solving);
    let plan = solve_plan(instance, &edges)?;
    drop(edges);
    let by_value = by_value(&plan);
    let mut proposals = Proposals {
        plan,
        by_value,
        ..Proposals::default()
    };
    if settings.plan_only {
        return Ok(proposals);
    }
    entering(Stage::Loops);
    (proposals.loops, proposals.chains) = loops_and_chains(instance, index);
    entering(Stage::Pools);
    proposals.pools = pools::find_pools(instance, index, pools::PoolSettings::default());
    entering(Stage::PurchasingPools);
    proposals.purchasing_pools =
        pools::find_purchasing_pools(instance, pools::PurchasingSettings::default());
    entering(Stage::Clusters);
    proposals.clusters = clusters::find_clusters(instance, clusters::ClusterSettings::default());
    Ok(proposals)
}

/// The plan's exchanges, most valuable first.
fn by_value(plan: &Plan) -> Vec<usize> {
    let mut order: Vec<usize> = (0..plan.exchanges.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&plan.exchanges[a], &plan.exchanges[b]);
        y.benefit_eur_per_year
            .total_cmp(&x.benefit_eur_per_year)
            .then(a.cmp(&b))
    });
    order
}

/// Loops (varied) and chains, from one firm graph: building it lists every feasible pair.
fn loops_and_chains(instance: &Instance, index: &SpatialIndex) -> (Vec<Loop>, Vec<Chain>) {
    let settings = loops::LoopSettings::default();
    let graph = loops::firm_graph(instance, index, settings.per_firm);
    let ranked = loops::loops_in(
        &graph,
        loops::LoopSettings {
            max_results: settings.max_results * loops::VARIETY_POOL,
            ..settings
        },
    );
    (
        loops::with_variety(ranked, settings.max_results),
        loops::chains_in(&graph, settings),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::loops::testkit::demo_instance;

    fn stages_of(settings: Settings) -> (Vec<Stage>, Proposals) {
        let instance = demo_instance();
        let index = SpatialIndex::build(&instance);
        let mut seen = Vec::new();
        let proposals = run(&instance, &index, settings, |stage| seen.push(stage)).unwrap();
        (seen, proposals)
    }

    #[test]
    fn every_stage_runs_in_order_and_the_same_region_gives_the_same_proposals() {
        let (stages, first) = stages_of(Settings::default());
        assert_eq!(stages, Stage::ALL);
        let (_, second) = stages_of(Settings::default());
        assert_eq!(first.plan, second.plan);
        assert_eq!(first.by_value, second.by_value);
        assert_eq!(first.loops, second.loops);
        assert_eq!(first.pools, second.pools);
        assert_eq!(first.purchasing_pools, second.purchasing_pools);
        assert_eq!(first.clusters, second.clusters);
        assert!(
            !first.plan.exchanges.is_empty(),
            "the demo region has a plan"
        );
    }

    #[test]
    fn the_plan_alone_skips_the_proposal_stages() {
        let (stages, proposals) = stages_of(Settings { plan_only: true });
        assert_eq!(stages, [Stage::Candidates, Stage::Solving]);
        assert!(stages.iter().all(|s| !s.is_proposal()));
        assert!(proposals.loops.is_empty() && proposals.clusters.is_empty());
        assert_eq!(proposals.by_value.len(), proposals.plan.exchanges.len());
    }

    #[test]
    fn the_most_valuable_exchange_comes_first() {
        let (_, proposals) = stages_of(Settings { plan_only: true });
        let values: Vec<f64> = (proposals.by_value.iter())
            .map(|&k| proposals.plan.exchanges[k].benefit_eur_per_year)
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]));
    }
}
