//! Partnerships: small firms working together for borrowed size. A coordinator starts one
//! (usually from a suggested cluster) and invites firms; each invited firm accepts or
//! declines for itself. Who may do what, and which texts are acceptable, is decided here.

use chrono::{Datelike, NaiveDate};

/// What the firms of a partnership do together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Buy a common input together.
    JointPurchasing,
    /// Share transport: deliveries, storage, vans.
    SharedLogistics,
    /// Train staff together.
    Training,
    /// Market together.
    Marketing,
    /// Have a common residue collected on one round.
    SharedCollection,
}

impl Kind {
    /// Every kind, in the order forms list them.
    pub const ALL: [Kind; 5] = [
        Kind::JointPurchasing,
        Kind::SharedLogistics,
        Kind::Training,
        Kind::Marketing,
        Kind::SharedCollection,
    ];

    /// As stored and posted (`joint-purchasing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::JointPurchasing => "joint-purchasing",
            Kind::SharedLogistics => "shared-logistics",
            Kind::Training => "training",
            Kind::Marketing => "marketing",
            Kind::SharedCollection => "shared-collection",
        }
    }

    /// Reads a stored or posted kind.
    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Where a firm stands in a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberState {
    /// Invited; its answer is open.
    Invited,
    /// Takes part.
    Accepted,
    /// Said no to its latest invitation.
    Declined,
}

impl MemberState {
    /// As stored (`invited`).
    pub fn as_str(self) -> &'static str {
        match self {
            MemberState::Invited => "invited",
            MemberState::Accepted => "accepted",
            MemberState::Declined => "declined",
        }
    }

    /// Reads a stored state.
    pub fn parse(text: &str) -> Option<MemberState> {
        [
            MemberState::Invited,
            MemberState::Accepted,
            MemberState::Declined,
        ]
        .into_iter()
        .find(|state| state.as_str() == text)
    }
}

/// A firm's answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

impl Answer {
    /// Reads a posted answer (`accept`, `decline`).
    pub fn parse(text: &str) -> Option<Answer> {
        match text {
            "accept" => Some(Answer::Accept),
            "decline" => Some(Answer::Decline),
            _ => None,
        }
    }
}

/// Who acts on a membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The invited firm itself.
    Firm,
    /// A coordinator of the region.
    Coordinator,
}

/// Why a step on a membership is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Joining is the firm's own decision: a coordinator cannot answer on its behalf.
    #[error("only the invited firm answers its invitation")]
    NotTheFirm,
    /// The firm answered already; only a new invitation reopens the question.
    #[error("the invitation was answered already ({})", .0.as_str())]
    AlreadyAnswered(MemberState),
    /// Only a coordinator invites firms.
    #[error("only a coordinator invites firms")]
    NotACoordinator,
    /// The firm's invitation is still open.
    #[error("the firm is invited already")]
    AlreadyInvited,
    /// The firm takes part already.
    #[error("the firm is a member already")]
    AlreadyMember,
}

/// A firm's answer to its invitation: only the firm answers, and only an open invitation.
pub fn respond(actor: Actor, state: MemberState, answer: Answer) -> Result<MemberState, Refused> {
    if actor != Actor::Firm {
        return Err(Refused::NotTheFirm);
    }
    match (state, answer) {
        (MemberState::Invited, Answer::Accept) => Ok(MemberState::Accepted),
        (MemberState::Invited, Answer::Decline) => Ok(MemberState::Declined),
        (answered, _) => Err(Refused::AlreadyAnswered(answered)),
    }
}

/// An invitation by a coordinator: to a firm not in the partnership, or again to one that
/// declined (it may have changed its mind). `current` is the firm's state, if it has one.
pub fn invite(actor: Actor, current: Option<MemberState>) -> Result<MemberState, Refused> {
    if actor != Actor::Coordinator {
        return Err(Refused::NotACoordinator);
    }
    match current {
        None | Some(MemberState::Declined) => Ok(MemberState::Invited),
        Some(MemberState::Invited) => Err(Refused::AlreadyInvited),
        Some(MemberState::Accepted) => Err(Refused::AlreadyMember),
    }
}

/// What is wrong with a typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("is empty")]
    Empty,
    #[error("is shorter than {min} characters")]
    TooShort { min: usize },
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
}

/// A trimmed text between `min` and `max` characters.
fn bounded(text: &str, min: usize, max: usize) -> Result<String, TextProblem> {
    let text = text.trim();
    let length = text.chars().count();
    if length == 0 {
        Err(TextProblem::Empty)
    } else if length < min {
        Err(TextProblem::TooShort { min })
    } else if length > max {
        Err(TextProblem::TooLong { max })
    } else {
        Ok(text.to_string())
    }
}

/// A partnership's name: 3 to 120 characters, surrounding spaces dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipName(String);

impl PartnershipName {
    /// The fewest characters of a name.
    pub const MIN: usize = 3;
    /// The most characters of a name (it heads pages and lists).
    pub const MAX: usize = super::limits::MAX_PARTNERSHIP_NAME;

