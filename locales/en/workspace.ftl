# The coordinator's workspace: firms, a firm's page with its contact log, the exchange list.

workspace-firms-title = Firms
workspace-firms-lead = Every firm of the region. Search by name, municipality or sector, or find those without flows or not spoken to for a long time.
workspace-filter-name = Name contains
workspace-filter-municipality = Municipality
workspace-filter-all-municipalities = All municipalities
workspace-filter-sector = Sector
workspace-filter-all-sectors = All sectors
workspace-filter-without-flows = No flows yet
workspace-filter-not-contacted = Not contacted for { $days } days
workspace-filter-apply = Show
workspace-filter-clear = Clear filters
workspace-found = { $count ->
    [one] 1 found
   *[other] { $count } found
}
workspace-none-found = Nothing found with these filters.
workspace-page = Page { $page } of { $pages }
workspace-previous = Previous
workspace-next = Next
workspace-col-name = Name
workspace-col-municipality = Municipality
workspace-col-sector = Sector
workspace-col-employees = Employees
workspace-col-flows = Flows
workspace-col-last-note = Latest note
workspace-flows = { $offers } offered · { $needs } needed
workspace-never = never
workspace-bad-sector = Sector: "{ $text }" is no NACE section; choose a letter from A to U.
workspace-bad-stage = Stage: "{ $text }" is no stage of an exchange.

workspace-back = ← All firms
workspace-details = Details
workspace-field-sector = Sector
workspace-field-municipality = Municipality
workspace-field-address = Address
workspace-field-employees = Employees
workspace-field-point = Location
workspace-field-key = Identifier
workspace-offers = Offers
workspace-needs = Needs
workspace-no-offers = No offers.
workspace-no-needs = No needs.
workspace-col-material = Material
workspace-col-description = Description
workspace-col-quantity = Quantity
workspace-col-visibility = Visibility
workspace-exchanges = Exchanges
workspace-no-exchanges = No exchanges yet.
workspace-col-exchange = Exchange
workspace-col-stage = Stage
workspace-col-counterpart = Counterpart
workspace-col-role = Role
workspace-col-last-step = Latest step
workspace-as-supplier = supplies
workspace-as-receiver = receives

workspace-contacts = Contact people
workspace-contacts-private = Coordinators only; no firm sees this, not even this firm itself.
workspace-no-contacts = No contact people yet.
workspace-contact-name = Name
workspace-contact-role = Role
workspace-contact-phone = Phone
workspace-contact-email = E-mail
workspace-contact-add = Add contact person
workspace-contact-edit-heading = Change contact person
workspace-contact-save = Save
workspace-contact-cancel = Cancel
workspace-contact-edit = Change
workspace-contact-delete = Delete
workspace-contact-phone-hint = Digits, spaces, + - ( ); a phone number or an e-mail address is needed.

workspace-log = Contact log
workspace-log-rule = Notes stay as written; only the author of a note can delete it.
workspace-no-notes = No notes yet.
workspace-note-field = New note
workspace-note-add = Add note
workspace-note-delete = Delete
workspace-note-by = { $author }, { $at }
workspace-note-author-gone = a deleted account

workspace-problem-missing = { $field }: please fill this in.
workspace-problem-too-long = { $field }: at most { $max } characters.
workspace-problem-phone-characters = Phone: only digits, spaces, - ( ) and a leading +.
workspace-problem-phone-digits = Phone: a number has { $min } to { $max } digits.
workspace-problem-email = E-mail: this is not an e-mail address.
workspace-problem-unreachable = Phone: give a phone number or an e-mail address.

workspace-exchanges-title = Exchanges in the region
workspace-exchanges-lead = Every exchange with both firms, the material and the stage. The filters are in the address, so a selection can be bookmarked.
workspace-filter-stage = Stage
workspace-filter-all-stages = All stages
workspace-filter-firm = Firm name contains
workspace-filter-material = Material
workspace-col-supplier = Supplier
workspace-col-receiver = Receiver
