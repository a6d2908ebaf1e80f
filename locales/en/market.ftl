# The market (`/`, `/market`), listing pages and saved searches.

market-title = Market
market-heading = Residual streams and needs in the region
market-lead = Search every residual stream offered and every raw material asked for that you may see. An anonymous stream shows its sector and municipality, not the firm's name; streams for the coordinator only are not here.
market-firms-link = All firms by municipality
market-field-words = Words
market-words-hint = for example coffee grounds, cardboard, pallets or 15 01
market-field-kind = Kind
market-kind-both = Offers and needs
market-kind-offers = Offers (residual streams)
market-kind-needs = Needs (raw materials)
market-field-chapter = Material group
market-chapter-any = All materials
market-chapter-resources = Energy, water and CO₂
market-field-municipality = Municipality
market-municipality-any = All municipalities
market-field-distance = Distance from my firm (km by road)
market-distance-login = For signed-in firms only.
market-field-min = Quantity per year, from
market-field-max = Quantity per year, up to
market-quantity-hint = in the stream's unit (t, m³, pieces or MWh)
market-search = Search
market-clear = Clear all
market-found = { $count ->
    [0] No streams found.
    [one] 1 stream found.
   *[other] { $count } streams found.
}
market-empty = Nothing found. Try fewer or other words, or remove a filter.
market-offer = Offer
market-need = Need
market-anonymous-firm = anonymous firm
market-own = your own stream
market-km = { $km } km by road
market-accepts = accepts:
market-open = View
market-pages = Pages
market-previous = ← Previous
market-next = Next →
market-refused = Correct the marked fields and the market shows results again.
market-bad-number = { $field }: "{ $text }" is not a number; type for example 12 or 2.5
market-negative = { $field }: must not be below zero
market-not-positive = { $field }: must be greater than zero
market-min-above-max = { $field }: is smaller than the quantity "from"
market-unknown-kind = { $field }: "{ $text }" is not a kind; choose offers, needs or both
market-unknown-chapter = { $field }: "{ $text }" is not a material group; choose 01 to 20 or energy, water and CO₂
market-unknown-municipality = { $field }: "{ $text }" is not in this region
market-distance-without-firm = { $field }: sign in as a firm to measure from your firm
market-bad-page = { $field }: "{ $text }" is not a page number; use 1, 2, 3, …
market-field-page = Page

market-saved-heading = My saved searches
market-saved-none = You have not saved a search yet.
market-save-name = Name of this search
market-save = Save this search
market-save-hint = You are told (on your dashboard and by e-mail) as soon as a new stream fits.
market-saved-open = Open
market-saved-delete = Delete
market-saved-all = everything
market-save-no-name = Name: give the search a name
market-save-too-long = Name: at most { $max } characters
market-save-too-many = You keep { $max } searches already; delete one first.

market-listing-offer-title = Offer: { $material }
market-listing-need-title = Need: { $material }
market-listing-material = Material
market-listing-accepts = Accepts
market-listing-quantity = Quantity
market-listing-regularity = How often
market-listing-municipality = Municipality
market-listing-firm = Firm
market-listing-sector = Sector
market-listing-available = Available
market-listing-available-from = from { $from }
market-listing-available-until = until { $until }
market-listing-available-always = available now, no end date
market-listing-pickup-terms = Pickup terms
market-listing-delivery-terms = Delivery terms
market-listing-reach = Collects up to
market-listing-description = Description
market-listing-distance = Distance
market-listing-photos = Photos
market-listing-no-photos = No photos of this stream yet.
market-listing-interest-heading = Interest / contact
market-listing-interest-lead = Choose your own stream that fits this one; both firms see each other's details only once both said interested.
market-listing-interest = Interested
market-listing-with = with your { $kind ->
    [offer] offer
   *[need] need
}: { $what }
market-listing-no-pair-offer = You have no need yet that accepts this material.
market-listing-no-pair-need = You have no offer yet of a material this need accepts.
market-listing-add-need = Add a need
market-listing-add-offer = Add an offer
market-listing-login = Sign in as a firm to show interest.
market-listing-own = This is your own stream.
market-listing-edit = Edit
market-listing-back = ← Back to the market
market-listing-paused = paused

market-notice-title = New on the market: "{ $name }"
market-notice-body = A new { $kind ->
    [offer] residual stream
   *[need] need
} fits your saved search "{ $name }": { $material }.
market-notice-open = See the stream

# "Does this fit your flows?" on a listing: each own flow with the matcher's verdict.
market-fit-heading = Does this fit your flows?
market-fit-lead = This is how the matcher judges this pair with each of your own flows, as on My matches.
market-fit-no-needs = You have no active need to compare this offer with.
market-fit-no-offers = You have no active offer to compare this need with.
market-fit-own-offer = Your offer: { $what }
market-fit-own-need = Your need: { $what }
market-fit-suggested = Suggested
market-fit-not-suggested = Not suggested
market-fit-code-only = judged on the waste code only: no material class or descriptors stated
market-fit-benefit = net benefit € { $amount } a year
market-fit-open-exchange = Go to the exchange
market-fit-open-matches = See it among your matches
market-fit-their-lot = your quantity does not reach the receiver's smallest lot (a collection round with others might)
market-fit-declined = you declined this pair before ("not for us")
market-fit-left-out = one of the two flows is left out of matching: not confirmed for too long
market-fit-outranked = the pair is possible (net benefit € { $amount } a year), but other counterparts fit better and come first among your matches
market-listing-all-refused = None of your flows may be paired with this one; the reasons are above.
