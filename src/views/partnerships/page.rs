//! One partnership (`/partnerships/{id}`). A coordinator sees every invited firm with its
//! answer, invites more and records activities. A firm sees its invitation with the buttons
//! to answer, and the other firms that take part: by name once it takes part itself (joining
//! means working together), as sector and municipality before; firms only invited or that
//! declined are counted, never named.

use maud::{Markup, html};

use super::clusters::sector_cell;
use super::{FieldErrors, csrf, field_error, kind_label, state_label};
use crate::domain::partnership::{ActivityDescription, MemberState};
use crate::i18n::{Lang, date};
use crate::storage::partnerships::{FirmChoice, MemberRecord, PartnershipRecord};
use crate::t;
use crate::views::layout::{self, Viewer};
use crate::views::matches::sector_in;

/// What `/partnerships/{id}` shows.
pub struct PartnershipPage<'a> {
    pub viewer: Viewer,
    pub record: &'a PartnershipRecord,
    /// The viewer's firm; `None` for a coordinator.
    pub own_company: Option<i64>,
    /// A refusal that concerns no single field.
    pub message: Option<String>,
    pub invite: InviteForm<'a>,
    pub activity: ActivityForm,
}

/// The coordinator's form inviting one more firm.
pub struct InviteForm<'a> {
    /// Firms to pick from; `None` when the region is too large for a list (then the firm's
    /// id is typed).
    pub choices: Option<&'a [FirmChoice]>,
    /// The firm as posted.
    pub value: String,
    pub error: Option<String>,
}

/// The coordinator's form recording an activity.
pub struct ActivityForm {
    pub day: String,
    pub description: String,
    pub errors: FieldErrors,
}

/// `/partnerships/{id}`.
pub fn partnership_page(view: &PartnershipPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let record = view.record;
    layout::page(
        &record.name,
        &view.viewer,
        html! {
            p.context { a href="/partnerships" { (t!(lang, "partnerships-back")) } }
            h1 { (record.name) }
            p.meta {
                span.badge { (kind_label(lang, record.kind)) }
                " " (t!(lang, "partnerships-started", day = date(lang, record.created_at.date())))
            }
            @if let Some(message) = &view.message {
                p.error role="alert" { (message) }
            }
            @match view.own_company {
                None => {
                    @if !record.reason.is_empty() {
                        p.reason { strong { (t!(lang, "partnerships-reason")) } " " (record.reason) }
                    }
                    (coordinator_members(view))
                }
                Some(own) => {
                    (invitation(view, own))
                    (firm_members(lang, record, own))
                }
            }
            (activities(view))
        },
    )
}

fn counts(record: &PartnershipRecord, state: MemberState) -> usize {
    record.members.iter().filter(|m| m.state == state).count()
}

/// Every invited firm with its answer, and the invitation form.
fn coordinator_members(view: &PartnershipPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let record = view.record;
    html! {
        section.members aria-labelledby="members" {
            h2 #members { (t!(lang, "partnerships-members", count = record.members.len())) }
            p.context {
                (t!(lang, "partnerships-members-summary",
                    accepted = counts(record, MemberState::Accepted),
                    invited = counts(record, MemberState::Invited),
                    declined = counts(record, MemberState::Declined)))
            }
            @if !record.members.is_empty() {
                table.partnership-members {
                    thead { tr {
                        th { (t!(lang, "partnerships-column-firm")) }
                        th { (t!(lang, "partnerships-column-sector")) }
                        th { (t!(lang, "partnerships-column-municipality")) }
                        th { (t!(lang, "partnerships-column-state")) }
                        th { (t!(lang, "partnerships-column-invited-at")) }
                        th { (t!(lang, "partnerships-column-answered-at")) }
                    } }
                    tbody { @for member in &record.members {
                        tr {
                            td { (member.name) }
                            td { (sector_cell(lang, member.nace.as_deref())) }
                            td { (member.municipality) }
                            td { span.badge.state.(member.state.as_str()) { (state_label(lang, member.state)) } }
                            td.day { (date(lang, member.invited_at.date())) }
                            td.day { @match member.responded_at {
                                Some(at) => (date(lang, at.date())),
                                None => span.none { "—" },
                            } }
                        }
                    } }
                }
            }
            (invite_form(view))
        }
    }
}

fn invite_form(view: &PartnershipPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let form = &view.invite;
    let mut errors = FieldErrors::new();
    if let Some(error) = &form.error {
        errors.insert("firm", error.clone());
    }
    let invalid = form.error.as_ref().map(|_| "true");
    let described = form.error.as_ref().map(|_| "invite-firm-error");
    html! {
        form.invite method="post" action={ "/partnerships/" (view.record.id) "/invite" } {
            input type="hidden" name="csrf" value=(csrf(&view.viewer));
            div.field {
                label for="invite-firm" { (t!(lang, "partnerships-invite-label")) }
                @match form.choices {
                    Some(choices) => select #invite-firm name="firm" aria-invalid=[invalid] aria-describedby=[described] {
                        option value="" { (t!(lang, "partnerships-invite-choose")) }
                        @for choice in choices {
                            option value=(choice.key) selected[choice.key == form.value] {
                                (choice.name) " (" (choice.municipality) ")"
                                @if choice.declined { " · " (state_label(lang, MemberState::Declined)) }
                            }
                        }
                    },
                    None => input #invite-firm name="firm" value=(form.value)
                        placeholder=(t!(lang, "partnerships-invite-placeholder"))
                        aria-invalid=[invalid] aria-describedby=[described];,
                }
                (field_error(&errors, "invite-firm", "firm"))
            }
            button type="submit" { (t!(lang, "partnerships-invite")) }
        }
    }
}

