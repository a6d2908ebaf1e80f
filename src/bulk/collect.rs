//! Where the readers put what they read. A [`Batch`] keeps every record, to be imported; an
//! [`Overview`](super::Overview) keeps counts and first rows, to preview a large upload.

use std::fmt;

use super::{Batch, ImportProblem, Located, Origin};
use crate::domain::{Firm, Need, Offer, Parameters, Problems};

/// Receives records and problems in the order they are read.
pub trait Collect {
    /// A valid firm.
    fn add_firm(&mut self, firm: Located<Firm>);
    /// A valid offer.
    fn add_offer(&mut self, offer: Located<Offer>);
    /// A valid need.
    fn add_need(&mut self, need: Located<Need>);
    /// Valid parameters; later ones replace earlier ones.
    fn set_parameters(&mut self, parameters: Located<Parameters>);
    /// The id of a company that was refused: flows naming it are not reported again.
    fn add_refused_firm(&mut self, id: String);
    /// A problem in the input.
    fn add_problem(&mut self, problem: ImportProblem);

    /// Records every problem of one record at `origin`.
    fn report_at(&mut self, origin: &Origin, problems: Problems) {
        for problem in problems.0 {
            self.add_problem(ImportProblem {
                origin: origin.clone(),
                field: problem.field,
                reason: problem.reason,
            });
        }
    }

    /// Records one problem at `origin`.
    fn problem_at(&mut self, origin: &Origin, field: &str, reason: impl fmt::Display) {
        self.add_problem(ImportProblem {
            origin: origin.clone(),
            field: field.to_string(),
            reason: reason.to_string(),
        });
    }
}

impl Collect for Batch {
    fn add_firm(&mut self, firm: Located<Firm>) {
        self.firms.push(firm);
    }

    fn add_offer(&mut self, offer: Located<Offer>) {
        self.offers.push(offer);
    }

    fn add_need(&mut self, need: Located<Need>) {
        self.needs.push(need);
    }

    fn set_parameters(&mut self, parameters: Located<Parameters>) {
        self.parameters = Some(parameters);
    }

    fn add_refused_firm(&mut self, id: String) {
        self.refused_firms.insert(id);
    }

    fn add_problem(&mut self, problem: ImportProblem) {
        self.problems.push(problem);
    }
}

impl Batch {
    /// Hands every record and problem of this batch to `out`: problems first, then firms,
    /// offers and needs, as [`check_batch`](super::check_batch) checks them.
    pub fn pass_to(self, out: &mut impl Collect) {
        for problem in self.problems {
            out.add_problem(problem);
        }
        for id in self.refused_firms {
            out.add_refused_firm(id);
        }
        if let Some(parameters) = self.parameters {
            out.set_parameters(parameters);
        }
        self.firms.into_iter().for_each(|firm| out.add_firm(firm));
        self.offers
            .into_iter()
            .for_each(|offer| out.add_offer(offer));
        self.needs.into_iter().for_each(|need| out.add_need(need));
    }
}
