# The firm's own page `/firm` and its profile.

firm-no-firm = No firm belongs to this account (coordinator or administrator).
firm-manage-flows = Manage residual streams and raw-material needs
firm-offers = Residual streams
firm-needs = Raw-material needs
firm-no-offers = No residual streams yet.
firm-no-needs = No raw-material needs yet.
firm-edit-link = Edit firm details
firm-edit-title = Edit firm details

firm-label-address = Address
firm-label-municipality = Municipality
firm-label-location = Location
firm-label-sector = Sector
firm-label-employees = Employees
firm-label-language = Language
firm-no-address = No address yet.
firm-no-sector = No sector chosen yet.
firm-coordinates = { $lat }° N, { $lon }° E
firm-map-label = Map of the Keyport region with your firm's location
firm-map-click = Map of the region: click where your firm is

firm-field-name = Name of the firm
firm-field-address = Address (street, number, postcode and town; may be left empty)
firm-field-municipality = Municipality
firm-field-lat = Latitude
firm-field-lon = Longitude
firm-field-nace = NACE code (such as C10 or C10.83; may be left empty)
firm-field-employees = Number of employees
firm-field-language = Language of the site
firm-location-legend = Location
firm-location-hint = Click the map where your firm is, or enter the coordinates (51.2517 or 51,2517). If you leave both empty, the municipality's centre is used.
firm-point-chosen = Point chosen — check it and save.
firm-sector-legend = Sector
firm-sector-search-label = Find your sector by a word, such as bakery, metal or garage
firm-sector-search-button = Search
firm-sector-choose = Choose a sector; its code goes into the field above when you save.
firm-sector-nothing = No sector found for “{ $query }”. Try another word.

firm-error-name = Enter the name of the firm (at most { $max } characters).
firm-error-address = The address may be at most { $max } characters long.
firm-error-municipality = Choose a municipality from the list.
firm-error-employees = Enter the number of employees as a whole number from 1 to { $max }.
firm-error-lat = Enter the latitude as a number between -90 and 90, for example 51.2517.
firm-error-lon = Enter the longitude as a number between -180 and 180, for example 5.7069.
firm-error-far = This point is { $km } km from the nearest municipality of the region; choose a point within { $max } km of the Keyport region.
firm-error-nace = Enter a NACE code such as C10 or C10.83: a letter from A to U, optionally with two digits and a dot with one or two digits. Or find your sector below by a word.
firm-error-language = Choose Nederlands or English.
firm-error-field = Check this field.
firm-error-map = The click on the map did not come through. Click the map again.
firm-error-map-coordinate = { $field }: “{ $text }” is not a valid coordinate.

# Short help under each field of the firm form (issue #10).
firm-help-name = The name your customers know. Other firms see it only once you are both interested, or on flows you make public.
firm-help-address = Only you and the region's coordinator see the address; other firms do not.
firm-help-municipality = Where your site is. Other firms see the municipality only, not your address.
firm-help-lat = North–south, in degrees, such as 51.2517. Left empty, distances are counted from the centre of your municipality.
firm-help-lon = East–west, in degrees, such as 5.7069. With the latitude it sets the road distances.
firm-help-nace = Your trade's code; it helps us find firms that often have use for you. Not known? Search by a word below.
firm-help-sector-search = Type an everyday word for what you do and press Search; then pick a sector from the list.
firm-help-employees = Roughly is good enough. It helps the coordinator see the region; other firms do not see it.
firm-help-language = The language of the screens and of the e-mails we send you.
