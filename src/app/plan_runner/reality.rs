//! The plan against what actually happens: which planned pairs have an exchange already and
//! in which stage, which running exchanges the plan does not contain, and how much of the
//! plan's value runs.

use crate::domain::exchange::Stage;
use crate::storage::proposals::ExchangePair;

use super::PlanResult;
use crate::app::App;
use crate::storage::StorageError;

/// A planned exchange that exists as an exchange.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matched {
    /// Index into the plan's exchanges.
    pub planned: usize,
    pub exchange: i64,
    pub stage: Stage,
}

/// The plan compared with the region's exchanges.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanVsReality {
    /// Planned exchanges that have an exchange, highest planned value first.
    pub matched: Vec<Matched>,
    /// Per stage (in the order of an exchange's life) of `matched`: how many and their
    /// planned value per year.
    pub by_stage: Vec<(Stage, usize, f64)>,
    /// Running exchanges whose pair the plan does not contain.
    pub running_outside: Vec<ExchangePair>,
    /// Planned value per year of the planned pairs whose exchange is running.
    pub realised_eur_per_year: f64,
    /// `realised_eur_per_year` over the plan's value; 0 for a plan worth nothing.
    pub realised_share: f64,
}

/// A finished run's plan against the region's exchanges as they are now.
pub async fn against_reality(
    app: &App,
    result: &PlanResult,
) -> Result<PlanVsReality, StorageError> {
    let exchanges = crate::storage::proposals::exchange_pairs(&app.db).await?;
    Ok(compare(result, &exchanges))
}

/// Compares a finished run's plan with the exchanges as they are now.
pub fn compare(result: &PlanResult, exchanges: &[ExchangePair]) -> PlanVsReality {
    let plan = &result.found.plan;
    let snapshot = &result.snapshot;
    let mut matched = Vec::new();
    let mut running_outside = Vec::new();
    for pair in exchanges {
        let offer = snapshot.offer_index.get(&pair.offer_key);
        let need = snapshot.need_index.get(&pair.need_key);
        // Searched, not bisected: the plan is ordered by need, but within a need by candidate
        // edge, which need not follow the offer's index (the demo's border firms showed it).
        let planned = offer.zip(need).and_then(|(&o, &n)| {
            plan.exchanges
                .iter()
                .position(|x| (x.need, x.offer) == (n, o))
        });
        match planned {
            Some(planned) => matched.push(Matched {
                planned,
                exchange: pair.id,
                stage: pair.stage,
            }),
            None if pair.stage == Stage::Running => running_outside.push(pair.clone()),
            None => {}
        }
    }
    let value = |m: &Matched| plan.exchanges[m.planned].benefit_eur_per_year;
    matched.sort_by(|a, b| {
        value(b)
            .total_cmp(&value(a))
            .then(a.planned.cmp(&b.planned))
    });
    let by_stage = Stage::ALL
        .iter()
        .map(|&stage| {
            let of_stage = matched.iter().filter(|m| m.stage == stage);
            (stage, of_stage.clone().count(), of_stage.map(value).sum())
        })
        .filter(|(_, count, _)| *count > 0)
        .collect();
    let realised_eur_per_year: f64 = matched
        .iter()
        .filter(|m| m.stage == Stage::Running)
        .map(value)
        .sum();
    let realised_share = if plan.objective_eur_per_year > 0.0 {
        realised_eur_per_year / plan.objective_eur_per_year
    } else {
        0.0
    };
    PlanVsReality {
        matched,
        by_stage,
        running_outside,
        realised_eur_per_year,
        realised_share,
    }
}
