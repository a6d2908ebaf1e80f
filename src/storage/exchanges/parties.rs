//! The firms behind an exchange or a suggested pair: who owns the flows, how they may be
//! shown, and the contact details revealed after an introduction.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::confidentiality_of;
use crate::domain::Confidentiality;
use crate::storage::StorageError;
use crate::storage::entities::{companies, needs, offers, users};

/// A firm's name and its users' e-mail addresses: what is revealed after an introduction.
pub async fn contact(
    db: &impl ConnectionTrait,
    company_id: i64,
) -> Result<Option<(String, Vec<String>)>, StorageError> {
    let Some(company) = companies::Entity::find_by_id(company_id).one(db).await? else {
        return Ok(None);
    };
    let emails = users::Entity::find()
        .filter(users::Column::CompanyId.eq(company_id))
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    Ok(Some((company.name, emails)))
}

/// What a firm on the other side of an exchange is, before any contact details: its name
/// (shown only where its flow is public), sector and municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyRecord {
    pub name: String,
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub municipality: String,
}

/// A firm as a party to an exchange.
pub async fn party(
    db: &impl ConnectionTrait,
    company_id: i64,
) -> Result<Option<PartyRecord>, StorageError> {
    Ok(companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|company| PartyRecord {
            name: company.name,
            nace: company.nace,
            municipality: company.municipality,
        }))
}

/// The owners of an offer and a need, and how each flow may be shown to the other side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairOwners {
    pub supplier: i64,
    pub receiver: i64,
    pub offer_confidentiality: Confidentiality,
    pub need_confidentiality: Confidentiality,
    /// Either flow is paused: off the market until its firm resumes it.
    pub paused: bool,
}

/// The owners of an offer and a need; `None` when either flow does not exist.
pub async fn pair_owners(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<PairOwners>, StorageError> {
    let offer = offers::Entity::find()
        .filter(offers::Column::Key.eq(offer_key))
        .one(db)
        .await?;
    let need = needs::Entity::find()
        .filter(needs::Column::Key.eq(need_key))
        .one(db)
        .await?;
    Ok(offer.zip(need).map(|(o, n)| PairOwners {
        supplier: o.company_id,
        receiver: n.company_id,
        offer_confidentiality: confidentiality_of(&o.confidentiality),
        need_confidentiality: confidentiality_of(&n.confidentiality),
        paused: o.paused || n.paused,
    }))
}

/// The firms owning an offer and a need: `(supplier, receiver)` company ids.
pub async fn owners(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<(i64, i64)>, StorageError> {
    Ok(pair_owners(db, offer_key, need_key)
        .await?
        .map(|pair| (pair.supplier, pair.receiver)))
}
