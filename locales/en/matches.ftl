# `/matches`: the best counterparts of each of the firm's flows, and collection rounds.

matches-title = My matches
matches-intro = Firms that made their flow public are shown by name; the others stay anonymous (sector, municipality, distance). You see contact details only once you have both said you are interested.
matches-no-flows = You have no flows yet.
matches-add-offer = Add a residual flow
matches-no-firm = This account does not belong to a firm, so it has no matches.
matches-your-offer = Your residual flow: { $flow }
matches-your-need = Your need: { $flow }
matches-none = No suitable counterpart in the region yet.
matches-sector-in = { $sector } in { $municipality }
matches-benefit = €{ $amount } per year
matches-co2 = CO₂ { $tonnes } t/year net avoided
matches-interested = Interested
matches-not-for-us-because = Not for us, because
matches-not-for-us = Not for us
matches-not-for-us-no-reason = Reason: tell us briefly why this match does not fit.
matches-not-for-us-too-long = Reason: use at most { $max } characters.

matches-pool-heading = Collect together:
matches-pool-round = { $firms } small firms together deliver { $quantity } { $unit }/year to { $receiver } on one collection round of { $km } km;
matches-pool-your-share = your share of the transport cost: €{ $cost } per year.
matches-pool-round-cost = transport cost of the round: €{ $cost } per year.

matches-reason-accepts = the receiver accepts { $material }
matches-reason-accepts-hazardous = the receiver accepts { $material } and is licensed for hazardous waste
matches-reason-distance = { $km } km by road (receiver collects up to { $max } km)
matches-reason-quantity = { $fits } { $unit }/year fits (offered { $offered }, needed { $needed })
matches-reason-money = €{ $disposal } disposal saved + €{ $virgin } virgin material replaced − €{ $transport } transport = €{ $benefit } per { $unit }
matches-reason-co2 = CO₂: { $avoided } t/year avoided, { $transport } t/year emitted by transport

# What earlier exchanges between the same sectors add to a match (the knowledge base).
matches-reason-worked-before-material = worked before: { $count ->
    [one] 1 completed exchange
   *[other] { $count } completed exchanges
} of this material between these sectors ({ $supplier } → { $receiver }); ranked higher for it (+{ $percent })
matches-reason-worked-before-sectors = worked before: { $count ->
    [one] 1 completed exchange
   *[other] { $count } completed exchanges
} of other materials between these sectors ({ $supplier } → { $receiver }); ranked higher for it (+{ $percent })
matches-reason-declined-before-material = declined before: { $reasons } — { $count ->
    [one] once
   *[other] { $count } times
} for this material between these sectors ({ $supplier } → { $receiver }); ranked lower for it (−{ $percent })
matches-reason-declined-before-sectors = declined before for other materials between these sectors ({ $supplier } → { $receiver }): { $reasons } — { $count ->
    [one] once
   *[other] { $count } times
}; ranked lower for it (−{ $percent })
matches-reason-no-reason-given = no reason given
matches-reason-reason-given = for a stated reason

# The sector of an anonymous firm: the NACE section of its code.
matches-sector = { $section ->
    [A] Agriculture
    [B] Mining and quarrying
    [C] Manufacturing
    [D] Energy supply
    [E] Water, waste and recycling
    [F] Construction
    [G] Trade and motor repair
    [H] Transport and storage
    [I] Hospitality
    [J] Information and communication
    [K] Financial services
    [L] Real estate
    [M] Consulting and research
    [N] Business services
    [O] Public administration
    [P] Education
    [Q] Health and social care
    [R] Arts, sport and recreation
    [S] Other services
    [T] Households
    [U] International organisations
   *[other] Sector unknown
}
matches-existing-exchange = There is already an exchange for this: { $stage }.
matches-open-exchange = Go to the exchange

# The technical fit and the border procedure of a match (issue #11).
matches-fit-unknown = unknown
matches-reason-fit = technical fit { $score }: material class { $class }, specifications { $spec }, description { $text }, earlier exchanges { $history }
matches-reason-fit-second-pass = ; halved: the material already came out of mechanical treatment and would go through it again
matches-country = { $code ->
    [NL] the Netherlands
    [BE] Belgium
   *[DE] Germany
}
matches-border-route = across the border from { $from } to { $to }
matches-border-same-country = same country, no shipment procedure
matches-border-not-waste = not waste ({ $status }): no waste-shipment procedure
matches-border-animal-by-product = animal by-product of category { $category }: its own rules, with a TRACES commercial document
matches-border-refused = disposal across the border is refused
matches-border-notification = needs prior written notification and consent ({ $cause ->
    [hazardous] hazardous
    [unlisted] not on the green list
    [mixed] a mixture
    [mixed-municipal] mixed municipal waste
    [status-unknown] legal status unknown
   *[treatment-unknown] the receiver's treatment unknown
}): allow about { $days } days after a complete file before the first load
matches-border-green = green-listed ({ $entry }) for recovery: allowed with the Annex VII document
matches-legal-source = source: { $source }

# Why a pair is not suggested (the hard rules, the border and the minimum fit).
matches-not-suggested-class = the receiver does not accept the material class { $class }
matches-not-suggested-abp = animal by-product of category { $category }, and the receiver holds no licence for it
matches-not-suggested-feed = not fit for feed or food ({ $cause ->
    [waste] declared waste
    [not-food-grade] not of food-grade origin
    [class] this kind of material never is
    [catering] catering waste is banned as feed
    [abp] category 1 or 2 animal by-product
   *[origin-unknown] its food-grade origin is not stated
})
matches-not-suggested-spec = { $property } is { $value }, outside the receiver's hard limits
matches-not-suggested-disposal-abroad = disposal across the border from { $from } to { $to } is refused
matches-not-suggested-low-fit = the technical fit is too low: { $fit } (at least { $min } needed)
matches-not-suggested-same-firm = both flows are your own firm's
matches-not-suggested-code = the receiver does not accept this waste code
matches-not-suggested-hazardous = hazardous waste, and the receiver holds no licence for it
matches-not-suggested-unit = the offer and the need are stated in different units
matches-not-suggested-not-available = the offer is no longer available
matches-not-suggested-too-far = { $road } km by road, farther than the { $max } km the receiver will travel
matches-not-suggested-no-benefit = transport costs more than the exchange yields
matches-not-suggested-min-lot = { $quantity } a year is less than the smallest lot of { $min } (a collection round with others may reach it)
matches-not-suggested-hidden-class = this offer's material class is not among the classes your need accepts
matches-not-suggested-hidden-abp = this offer is an animal by-product of a category you hold no stated licence for
matches-not-suggested-hidden-feed = according to the supplier not fit for feed or food, which your need intends it for
matches-not-suggested-hidden-spec = this offer's { $property } is outside your hard limits
matches-property = { $property ->
    [moisture] moisture (%)
    [foreign-matter] foreign matter (%)
    [calorific-value] calorific value (MJ/kg)
    [particle-size] particle size (mm)
    [temperature] temperature (°C)
    [ash] ash (%)
    [chlorine] chlorine (%)
   *[fat] fat (%)
}
matches-anonymous-firm = Anonymous firm
matches-anonymous-receiver = an anonymous firm