    /// A name from a form.
    pub fn parse(text: &str) -> Result<PartnershipName, TextProblem> {
        bounded(text, Self::MIN, Self::MAX).map(PartnershipName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a partnership did: 3 to 1,000 characters, surrounding spaces dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDescription(String);

impl ActivityDescription {
    /// The fewest characters of a description.
    pub const MIN: usize = 3;
    /// The most characters of a description: a few sentences, not a report.
    pub const MAX: usize = super::limits::MAX_ACTIVITY;

    /// A description from a form.
    pub fn parse(text: &str) -> Result<ActivityDescription, TextProblem> {
        bounded(text, Self::MIN, Self::MAX).map(ActivityDescription)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What is wrong with an activity's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DayProblem {
    #[error("is empty")]
    Empty,
    #[error("is not a date (yyyy-mm-dd or dd-mm-yyyy)")]
    NotADate,
    /// Activities are recorded as they happen or are planned, not decades away.
    #[error("lies more than a year ahead or before 2000")]
    OutOfRange,
}

/// The day of an activity, as a date field sends it (`2026-11-28`) or as typed in Dutch
/// (`28-11-2026`, `28/11/2026`): from 2000 up to a year after `today`.
pub fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate, DayProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DayProblem::Empty);
    }
    let day = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .ok_or(DayProblem::NotADate)?;
    let latest = today
        .with_year(today.year() + 1)
        .unwrap_or(today + chrono::Days::new(365));
    if day.year() < 2000 || day > latest {
        return Err(DayProblem::OutOfRange);
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_states_read_back_what_they_store() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        for state in [
            MemberState::Invited,
            MemberState::Accepted,
            MemberState::Declined,
        ] {
            assert_eq!(MemberState::parse(state.as_str()), Some(state));
        }
        assert_eq!(Kind::parse("joint purchasing"), None);
        assert_eq!(MemberState::parse("member"), None);
        assert_eq!(Answer::parse("accept"), Some(Answer::Accept));
        assert_eq!(Answer::parse("Accept"), None);
    }

    #[test]
    fn only_an_invited_firm_answers_and_only_once() {
        assert_eq!(
            respond(Actor::Firm, MemberState::Invited, Answer::Accept),
            Ok(MemberState::Accepted)
        );
        assert_eq!(
            respond(Actor::Firm, MemberState::Invited, Answer::Decline),
            Ok(MemberState::Declined)
        );
        for answered in [MemberState::Accepted, MemberState::Declined] {
            for answer in [Answer::Accept, Answer::Decline] {
                assert_eq!(
                    respond(Actor::Firm, answered, answer),
                    Err(Refused::AlreadyAnswered(answered))
                );
            }
        }
    }

    #[test]
    fn a_coordinator_cannot_accept_on_a_firms_behalf() {
        assert_eq!(
            respond(Actor::Coordinator, MemberState::Invited, Answer::Accept),
            Err(Refused::NotTheFirm)
        );
    }

    #[test]
    fn a_coordinator_invites_new_firms_and_again_those_that_declined() {
        assert_eq!(invite(Actor::Coordinator, None), Ok(MemberState::Invited));
        assert_eq!(
            invite(Actor::Coordinator, Some(MemberState::Declined)),
            Ok(MemberState::Invited)
        );
        assert_eq!(
            invite(Actor::Coordinator, Some(MemberState::Invited)),
            Err(Refused::AlreadyInvited)
        );
        assert_eq!(
            invite(Actor::Coordinator, Some(MemberState::Accepted)),
            Err(Refused::AlreadyMember)
        );
        assert_eq!(invite(Actor::Firm, None), Err(Refused::NotACoordinator));
    }

    #[test]
    fn names_and_descriptions_are_trimmed_and_bounded() {
        assert_eq!(
            PartnershipName::parse("  Inkoop Leuken  ")
                .unwrap()
                .as_str(),
            "Inkoop Leuken"
        );
        assert_eq!(PartnershipName::parse("   "), Err(TextProblem::Empty));
        assert_eq!(
            PartnershipName::parse("ab"),
            Err(TextProblem::TooShort { min: 3 })
        );
        assert!(PartnershipName::parse(&"é".repeat(120)).is_ok());
        assert_eq!(
            PartnershipName::parse(&"é".repeat(121)),
            Err(TextProblem::TooLong { max: 120 })
        );
        assert!(ActivityDescription::parse(&"x".repeat(1000)).is_ok());
        assert_eq!(
            ActivityDescription::parse(&"x".repeat(1001)),
            Err(TextProblem::TooLong { max: 1000 })
        );
        assert_eq!(ActivityDescription::parse(""), Err(TextProblem::Empty));
    }

    #[test]
    fn an_activity_day_is_a_date_from_2000_to_a_year_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_day("2026-11-03", today), Ok(day(2026, 11, 3)));
        assert_eq!(parse_day(" 3-11-2026 ", today), Ok(day(2026, 11, 3)));
        assert_eq!(parse_day("03/11/2026", today), Ok(day(2026, 11, 3)));
        assert_eq!(parse_day("2027-11-28", today), Ok(day(2027, 11, 28)));
        assert_eq!(parse_day("2027-11-29", today), Err(DayProblem::OutOfRange));
        assert_eq!(parse_day("1999-12-31", today), Err(DayProblem::OutOfRange));
        assert_eq!(parse_day("2026-02-30", today), Err(DayProblem::NotADate));
        assert_eq!(parse_day("morgen", today), Err(DayProblem::NotADate));
        assert_eq!(parse_day("", today), Err(DayProblem::Empty));
    }
}
