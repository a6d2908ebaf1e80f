# The coordinator's region overview: `/coordinator`, with the next best calls.

coordinator-title = Region overview
coordinator-heading = The region at a glance
coordinator-lead = Firms, flows and exchanges by municipality and by sector, and the most valuable opportunities nobody is working on yet.
coordinator-to-map = See this selection on the map.
coordinator-filter-municipality = Municipality
coordinator-filter-sector = Sector
coordinator-filter-all-municipalities = All municipalities
coordinator-filter-all-sectors = All sectors
coordinator-filter-apply = Show
coordinator-filter-clear = Clear filters
coordinator-bad-municipality = Municipality: “{ $name }” is not in the region.
coordinator-bad-sector = Sector: “{ $text }” is not a NACE section; choose a letter from A to U.

coordinator-stat-firms = firms
coordinator-stat-offers = residual flows
coordinator-stat-needs = needs
coordinator-stat-outdated = outdated flows
coordinator-stat-open = open exchanges
coordinator-stat-running = running exchanges

coordinator-by-municipality = By municipality
coordinator-by-sector = By sector
coordinator-col-municipality = Municipality
coordinator-col-sector = Sector
coordinator-col-firms = Firms
coordinator-col-offers = Residual flows
coordinator-col-needs = Needs
coordinator-col-outdated = Outdated
coordinator-col-open = Open
coordinator-col-running = Running
coordinator-total = Total
coordinator-sector-unknown = Sector unknown
coordinator-counting-note = Open: proposed up to agreed. Exchanges count with the supplier's municipality and sector. Outdated: recurring flows not confirmed for more than { $days } days.

coordinator-calls-heading = Next best calls
coordinator-calls-lead = The matcher's most valuable suggestions that have no exchange yet and that nobody declined, ranked by value per year.
coordinator-calls-empty = There are no open suggestions for this selection.
coordinator-col-supplier = Supplier
coordinator-col-receiver = Receiver
coordinator-col-material = Material
coordinator-col-distance = Distance
coordinator-col-quantity = Quantity
coordinator-col-value = Value per year
coordinator-col-co2 = Net CO₂ per year
coordinator-col-action = Action
coordinator-km = { $km } km
coordinator-eur = €{ $amount }
coordinator-co2-tonnes = { $tonnes } t
coordinator-propose = Propose
coordinator-propose-hint = “Propose” opens the exchange for both firms and sends each of them a message. Net CO₂: emissions avoided minus those of transport.
coordinator-proposed = Exchange { $id } is open; both firms have been told.
coordinator-already = This pair already has exchange { $id }.
coordinator-open-exchange = View the exchange
