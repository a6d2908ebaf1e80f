//! The knowledge base's cases, read from the exchanges that were completed or declined (no
//! copy is kept: a case is what its exchange, flows and firms say today).

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::StorageError;
use super::entities::{
    companies, exchange_events, exchange_tonnes, exchanges, needs, offers, users,
};
use crate::domain::exchange::Stage;
use crate::domain::{FieldProblem, Material, Problems, Role, Unit};
use crate::matching::Params;
use crate::matching::economics::crow_km;
use crate::outcomes::case::{
    Case, CaseHistory, CaseOutcome, CaseParty, DeclinedBy, PairFigures, history_of, pair_value,
    sort_newest_first,
};

/// Every case, newest first.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Case>, StorageError> {
    let ended = [Stage::Completed, Stage::Declined].map(Stage::as_str);
    let rows = exchanges::Entity::find()
        .filter(exchanges::Column::Stage.is_in(ended))
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let offers = by_id(
        offers::Entity::find()
            .filter(offers::Column::Id.is_in(rows.iter().map(|e| e.offer_id)))
            .all(db)
            .await?,
        |o| o.id,
    );
    let needs = by_id(
        needs::Entity::find()
            .filter(needs::Column::Id.is_in(rows.iter().map(|e| e.need_id)))
            .all(db)
            .await?,
        |n| n.id,
    );
    let firm_ids: HashSet<i64> = (offers.values().map(|o| o.company_id))
        .chain(needs.values().map(|n| n.company_id))
        .collect();
    let firms = by_id(
        companies::Entity::find()
            .filter(companies::Column::Id.is_in(firm_ids))
            .all(db)
            .await?,
        |c| c.id,
    );
    let parameters = super::impact::region_parameters(db).await?;
    let context = Context {
        offers: &offers,
        needs: &needs,
        firms: &firms,
        endings: endings(db, &ids).await?,
        tonnes: tonnes(db, &ids).await?,
        params: parameters
            .as_ref()
            .map(Params::from_parameters)
            .unwrap_or_default(),
    };
    let mut cases = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(case) = context.case(row)? {
            cases.push(case);
        }
    }
    sort_newest_first(&mut cases);
    Ok(cases)
}

/// What the matcher ranks with: the history of every case.
pub async fn history(db: &impl ConnectionTrait) -> Result<CaseHistory, StorageError> {
    Ok(history_of(&all(db).await?))
}

fn by_id<T>(rows: Vec<T>, id: impl Fn(&T) -> i64) -> HashMap<i64, T> {
    rows.into_iter().map(|row| (id(&row), row)).collect()
}

/// The step that ended an exchange: when, and the firm and role of who took it.
struct Ending {
    at: chrono::NaiveDateTime,
    company_id: Option<i64>,
    role: Option<Role>,
}

/// The last step into completed or declined of each exchange.
async fn endings(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, Ending>, StorageError> {
    let ended = [Stage::Completed, Stage::Declined].map(Stage::as_str);
    let events = exchange_events::Entity::find()
        .filter(exchange_events::Column::ExchangeId.is_in(ids.iter().copied()))
        .filter(exchange_events::Column::ToStage.is_in(ended))
        .order_by_asc(exchange_events::Column::Id)
        .all(db)
        .await?;
    let authors: HashMap<i64, users::Model> = by_id(
        users::Entity::find()
            .filter(users::Column::Id.is_in(events.iter().filter_map(|e| e.user_id)))
            .all(db)
            .await?,
        |u| u.id,
    );
    // In id order, so a later ending (there is only one per exchange) wins.
    Ok(events
        .into_iter()
        .map(|event| {
            let author = event.user_id.and_then(|id| authors.get(&id));
            let ending = Ending {
                at: event.at,
                company_id: author.and_then(|u| u.company_id),
                role: author.and_then(|u| Role::parse(&u.role)),
            };
            (event.exchange_id, ending)
        })
        .collect())
}

/// The tonnes recorded per exchange, summed.
async fn tonnes(db: &impl ConnectionTrait, ids: &[i64]) -> Result<HashMap<i64, f64>, StorageError> {
    let mut sums = HashMap::new();
    for row in exchange_tonnes::Entity::find()
        .filter(exchange_tonnes::Column::ExchangeId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        *sums.entry(row.exchange_id).or_insert(0.0) += row.tonnes;
    }
    Ok(sums)
}

/// The rows a case is made of.
struct Context<'a> {
    offers: &'a HashMap<i64, offers::Model>,
    needs: &'a HashMap<i64, needs::Model>,
    firms: &'a HashMap<i64, companies::Model>,
    endings: HashMap<i64, Ending>,
    tonnes: HashMap<i64, f64>,
    params: Params,
}

