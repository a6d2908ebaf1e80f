# Impact monitoring `/impact` and its CSV: what the recorded exchanges achieved, and how it is counted.

impact-title = Impact
impact-heading = Impact of the exchanges
impact-lead = Counted from the tonnes that firms actually recorded on running and completed exchanges, not from suggestions or the region plan.
impact-filter-years = Year
impact-all-years = All years
impact-filter-municipalities = Supplier's municipality
impact-all-municipalities = All municipalities
impact-download-csv = Download the figures as CSV (one line per exchange and month, with every input and result)
impact-nothing-recorded = No tonnes have been recorded yet on running or completed exchanges in this selection. As soon as a firm records tonnes, they appear here.
impact-bad-year = Year: "{ $text }" is not a year. Choose a year from the list.
impact-bad-municipality = Municipality: "{ $name }" is not a municipality of the region.

impact-stat-tonnes = tonnes diverted from disposal
impact-stat-eur = saved (disposal and purchase, less transport)
impact-stat-co2 = tonnes of CO₂ avoided, net of transport
impact-stat-firms = { $count ->
    [one] firm involved
   *[other] firms involved
}
impact-stat-exchanges = { $count ->
    [one] exchange with recorded tonnes
   *[other] exchanges with recorded tonnes
}
impact-not-known = unknown
impact-note-without-tonnes = { $count ->
    [one] One month of an exchange is not counted: its flow is measured in MWh (heat or steam) and has no tonnes.
   *[other] { $count } months of exchanges are not counted: their flows are measured in MWh (heat or steam) and have no tonnes.
}
impact-note-without-co2 = { $count ->
    [one] One month of an exchange is left out of the CO₂ figures: the region's parameters state no CO₂ saving for its material.
   *[other] { $count } months of exchanges are left out of the CO₂ figures: the region's parameters state no CO₂ saving for their materials.
}

impact-states-heading = Exchanges per state (today)
impact-month-heading = Tonnes per month
impact-year-heading = Tonnes per year
impact-municipality-heading = Euros and CO₂ per supplier's municipality
impact-material-heading = Tonnes per material (chapter of the European List of Waste)
impact-sector-heading = Tonnes per supplier's sector (NACE section)
impact-chart-eur-by-municipality = Euros saved per municipality
impact-chart-co2-by-municipality = Tonnes of CO₂ avoided per municipality
impact-chart-tonnes = tonnes
impact-chart-eur = euros
impact-chart-co2 = tonnes CO₂

impact-col-state = State
impact-col-month = Month
impact-col-year = Year
impact-col-municipality = Municipality
impact-col-material = Material
impact-col-sector = Sector
impact-col-tonnes = Tonnes
impact-col-eur = Euros saved
impact-col-co2 = Tonnes CO₂ avoided (net)
impact-col-exchanges = Exchanges
impact-col-firms = Firms
impact-total = Total
impact-sector-unknown = Sector unknown
impact-material-unknown = Unknown material { $code }

impact-method-heading = Method and sources
impact-method-intro = Every figure on this page can be recomputed: below are the formulas and every factor with its value, unit and source. The CSV holds every input and every result per exchange and month.
impact-method-tonnes = Tonnes: what the firms recorded per month on exchanges that are running or completed. Records of the same exchange in the same month are added up.
impact-method-eur = Euros saved = (disposal cost the supplier no longer pays + price of virgin material the receiver no longer pays − transport cost) per tonne × tonnes. Transport cost per tonne = euros per tonne-kilometre × road kilometres.
impact-method-co2 = CO₂ avoided, net = (CO₂ avoided per tonne − transport CO₂ per tonne-kilometre × road kilometres) × tonnes.
impact-method-distance = Road kilometres = straight-line distance between the two firms (haversine, Earth radius 6,371.0088 km) × road factor.
impact-method-units = Prices per m³ or per piece are converted to prices per tonne with the factors below. Flows in MWh (heat, steam) have no tonnes and are not counted.
impact-method-inputs = Disposal costs and virgin prices are the amounts the firms stated themselves on their offer and their need. Municipality and sector are the supplier's.
impact-method-co2-missing = Where the region's parameters state no CO₂ saving for a material, that CO₂ figure is left out rather than guessed.
impact-method-same-as-matching = Suggestions and the region plan are computed with the same factors.
impact-co2-none-stated = The region's parameters state no CO₂ saving per tonne for any material, so no CO₂ figure can be given.

impact-col-factor = Factor
impact-col-value = Value
impact-col-unit = Unit
impact-col-source = Source
impact-factor-transport = Road transport cost
impact-factor-road = Road factor
impact-factor-co2-transport = CO₂ emitted by road transport
impact-factor-tonnes-per-m3 = Weight per m³
impact-factor-tonnes-per-piece = Weight per piece
impact-factor-co2-default = CO₂ avoided per tonne, materials without a figure of their own
impact-factor-co2-code = CO₂ avoided per tonne of { $code }
impact-unit-eur-per-tkm = € per tonne-kilometre
impact-unit-road = road km per straight-line km
impact-unit-kg-per-tkm = kg CO₂ per tonne-kilometre
impact-unit-t-per-m3 = tonnes per m³
impact-unit-t-per-piece = tonnes per piece
impact-unit-kg-per-t = kg CO₂ per tonne
impact-source-transport = Full-truckload road freight, including the empty return (the benchmark generator's value, bench/FORMAT.md).
impact-source-road = Straight-line to road distance; typically 1.2 to 1.4 in the Netherlands.
impact-source-co2-transport = Heavy goods vehicle, well-to-wheel, including returns; published range 0.06 to 0.12 kg per tonne-kilometre.
impact-source-tonnes-per-m3 = Water by tanker: 1 tonne per m³.
impact-source-tonnes-per-piece = Pallets and crates: a Euro pallet weighs 20 to 25 kg.
impact-source-region = Stated in the region's parameters (imported with the region's data).
