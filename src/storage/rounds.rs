//! Collection rounds: a pool of small producers that a coordinator turned into one round
//! collecting their offers for a receiver's need, with an exchange per member.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    SqlErr,
};

use super::StorageError;
use super::entities::{
    collection_round_members, collection_rounds, companies, exchanges, needs, offers,
};
use super::exchanges::PartyRecord;
use super::proposals::{Link, Opened, ProposedBy, open_links_in};
use crate::domain::exchange::Stage;

/// The state of a round just formed: proposed to its members and receiver.
pub const PROPOSED: &str = "proposed";

/// A pool as a coordinator turns it into a round.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRound {
    /// The receiver's need, by key.
    pub need: String,
    pub members: Vec<NewMember>,
}

/// One member of a new round.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMember {
    /// The offer collected, by key.
    pub offer: String,
    pub cost_share_eur_per_year: f64,
    pub tonnes_per_year: f64,
}

/// What forming a round did.
#[derive(Debug, Clone, PartialEq)]
pub enum Formed {
    /// A new round, with the exchanges opened for its members.
    Created { id: i64, opened: Opened },
    /// The need has a round already: one round per need, so nothing was written.
    Existing(i64),
    /// The need or one of the offers no longer exists: nothing was written.
    Missing,
}

/// Forms a round in one transaction: the round, its members and an exchange per member
/// (see [`super::proposals`]). `note` is given the round's id to mention. A need has at
/// most one round, also when two coordinators press at once.
pub async fn form_round(
    db: &DatabaseConnection,
    round: &NewRound,
    user_id: i64,
    note: impl Fn(i64) -> String,
    at: NaiveDateTime,
) -> Result<Formed, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(need) = needs::Entity::find()
        .filter(needs::Column::Key.eq(&round.need))
        .one(&txn)
        .await?
    else {
        return Ok(Formed::Missing);
    };
    if let Some(existing) = round_of_need(&txn, need.id).await? {
        return Ok(Formed::Existing(existing));
    }
    let Some(members) = member_offers(&txn, round).await? else {
        return Ok(Formed::Missing);
    };
    let id = match insert_round(&txn, need.id, &members, user_id, at).await {
        Ok(id) => id,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            txn.rollback().await?;
            // Another coordinator formed it in the meantime.
            return Ok(round_of_need(db, need.id)
                .await?
                .map_or(Formed::Missing, Formed::Existing));
        }
        Err(e) => return Err(e.into()),
    };
    let links: Vec<Link> = round
        .members
        .iter()
        .map(|m| Link {
            offer: m.offer.clone(),
            need: round.need.clone(),
        })
        .collect();
    let note = note(id);
    let by = ProposedBy {
        user_id,
        note: &note,
        at,
    };
    let opened = open_links_in(&txn, &links, by).await?;
    txn.commit().await?;
    Ok(Formed::Created { id, opened })
}

async fn round_of_need(
    conn: &impl ConnectionTrait,
    need_id: i64,
) -> Result<Option<i64>, StorageError> {
    Ok(collection_rounds::Entity::find()
        .filter(collection_rounds::Column::NeedId.eq(need_id))
        .one(conn)
        .await?
        .map(|round| round.id))
}

/// The offer rows of a new round's members; `None` when one no longer exists.
async fn member_offers<'a>(
    conn: &impl ConnectionTrait,
    round: &'a NewRound,
) -> Result<Option<Vec<(offers::Model, &'a NewMember)>>, StorageError> {
    let mut members = Vec::with_capacity(round.members.len());
    for member in &round.members {
        let offer = offers::Entity::find()
            .filter(offers::Column::Key.eq(&member.offer))
            .one(conn)
            .await?;
        let Some(offer) = offer else {
            return Ok(None);
        };
        members.push((offer, member));
    }
    Ok(Some(members))
}

/// The round's row and its members' rows; returns the round's id.
async fn insert_round(
    conn: &impl ConnectionTrait,
    need_id: i64,
    members: &[(offers::Model, &NewMember)],
    user_id: i64,
    at: NaiveDateTime,
) -> Result<i64, DbErr> {
    let id = collection_rounds::Entity::insert(collection_rounds::ActiveModel {
        id: NotSet,
        need_id: Set(need_id),
        created_at: Set(at),
        created_by: Set(Some(user_id)),
        state: Set(PROPOSED.to_string()),
    })
    .exec(conn)
    .await?
    .last_insert_id;
    let rows = members
        .iter()
        .map(|(offer, member)| collection_round_members::ActiveModel {
            id: NotSet,
            round_id: Set(id),
            offer_id: Set(offer.id),
            company_id: Set(offer.company_id),
            cost_share_eur_per_year: Set(member.cost_share_eur_per_year),
            tonnes_per_year: Set(member.tonnes_per_year),
        });
    collection_round_members::Entity::insert_many(rows)
        .exec_without_returning(conn)
        .await?;
    Ok(id)
}

