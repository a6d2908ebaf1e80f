# The overview page `/`.

home-title = Overview of the region
home-heading = The region at a glance
home-stat-firms = firms
home-stat-offers = residual streams offered
home-stat-needs = raw-material needs
home-privacy = Only the flows firms made public are listed here; anonymous flows appear as matches, without a name.
home-empty = No firms in this selection yet.
home-municipalities = Municipalities
home-all-municipalities = All municipalities
home-employees = { $count ->
    [one] 1 employee
   *[other] { $count } employees
}
home-offers = Offers
home-needs = Looks for
home-hazardous = hazardous waste
home-up-to-km = up to { $km } km
home-accepts = accepts:
home-pages = Pages
home-previous = ← Previous
home-next = Next →
home-bad-page = page: "{ $text }" is not a page number; use 1, 2, 3, …
home-bad-municipality = municipality: "{ $name }" is not in this region