/// The firm's own invitation: the buttons to answer it, or its answer.
fn invitation(view: &PartnershipPage<'_>, own: i64) -> Markup {
    let lang = view.viewer.lang;
    let member = view.record.members.iter().find(|m| m.company_id == own);
    html! {
        @match member.map(|m| (m.state, m.responded_at)) {
            Some((MemberState::Invited, _)) => {
                section.invitation aria-labelledby="invitation" {
                    h2 #invitation { (t!(lang, "partnerships-invitation")) }
                    p { (t!(lang, "partnerships-invitation-text", kind = view.record.kind.as_str())) }
                    form.answer method="post" action={ "/partnerships/" (view.record.id) "/respond" } {
                        input type="hidden" name="csrf" value=(csrf(&view.viewer));
                        button type="submit" name="answer" value="accept" { (t!(lang, "partnerships-accept")) }
                        button.secondary type="submit" name="answer" value="decline" { (t!(lang, "partnerships-decline")) }
                    }
                }
            }
            Some((MemberState::Accepted, Some(at))) => {
                p.status { (t!(lang, "partnerships-taking-part", day = date(lang, at.date()))) }
            }
            _ => {}
        }
    }
}

/// The firms taking part, as a firm may see them.
fn firm_members(lang: Lang, record: &PartnershipRecord, own: i64) -> Markup {
    let own_accepted = record.state_of(own) == Some(MemberState::Accepted);
    let accepted: Vec<&MemberRecord> = record
        .members
        .iter()
        .filter(|m| m.state == MemberState::Accepted)
        .collect();
    let waiting = record
        .members
        .iter()
        .filter(|m| m.state == MemberState::Invited && m.company_id != own)
        .count();
    html! {
        section.members aria-labelledby="members" {
            h2 #members { (t!(lang, "partnerships-taking-part-heading", count = accepted.len())) }
            @if accepted.is_empty() {
                p.empty { (t!(lang, "partnerships-nobody-yet")) }
            } @else {
                ul.partnership-firms { @for member in &accepted {
                    li { @if member.company_id == own {
                        strong { (t!(lang, "partnerships-your-firm")) }
                    } @else if own_accepted {
                        (member.name) " · " (member.municipality)
                    } @else {
                        (sector_in(lang, member.nace.as_deref(), &member.municipality))
                    } }
                } }
            }
            @if waiting > 0 {
                p.context { (t!(lang, "partnerships-others-invited", count = waiting)) }
            }
            @if !own_accepted {
                p.context { (t!(lang, "partnerships-names-after-joining")) }
            }
        }
    }
}

/// What the partnership did; coordinators record more.
fn activities(view: &PartnershipPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let record = view.record;
    let form = &view.activity;
    let invalid = |field: &str| form.errors.get(field).map(|_| "true");
    let described = |field: &'static str| {
        form.errors
            .get(field)
            .map(|_| format!("activity-{field}-error"))
    };
    html! {
        section.activities aria-labelledby="activities" {
            h2 #activities { (t!(lang, "partnerships-activities", count = record.activities.len())) }
            @if record.activities.is_empty() {
                p.empty { (t!(lang, "partnerships-activities-none")) }
            } @else {
                ul.activities { @for activity in &record.activities {
                    li {
                        time datetime=(activity.day.to_string()) { (date(lang, activity.day)) }
                        p.description-text { (activity.description) }
                    }
                } }
            }
            @if view.own_company.is_none() {
                form.stack.activity method="post" action={ "/partnerships/" (record.id) "/activities" } {
                    input type="hidden" name="csrf" value=(csrf(&view.viewer));
                    div.field {
                        label for="activity-day" { (t!(lang, "partnerships-field-day")) }
                        input #activity-day type="date" name="day" value=(form.day)
                            aria-invalid=[invalid("day")] aria-describedby=[described("day")];
                        (field_error(&form.errors, "activity-day", "day"))
                    }
                    div.field {
                        label for="activity-description" { (t!(lang, "partnerships-field-description")) }
                        textarea #activity-description name="description" rows="3"
                            maxlength=(ActivityDescription::MAX)
                            aria-invalid=[invalid("description")] aria-describedby=[described("description")]
                            { (form.description) }
                        (field_error(&form.errors, "activity-description", "description"))
                    }
                    button type="submit" { (t!(lang, "partnerships-add-activity")) }
                }
            }
        }
    }
}
