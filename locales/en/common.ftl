# Shared by every page: layout, units, numbers, errors.

site-tagline = One firm's residues, another's raw material — Keyport region
site-footer = Symbiose is open-source software. Waste codes: European List of Waste (EWC).
nav-account = Account
nav-login = Log in
nav-register = Register
nav-firm = My firm
nav-flows = My flows
nav-matches = My matches
nav-exchanges = Exchanges
nav-dashboard = Dashboard
nav-logout = Log out
nav-logout-everywhere = Sign out on every device
nav-language = Language
language-switch-to = Nederlands
common-page-of = Page { $page } of { $pages }
common-save = Save
common-cancel = Cancel
common-back-home = Back to the overview

unit-tonnes = t
unit-cubic-metres = m³
unit-megawatt-hours = MWh
unit-pieces = pieces
quantity-per-year = { $amount } { $unit }/year
accepted-chapter = whole chapter { $code }
accepted-sub-chapter = whole sub-chapter { $code }

error-title-not-found = Page not found
error-title-client = That did not work
error-title-server = Something went wrong
error-not-found = Not found.
error-forbidden = This form has expired or does not come from this site. Reload the page and try again.
error-too-many-attempts = Too many failed attempts. Try again in { $seconds } seconds.
error-busy = It is too busy right now. Try again in { $seconds } seconds.
error-too-large = This request is larger than the server accepts.
error-malformed = This request could not be read. Go back, check what you entered and try again.
error-duplicate = "{ $key }" exists already. Choose another name or change the existing one.
error-server = Something went wrong on our side. Please try again later.
nav-coordinator = Region
nav-plan = Region plan
nav-map = Map
nav-impact = Impact
nav-cases = Cases
nav-data = Data
nav-partnerships = Partnerships
