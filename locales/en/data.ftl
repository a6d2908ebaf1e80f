# Import and export on /data, for coordinators.

data-title = Import and export data
data-heading = Import and export
data-lead = Add firms, residual flows and needs in one go from files, or download the whole region. Every import shows a preview first; nothing is saved until you confirm it.
data-cancelled = The import was cancelled; nothing was saved.
data-upload-refused = These files cannot be imported as they are
data-import-heading = Import
data-files = Files
data-files-hint = One JSON file (the format of symbiose export) or one or more CSV files of companies, residual flows, needs or parameters; the kind follows from the header row. At most { $megabytes } MB together.
data-show-preview = Show preview
data-import-adds = An import adds and overwrites nothing: ids already in the database are refused. A single problem refuses the whole import.
data-export-heading = Export
data-export-confidential = Note: an export holds every flow, including those only the coordinator may see, with firm names and addresses. Handle the files as confidential and do not share them with firms.
data-export-json = The whole region as JSON
data-export-json-hint = as symbiose export --format json; can be imported again
data-export-companies = Companies
data-export-offers = Residual flows
data-export-needs = Needs
data-export-parameters = Parameters
data-export-cli = The CSV files are those of symbiose export --format csv; together they can be imported again.
data-problem-count = { $count ->
    [one] One problem found
   *[other] { $shown } problems found
}; nothing was saved.
data-col-file = File
data-col-place = Line or element
data-col-field = Field
data-col-reason = Problem
data-problems-in-english = The problems are worded exactly as symbiose import words them.
data-preview-title = Import preview
data-preview-heading = Preview of the import
data-preview-files = { $count ->
    [one] File
   *[other] Files
}: { $files } — uploaded on { $at }.
data-preview-nothing-yet = Nothing has been saved yet. Check what will be added and confirm the import, or cancel it.
data-preview-refused = This import no longer fits the database
data-confirm = Confirm import
data-cancel = Cancel
data-added-title = Import saved
data-added-heading = The import was saved
data-added = Everything in the files is now part of the region.
data-to-overview = To the overview
data-to-data = Another import
data-stat-firms = firms
data-stat-offers = residual flows
data-stat-needs = raw-material needs
data-replaces-parameters = The files hold parameters (transport cost, road factor, CO₂): they replace the region's current parameters.
data-by-municipality = By municipality
data-by-sector = By sector
data-col-municipality = Municipality
data-col-sector = Sector
data-col-firms = Firms
data-col-offers = Residual flows
data-col-needs = Needs
data-total = Total
data-more-rows = … and { $shown } more { $count ->
    [one] row
   *[other] rows
}.
data-first-firms = Firms (first rows)
data-first-offers = Residual flows (first rows)
data-first-needs = Needs (first rows)
data-col-id = Id
data-col-name = Name
data-col-employees = Employees
data-col-company = Company
data-col-material = Material
data-col-quantity = Quantity
data-col-visibility = Visibility
data-visibility = { $level ->
    [public] Public
    [coordinator-only] Coordinator only
   *[other] Anonymous
}
data-col-accepts = Accepts
data-col-distance = Collects up to
data-up-to-km = { $km } km
data-bad-form = This is not an upload form. Choose files on the Import and export page and try again.
data-too-large = The upload is larger than { $megabytes } MB. Split the data over several imports, or use symbiose import on the server.
data-no-files = Choose at least one file to import.
data-not-csv-or-json = “{ $file }” is not a CSV or JSON file. Save a spreadsheet as CSV (semicolons are fine).
data-problems-not-listed = Only the first { $listed } are listed: correct them and upload again to see the rest.
