//! Matching commands: `match` (the region plan, loops, pools, clusters) and `suggest` (the
//! best counterparts of one flow).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use sea_orm::DatabaseConnection;

use super::EXIT_REJECTED;
use crate::app::plan_runner::Laps;
use crate::bulk;
use crate::matching::Instance;
use crate::matching::candidates::Rules;
use crate::matching::index::SpatialIndex;
use crate::matching::pipeline::{self, Proposals, Stage};
use crate::matching::report::{Report, Timings, write_report, write_solution};
use crate::matching::suggest::{FlowRef, suggest};
use crate::storage::{self, ExistingKeys};
use crate::views::matches::reason;

/// Where the region comes from.
pub(super) enum Source<'a> {
    File(&'a Path),
    Database(&'a DatabaseConnection),
}

/// Loads the instance, or prints every problem and returns `None`.
async fn load(source: Source<'_>, today: chrono::NaiveDate) -> anyhow::Result<Option<Instance>> {
    let region = match source {
        Source::Database(db) => storage::load_region(db).await?,
        Source::File(path) => {
            let mut batch = bulk::read_file(path, today);
            match bulk::check_batch(&mut batch, &ExistingKeys::default()) {
                Ok(region) => region,
                Err(problems) => {
                    for problem in &problems {
                        eprintln!("{problem}");
                    }
                    eprintln!("instance refused: {} problem(s)", problems.len());
                    return Ok(None);
                }
            }
        }
    };
    Ok(Some(Instance::from_region(&region)))
}

/// Options of `symbiose match`.
pub(super) struct MatchOptions {
    pub json: bool,
    pub solution_out: Option<PathBuf>,
    pub plan_only: bool,
}

/// `symbiose match`.
pub(super) async fn run_match(
    source: Source<'_>,
    instance_name: &str,
    options: MatchOptions,
    today: chrono::NaiveDate,
) -> anyhow::Result<u8> {
    let started = Instant::now();
    let Some(instance) = load(source, today).await? else {
        return Ok(EXIT_REJECTED);
    };
    let load = started.elapsed().as_secs_f64();
    let (proposals, timings) = timed_pipeline(&instance, options.plan_only, load)?;
    let plan = &proposals.plan;
    if let Some(path) = &options.solution_out {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        write_solution(
            &instance,
            plan,
            instance_name,
            std::io::BufWriter::new(file),
        )
        .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let report = Report {
        instance: &instance,
        plan,
        loops: &proposals.loops,
        chains: &proposals.chains,
        pools: &proposals.pools,
        purchasing_pools: &proposals.purchasing_pools,
        clusters: &proposals.clusters,
        timings,
    };
    if options.json {
        write_report(&report, std::io::BufWriter::new(std::io::stdout().lock()))
            .context("cannot write the report to standard output")?;
    } else {
        print_summary(&report);
    }
    Ok(0)
}

/// The proposal pipeline on the instance, with the seconds of each part the report names
/// (the spatial index counts with the candidates, as the benchmark's split has it).
fn timed_pipeline(
    instance: &Instance,
    plan_only: bool,
    load: f64,
) -> anyhow::Result<(Proposals, Timings)> {
    let mut timings = Timings {
        load,
        ..Timings::default()
    };
    let lap = Instant::now();
    let index = SpatialIndex::build(instance);
    let indexing = lap.elapsed().as_secs_f64();
    let mut laps = Laps::new();
    let settings = pipeline::Settings { plan_only };
    let proposals = pipeline::run(instance, &index, settings, |stage| laps.begin(stage))
        .context("the region plan could not be solved")?;
    for (stage, seconds) in laps.finish() {
        match stage {
            Stage::Candidates => timings.candidates = indexing + seconds,
            Stage::Solving => timings.solve = seconds,
            _ => timings.proposals += seconds,
        }
    }
    Ok((proposals, timings))
}

fn print_summary(report: &Report<'_>) {
    let plan = report.plan;
    let t = report.timings;
    println!(
        "region plan: {} exchanges, {:.1} t/yr, net benefit €{:.2}/yr, transport CO₂ {:.1} t/yr",
        plan.exchanges.len(),
        plan.quantity_per_year,
        plan.objective_eur_per_year,
        plan.co2_transport_kg_per_year / 1000.0
    );
    println!(
        "  {} candidate edges in {} independent part(s)",
        plan.candidate_edges, plan.components
    );
    println!(
        "loops: {}, chains: {}, pools: {}, purchasing pools: {}, clusters: {}",
        report.loops.len(),
        report.chains.len(),
        report.pools.len(),
        report.purchasing_pools.len(),
        report.clusters.len()
    );
    println!(
        "time: load {:.2} s, candidates {:.2} s, solve {:.2} s, total {:.2} s (loops, pools, clusters {:.2} s)",
        t.load,
        t.candidates,
        t.solve,
        t.load + t.candidates + t.solve,
        t.proposals
    );
}

/// Options of `symbiose suggest`.
pub(super) struct SuggestOptions {
    pub flow: String,
    pub top: usize,
    pub json: bool,
    /// The language of the reasons.
    pub lang: crate::i18n::Lang,
}

/// `symbiose suggest`.
pub(super) async fn run_suggest(
    source: Source<'_>,
    options: SuggestOptions,
    today: chrono::NaiveDate,
) -> anyhow::Result<u8> {
    let Some(instance) = load(source, today).await? else {
        return Ok(EXIT_REJECTED);
    };
    let Some(flow) = FlowRef::find(&instance, &options.flow) else {
        eprintln!(
            "flow: \"{}\" is neither an offer nor a need of this region",
            options.flow
        );
        return Ok(EXIT_REJECTED);
    };
    let index = SpatialIndex::build(&instance);
    let rules = Rules {
        as_of: None,
        enforce_min_lot: true,
    };
    let suggestions = suggest(&instance, &index, flow, rules, options.top);
    if options.json {
        let value = serde_json::json!({
            "flow": options.flow,
            "suggestions": suggestions.iter().map(|s| serde_json::json!({
                "counterpart": s.counterpart_id,
                "road_km": s.economics.road_km,
                "tonnes_per_year": s.economics.quantity,
                "benefit_eur_per_t": s.economics.benefit_eur_per_unit,
                "benefit_eur_per_year": s.economics.benefit_eur_per_year,
                "co2_kg_per_year": s.economics.co2_net_kg_per_year(),
                "reasons": s.reasons.iter().map(|r| reason(options.lang, r)).collect::<Vec<_>>(),
                "fit": s.assessment.fit.score,
            })).collect::<Vec<_>>(),
        });
        println!("{value}");
    } else if suggestions.is_empty() {
        println!("no feasible counterpart for {}", options.flow);
    } else {
        for (rank, s) in suggestions.iter().enumerate() {
            println!(
                "{}. {} — €{:.0}/yr ({:.1} km)",
                rank + 1,
                s.counterpart_id,
                s.economics.benefit_eur_per_year,
                s.economics.road_km
            );
            for said in &s.reasons {
                println!("   · {}", reason(options.lang, said));
            }
        }
    }
    Ok(0)
}
