# The region plan (`/plan`), its loops, chains and pools, and collection rounds (`/rounds/{id}`).

plan-title = Region plan
plan-lead = The best plan for the whole region: which residual stream goes to which receiver, so that the region saves as much as possible together. The plan uses every firm's current flows; paused flows and flows not confirmed for a long time do not count.
plan-nav = Parts of the region plan
plan-nav-plan = Plan
plan-nav-loops = Loops and chains
plan-nav-pools = Collection rounds
plan-run = Compute the plan
plan-run-again = Compute the plan again
plan-already-running = A computation is already running; below you can see how far it is.
plan-failed = The last computation failed. Please try again; if it still fails, the cause is in the server's log.
plan-none-yet = No plan has been computed since the server started.
plan-running = Computing the plan… ({ $seconds } s)
plan-running-note = The computation runs in the background; you can carry on working meanwhile. This page refreshes itself.
plan-stage = { $stage ->
    [loading] Loading the data
    [candidates] Finding possible pairs
    [solving] Computing the best plan
    [loops] Finding loops and chains
    [pools] Finding collection rounds
    [purchasing] Finding purchasing pools
    [clusters] Finding clusters
   *[done] Done
}
plan-computed = Computed on { $at } in { $seconds } s, with { $firms } firms, { $offers } residual streams and { $needs } needs (computation { $run }).
plan-euro-per-year = € { $euro }/year
plan-co2-per-year = { $tonnes } t CO₂/year
plan-km = { $km } km
plan-total-benefit = net savings
plan-total-tonnes = reused
plan-total-co2 = less emitted
plan-total-exchanges = exchanges
plan-co2-detail = CO₂: { $avoided } t/year avoided by reuse, { $transport } t/year emitted by transport.
plan-also-moved = Besides: { $quantities }.
plan-found-loops = { $loops } loops and { $chains } chains
plan-found-pools = { $count ->
    [one] 1 collection round
   *[other] { $count } collection rounds
}
plan-found-purchasing = { $count ->
    [one] 1 purchasing pool
   *[other] { $count } purchasing pools
}
plan-found-clusters = { $count ->
    [one] 1 cluster of small firms
   *[other] { $count } clusters of small firms
}
plan-reality = Plan and reality
plan-realised = { $share } of the plan's value is already running: € { $realised } of € { $total } per year.
plan-reality-none = None of the planned exchanges has been started yet.
plan-running-outside = { $count ->
    [one] 1 running exchange outside the plan
   *[other] { $count } running exchanges outside the plan
}
plan-exchange-number = Exchange { $id }
plan-exchanges = { $count ->
    [one] 1 planned exchange
   *[other] { $count } planned exchanges
}
plan-exchanges-none = The plan finds no exchange worth making.
plan-column-stage = Stage
plan-column-planned-exchanges = Planned exchanges
plan-column-planned-value = Value in the plan
plan-column-supplier = Supplier
plan-column-material = Material
plan-column-receiver = Receiver
plan-column-distance = Distance
plan-column-quantity = Quantity
plan-column-benefit = Savings
plan-column-exchange = Exchange
plan-column-cost-share = Share of the cost
plan-pages = Pages of the plan
plan-previous = ← Previous
plan-next = Next →
plan-bad-page = page: "{ $text }" is not a page number; use 1, 2, 3, …

plan-proposals-no-run = Compute the plan on the Plan page first; the proposals appear here afterwards.
plan-stale-run = The plan has been computed again in the meantime. Please look at the proposal again and choose once more.
plan-loops-title = Loops and chains
plan-loops-lead = Firms whose residual stream is the next one's raw material. One button turns every link into an exchange; both firms of each link are told. Links that already have an exchange stay as they are.
plan-loops = { $count ->
    [one] 1 loop
   *[other] { $count } loops
}
plan-loops-none = No loops found.
plan-chains = { $count ->
    [one] 1 chain
   *[other] { $count } chains
}
plan-chains-none = No chains found.
plan-loop-heading = Loop { $number }: { $firms } firms, together € { $euro }/year
plan-chain-heading = Chain { $number }: { $firms } firms, together € { $euro }/year
plan-all-links-exchanges = Every link is already an exchange.
plan-open-links = { $count ->
    [one] Make the exchange
   *[other] Make the { $count } exchanges
}
plan-opened = { $created ->
    [one] 1 exchange made
   *[other] { $created } exchanges made
}; { $existing ->
    [one] 1 existed already.
   *[other] { $existing } existed already.
}
plan-opened-missing = { $count ->
    [one] 1 link no longer exists (a flow was deleted); please compute the plan again.
   *[other] { $count } links no longer exist (a flow was deleted); please compute the plan again.
}
plan-note-proposal = Proposed by the region's coordinator as a link of a { $kind ->
    [loop] loop
   *[chain] chain
} of { $firms } firms.
plan-note-planned = Proposed by the region's coordinator as an exchange of the region plan.
plan-planned-gone = A flow of this exchange no longer exists. Please compute the plan again.
plan-propose-planned = Propose
plan-propose-planned-label = Propose this exchange to both firms
plan-note-round = Proposed by the region's coordinator as part of collection round { $id } (/rounds/{ $id }).

plan-pools-title = Collection rounds
plan-pools-lead = Small firms that reach a receiver's smallest lot together, on one round of the truck. One button makes it a collection round, with an exchange per member; every member and the receiver are told.
plan-pools-none = No collection rounds found.
plan-pool-heading = Collection round { $number }: { $members } members, together € { $euro }/year
plan-pool-receiver = Receiver:
plan-pool-facts = Smallest lot { $lot }; together { $together }; one round is { $km } km; transport € { $cost }/year.
plan-pool-has-round = Collection round { $id } has been formed
plan-form-round = Form the collection round
plan-pool-gone = A flow of this collection round no longer exists. Please compute the plan again.
plan-purchasing = { $count ->
    [one] 1 purchasing pool
   *[other] { $count } purchasing pools
}
plan-purchasing-lead = Small firms close together that need the same input: they could buy or collect it together.
plan-purchasing-none = No purchasing pools found.
plan-purchasing-heading = Purchasing pool { $number }: { $firms } firms
plan-purchasing-facts = Together { $together }; every two firms lie within { $km } km of each other.

plan-round-title = Collection round { $id }
plan-round-state = Stage: { $state ->
   *[proposed] proposed
}
plan-round-formed = formed on { $at }
plan-round-lead = One truck collects the members' residual streams and brings them to the receiver together. The transport cost is shared in proportion to the quantities. Firms are shown as sector and municipality until both sides of an exchange have said they are interested.
plan-round-receiver = Receiver:
plan-round-your-firm = Your firm
plan-round-total = { $count ->
    [one] Together (1 member)
   *[other] Together ({ $count } members)
}
