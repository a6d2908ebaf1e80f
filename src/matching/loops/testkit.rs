//! Hand-built instances for the tests of loops and clusters: firms at points a few km apart,
//! offers and needs by List-of-Waste code, and the demo region.

use chrono::NaiveDate;

use crate::domain::cross_border::Country;
use crate::domain::{Material, Unit};
use crate::matching::instance::{FirmSite, Instance, MaterialKey, NeedFlow, OfferFlow};

/// Weert market square; test firms are placed relative to it.
const ORIGIN: (f64, f64) = (51.2515, 5.7064);
const KM_PER_DEG_LAT: f64 = 111.195;

/// The key of a code such as `02 02 03`.
pub fn key(code: &str) -> MaterialKey {
    MaterialKey::of(&Material::parse(code).expect("a valid code"))
}

/// Builds an [`Instance`] with default parameters.
#[derive(Default)]
pub struct Builder {
    pub instance: Instance,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A small firm without sector, `east_km` and `north_km` from the origin.
    pub fn firm(&mut self, east_km: f64, north_km: f64) -> u32 {
        self.firm_with(east_km, north_km, None, 10)
    }

    /// A firm with a NACE code and a head count.
    pub fn firm_with(
        &mut self,
        east_km: f64,
        north_km: f64,
        nace: Option<&str>,
        employees: u32,
    ) -> u32 {
        let id = self.instance.firms.len();
        let lat = ORIGIN.0 + north_km / KM_PER_DEG_LAT;
        let lon = ORIGIN.1 + east_km / (KM_PER_DEG_LAT * ORIGIN.0.to_radians().cos());
        self.instance.firms.push(FirmSite {
            id: format!("F{id:03}"),
            name: format!("Firm {id}"),
            lat,
            lon,
            nace: nace.map(str::to_string),
            employees,
            municipality: "Weert".to_string(),
            country: Country::NL,
        });
        id as u32
    }

    /// An offer of `tonnes` per year costing `disposal` € per tonne to get rid of today.
    pub fn offer(&mut self, firm: u32, code: &str, tonnes: f64, disposal: f64) -> usize {
        let material = Material::parse(code).expect("a valid code");
        let id = self.instance.offers.len();
        self.instance.offers.push(OfferFlow {
            id: format!("O{id:03}"),
            firm,
            material: MaterialKey::of(&material),
            hazardous: material.is_hazardous(),
            unit: Unit::Tonnes,
            quantity: tonnes,
            disposal_cost: disposal,
            available_from: None,
            available_until: None,
            traits: None,
        });
        id
    }

    /// An unlicensed need for any of `codes`, `tonnes` per year, collecting up to `max_road_km`.
    pub fn need(
        &mut self,
        firm: u32,
        codes: &[&str],
        tonnes: f64,
        virgin: f64,
        max_road_km: f64,
    ) -> usize {
        let mut accepts: Vec<MaterialKey> = codes.iter().map(|c| key(c)).collect();
        accepts.sort_unstable();
        accepts.dedup();
        let id = self.instance.needs.len();
        self.instance.needs.push(NeedFlow {
            id: format!("N{id:03}"),
            firm,
            accepts,
            unit: Unit::Tonnes,
            quantity: tonnes,
            min_lot: 0.0,
            virgin_price: virgin,
            max_road_km,
            licensed_for_hazardous: false,
            traits: None,
        });
        id
    }

    pub fn build(self) -> Instance {
        self.instance
    }
}

/// The Keyport demo region as the matcher sees it.
pub fn demo_instance() -> Instance {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date");
    let mut batch =
        crate::bulk::json_instance::read_instance("demo", crate::demo::DEMO_JSON, today);
    let region = crate::bulk::check_batch(&mut batch, &crate::storage::ExistingKeys::default())
        .expect("the demo region is valid");
    Instance::from_region(&region)
}

/// The index of the firm with this id.
pub fn firm_index(instance: &Instance, id: &str) -> usize {
    instance
        .firms
        .iter()
        .position(|f| f.id == id)
        .expect("a firm of the instance")
}
