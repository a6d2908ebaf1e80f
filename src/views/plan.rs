//! The region plan for coordinators: the run's progress, the plan's totals and exchanges, and
//! the plan against what actually happens. Loops, chains and pools are in [`proposals`], a
//! collection round in [`round`].

mod exchanges;
pub mod proposals;
mod purchasing;
pub mod round;

use maud::{Markup, Render, html};

use super::layout::{self, Viewer};
use crate::app::plan_runner::{PlanResult, PlanStatus, PlanVsReality, RunStage, Running};
use crate::i18n::{Lang, date_time, number};
use crate::matching::pipeline::Stage;
use crate::t;

pub use exchanges::{PlannedList, Totals};
pub use purchasing::PurchasingPools;

/// What `/plan` shows.
pub struct PlanPage<'a> {
    pub viewer: Viewer,
    pub status: &'a PlanStatus,
    /// The plan against the exchanges as they are now (with a finished run).
    pub reality: Option<&'a PlanVsReality>,
    /// One page of the planned exchanges.
    pub page: u64,
    pub page_size: u64,
    /// A run was asked for while one was going.
    pub already_running: bool,
}

/// `/plan`.
pub fn plan_page(view: &PlanPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let csrf = view.viewer.user.as_ref().map_or("", |u| u.csrf.as_str());
    layout::page(
        &t!(lang, "plan-title"),
        &view.viewer,
        html! {
            @if view.status.running.is_some() {
                // No JavaScript: the browser reloads the page while the run goes on.
                meta http-equiv="refresh" content="2";
            }
            h1 { (t!(lang, "plan-title")) }
            (SubNav { lang, current: "/plan" })
            p.lead { (t!(lang, "plan-lead")) }
            @if view.already_running {
                p.status role="status" { (t!(lang, "plan-already-running")) }
            }
            @match &view.status.running {
                Some(running) => (Progress { lang, running }),
                None => form.run method="post" action="/plan/run" {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" {
                        @if view.status.last.is_some() { (t!(lang, "plan-run-again")) }
                        @else { (t!(lang, "plan-run")) }
                    }
                },
            }
            @if view.status.failed {
                p.error role="alert" { (t!(lang, "plan-failed")) }
            }
            @match &view.status.last {
                Some(result) => (Finished { view, result }),
                None => p.empty { (t!(lang, "plan-none-yet")) },
            }
        },
    )
}

/// The links between the plan's pages.
pub struct SubNav<'a> {
    pub lang: Lang,
    pub current: &'a str,
}

impl Render for SubNav<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let pages = [
            ("/plan", t!(lang, "plan-nav-plan")),
            ("/plan/loops", t!(lang, "plan-nav-loops")),
            ("/plan/pools", t!(lang, "plan-nav-pools")),
        ];
        html! {
            nav.filter aria-label=(t!(lang, "plan-nav")) {
                @for (href, label) in &pages {
                    a href=(href) aria-current=[(*href == self.current).then_some("page")] { (label) }
                }
            }
        }
    }
}

/// The name of a stage of the run.
fn stage_label(lang: Lang, stage: RunStage) -> String {
    let code = match stage {
        RunStage::Loading => "loading",
        RunStage::Matching(Stage::Candidates) => "candidates",
        RunStage::Matching(Stage::Solving) => "solving",
        RunStage::Matching(Stage::Loops) => "loops",
        RunStage::Matching(Stage::Pools) => "pools",
        RunStage::Matching(Stage::PurchasingPools) => "purchasing",
        RunStage::Matching(Stage::Clusters) => "clusters",
    };
    t!(lang, "plan-stage", stage = code)
}

struct Progress<'a> {
    lang: Lang,
    running: &'a Running,
}

impl Render for Progress<'_> {
    fn render(&self) -> Markup {
        let (lang, running) = (self.lang, self.running);
        let done = RunStage::ALL.iter().filter(|s| **s < running.stage).count();
        html! {
            section.progress aria-live="polite" {
                h2 { (t!(lang, "plan-running", seconds = number(lang, running.elapsed_s, 0))) }
                progress max=(RunStage::ALL.len() + 1) value=(done) { (done) " / " (RunStage::ALL.len() + 1) }
                ol.stages {
                    @for stage in RunStage::ALL {
                        @if stage < running.stage {
                            li.done { (stage_label(lang, stage)) " ✓" }
                        } @else if stage == running.stage {
                            li.current aria-current="step" { strong { (stage_label(lang, stage)) "…" } }
                        } @else {
                            li { (stage_label(lang, stage)) }
                        }
                    }
                    li { (t!(lang, "plan-stage", stage = "done")) }
                }
                p.context { (t!(lang, "plan-running-note")) }
            }
        }
    }
}

struct Finished<'a> {
    view: &'a PlanPage<'a>,
    result: &'a PlanResult,
}

impl Render for Finished<'_> {
    fn render(&self) -> Markup {
        let (lang, result) = (self.view.viewer.lang, self.result);
        let instance = &result.snapshot.instance;
        let found = &result.found;
        html! {
            p.meta {
                (t!(lang, "plan-computed",
                    at = date_time(lang, result.finished_at),
                    seconds = number(lang, result.seconds(), 1),
                    firms = number(lang, instance.firms.len() as f64, 0),
                    offers = number(lang, instance.offers.len() as f64, 0),
                    needs = number(lang, instance.needs.len() as f64, 0),
                    run = result.run as i64))
            }
            (Totals { lang, result })
            p {
                a href="/plan/loops" { (t!(lang, "plan-found-loops", loops = found.loops.len(), chains = found.chains.len())) }
                " · "
                a href="/plan/pools" { (t!(lang, "plan-found-pools", count = found.pools.len())) }
                " · "
                a href="/plan/pools#purchasing" { (t!(lang, "plan-found-purchasing", count = found.purchasing_pools.len())) }
                " · "
                (t!(lang, "plan-found-clusters", count = found.clusters.len()))
            }
            @if let Some(reality) = self.view.reality {
                (exchanges::Reality { lang, result, reality })
            }
            (PlannedList {
                lang,
                csrf: self.view.viewer.user.as_ref().map_or("", |u| u.csrf.as_str()),
                result,
                reality: self.view.reality,
                page: self.view.page,
                page_size: self.view.page_size,
            })
        }
    }
}