impl Context<'_> {
    /// The case of an ended exchange. Foreign keys cascade, so every reference resolves;
    /// `None` only covers a row deleted between two of the reads above.
    fn case(&self, row: exchanges::Model) -> Result<Option<Case>, StorageError> {
        let (Some(offer), Some(need)) =
            (self.offers.get(&row.offer_id), self.needs.get(&row.need_id))
        else {
            return Ok(None);
        };
        let supplier = self.firms.get(&offer.company_id);
        let receiver = self.firms.get(&need.company_id);
        let (Some(supplier), Some(receiver)) = (supplier, receiver) else {
            return Ok(None);
        };
        let material = Material::parse(&offer.material)
            .map_err(|_| corrupt("offers", &offer.key, "material", &offer.material))?;
        let unit = Unit::parse(&offer.unit)
            .map_err(|_| corrupt("offers", &offer.key, "unit", &offer.unit))?;
        let outcome = match Stage::parse(&row.stage) {
            Some(Stage::Completed) => CaseOutcome::Completed,
            _ => CaseOutcome::Declined,
        };
        let figures = PairFigures {
            unit,
            offered: offer.quantity,
            needed: need.quantity,
            disposal_eur_per_unit: offer.disposal_cost_eur_per_unit,
            virgin_eur_per_unit: need.virgin_price_eur_per_unit,
            crow_km: crow_km(supplier.lat, supplier.lon, receiver.lat, receiver.lon),
        };
        let (road_km, quantity_per_year, value_eur_per_year) =
            pair_value(&self.params, &material, &figures);
        let ending = self.endings.get(&row.id);
        let declined_by = (outcome == CaseOutcome::Declined)
            .then(|| ending.and_then(|e| who(e, offer.company_id, need.company_id)))
            .flatten();
        Ok(Some(Case {
            exchange_id: row.id,
            offer_key: offer.key.clone(),
            need_key: need.key.clone(),
            outcome,
            closed_at: ending.map_or(row.created_at, |e| e.at),
            material,
            description: offer.description.clone(),
            unit,
            supplier: party(supplier),
            receiver: party(receiver),
            road_km,
            quantity_per_year,
            tonnes_recorded: self.tonnes.get(&row.id).copied().unwrap_or(0.0),
            value_eur_per_year,
            decline_reason: row.decline_reason,
            declined_by,
        }))
    }
}

/// Which side declined: the user's firm, or a coordinator of the region.
fn who(ending: &Ending, supplier: i64, receiver: i64) -> Option<DeclinedBy> {
    match (ending.company_id, ending.role) {
        (Some(company), _) if company == supplier => Some(DeclinedBy::Supplier),
        (Some(company), _) if company == receiver => Some(DeclinedBy::Receiver),
        (_, Some(Role::Coordinator | Role::Administrator)) => Some(DeclinedBy::Coordinator),
        _ => None,
    }
}

fn party(row: &companies::Model) -> CaseParty {
    CaseParty {
        nace: row.nace.clone(),
        municipality: row.municipality.clone(),
    }
}

fn corrupt(table: &'static str, key: &str, field: &str, value: &str) -> StorageError {
    StorageError::Corrupt {
        table,
        key: key.to_string(),
        problems: Problems(vec![FieldProblem::new(
            field,
            format!("\"{value}\" is unreadable"),
        )]),
    }
}