/// The round of every need that has one: need key → round id.
pub async fn rounds_by_need(db: &DatabaseConnection) -> Result<HashMap<String, i64>, StorageError> {
    let rounds = collection_rounds::Entity::find().all(db).await?;
    let mut by_need = HashMap::with_capacity(rounds.len());
    for round in rounds {
        if let Some(need) = needs::Entity::find_by_id(round.need_id).one(db).await? {
            by_need.insert(need.key, round.id);
        }
    }
    Ok(by_need)
}

/// A round as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRecord {
    pub id: i64,
    pub state: String,
    pub created_at: NaiveDateTime,
    pub need_key: String,
    pub need_description: String,
    pub receiver_company: i64,
    pub receiver: PartyRecord,
    pub members: Vec<MemberRecord>,
}

/// A member of a round, with the exchange of its offer and the receiver's need.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRecord {
    pub offer_key: String,
    /// The offer's material code as stored (`15 01 02`).
    pub material: String,
    pub offer_description: String,
    pub company: i64,
    pub party: PartyRecord,
    pub cost_share_eur_per_year: f64,
    pub tonnes_per_year: f64,
    /// `(id, stage)` of the member's exchange, when it still exists.
    pub exchange: Option<(i64, Stage)>,
}

impl RoundRecord {
    /// True when a firm is the receiver or a member: the only firms that may see the round.
    pub fn involves(&self, company: i64) -> bool {
        self.receiver_company == company || self.members.iter().any(|m| m.company == company)
    }
}

/// A round with its receiver and members; `None` when there is no such round. Read in one
/// consistent read, so that the members and their exchanges belong together although a
/// coordinator or a firm writes meanwhile.
pub async fn get_round(
    db: &DatabaseConnection,
    id: i64,
) -> Result<Option<RoundRecord>, StorageError> {
    let txn = super::consistent_read(db).await?;
    let round = round_in(&txn, id).await?;
    txn.commit().await?;
    Ok(round)
}

async fn round_in(db: &impl ConnectionTrait, id: i64) -> Result<Option<RoundRecord>, StorageError> {
    let Some(round) = collection_rounds::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let Some(need) = needs::Entity::find_by_id(round.need_id).one(db).await? else {
        return Ok(None);
    };
    let rows = collection_round_members::Entity::find()
        .filter(collection_round_members::Column::RoundId.eq(id))
        .order_by_asc(collection_round_members::Column::Id)
        .all(db)
        .await?;
    let mut parties = PartyCache::default();
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(offer) = offers::Entity::find_by_id(row.offer_id).one(db).await? else {
            continue;
        };
        let exchange = exchanges::Entity::find()
            .filter(exchanges::Column::OfferId.eq(offer.id))
            .filter(exchanges::Column::NeedId.eq(need.id))
            .one(db)
            .await?
            .map(|x| (x.id, Stage::parse(&x.stage).unwrap_or(Stage::Proposed)));
        members.push(MemberRecord {
            party: parties.get(db, row.company_id).await?,
            offer_key: offer.key,
            material: offer.material,
            offer_description: offer.description,
            company: row.company_id,
            cost_share_eur_per_year: row.cost_share_eur_per_year,
            tonnes_per_year: row.tonnes_per_year,
            exchange,
        });
    }
    Ok(Some(RoundRecord {
        id,
        state: round.state,
        created_at: round.created_at,
        receiver: parties.get(db, need.company_id).await?,
        receiver_company: need.company_id,
        need_key: need.key,
        need_description: need.description,
        members,
    }))
}

/// Firms looked up once per page.
#[derive(Default)]
struct PartyCache(HashMap<i64, PartyRecord>);

impl PartyCache {
    async fn get(
        &mut self,
        db: &impl ConnectionTrait,
        id: i64,
    ) -> Result<PartyRecord, StorageError> {
        if let Some(party) = self.0.get(&id) {
            return Ok(party.clone());
        }
        let party = companies::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| PartyRecord {
                name: c.name,
                nace: c.nace,
                municipality: c.municipality,
            })
            .ok_or_else(|| {
                StorageError::Database(sea_orm::DbErr::RecordNotFound(format!("company {id}")))
            })?;
        self.0.insert(id, party.clone());
        Ok(party)
    }
}
