# `/cases`: the knowledge base — exchanges that were completed or declined, kept as cases.

cases-title = Cases
cases-heading = Knowledge base: completed and declined exchanges
cases-lead = Every exchange that was completed or declined is kept here as a case: which material, between which sectors and municipalities, how far, how many tonnes and what it is worth per year. Search by sector or material.
cases-filter-sector = Sector (supplier or receiver)
cases-filter-all-sectors = All sectors
cases-filter-material = Material
cases-filter-material-hint = words (coffee grounds, cardboard) or a code (02 03 04, chapter 02)
cases-filter-outcome = Outcome
cases-filter-all-outcomes = All outcomes
cases-filter-apply = Search
cases-filter-clear = Show all
cases-outcome-completed = Completed
cases-outcome-declined = Declined
cases-found-materials = Materials found for “{ $text }”: { $codes }
cases-found-more = and { $count } more
cases-found-no-material = No material found for “{ $text }”. Try another word or a waste code.
cases-stat-completed = { $count ->
    [one] completed exchange
   *[other] completed exchanges
}
cases-stat-declined = { $count ->
    [one] declined exchange
   *[other] declined exchanges
}
cases-stat-tonnes = tonnes recorded on completed exchanges
cases-stat-value = per year in value (completed exchanges)
cases-of-all = { $shown } of { $total } cases in all match this search.
cases-none = No completed or declined exchanges yet.
cases-none-found = No cases found for this choice.
cases-col-closed = Closed
cases-col-outcome = Outcome
cases-col-material = Material
cases-col-parties = From supplier → to receiver
cases-col-distance = Distance
cases-col-tonnes = Recorded
cases-col-value = Value per year
cases-party = { $sector }, { $municipality }
cases-km = { $km } km
cases-tonnes = { $tonnes } t
cases-value = €{ $amount }
cases-exchange-link = exchange { $id }
cases-reason = Reason: “{ $reason }”
cases-reason-none = No reason recorded.
cases-declined-by-supplier = declined by the supplier
cases-declined-by-receiver = declined by the receiver
cases-declined-by-coordinator = declined by a coordinator
cases-pages = Pages
cases-previous = Previous
cases-next = Next
cases-bad-sector = Sector: “{ $text }” is not a NACE section (choose a letter from A to U).
cases-bad-outcome = Outcome: “{ $text }” is not an outcome (choose completed or declined).
cases-bad-page = Page: “{ $text }” is not a page number.
cases-method-heading = How cases steer the matches
cases-method = A match between the same sectors (from the supplier's sector to the receiver's) moves up or down a firm's list, and the match's explanation says why. The benefit per year does not change; only the order does.
cases-method-completed-material = + { $percent } per completed exchange of the same material (at most { $most } count)
cases-method-declined-material = − { $percent } per declined exchange of the same material (at most { $most } count)
cases-method-completed-sectors = + { $percent } per completed exchange of another material (at most { $most })
cases-method-declined-sectors = − { $percent } per declined exchange of another material (at most { $most })
cases-method-unknown-sector = A case in which a firm has no sector does not count.
