# Import and export on /data, for coordinators.

data-title = Gegevens importeren en exporteren
data-heading = Importeren en exporteren
data-lead = Voeg bedrijven, reststromen en vragen in één keer toe vanuit bestanden, of download de hele regio. Elke import toont eerst een voorvertoning; er wordt pas iets opgeslagen als u die bevestigt.
data-cancelled = De import is geannuleerd; er is niets opgeslagen.
data-upload-refused = Deze bestanden kunnen zo niet worden geïmporteerd
data-import-heading = Importeren
data-files = Bestanden
data-files-hint = Eén JSON-bestand (het formaat van symbiose export) of een of meer CSV-bestanden met bedrijven, reststromen, vragen of parameters; de soort volgt uit de kopregel. Samen ten hoogste { $megabytes } MB.
data-show-preview = Voorvertoning tonen
data-import-adds = Een import voegt toe en overschrijft niets: ids die al in de database staan, worden geweigerd. Eén fout weigert de hele import.
data-export-heading = Exporteren
data-export-confidential = Let op: een export bevat alle stromen, ook die alleen voor de coördinator zichtbaar zijn, met bedrijfsnamen en adressen. Behandel de bestanden als vertrouwelijk en deel ze niet met bedrijven.
data-export-json = De hele regio als JSON
data-export-json-hint = zoals symbiose export --format json; weer te importeren
data-export-companies = Bedrijven
data-export-offers = Reststromen
data-export-needs = Vragen
data-export-parameters = Parameters
data-export-cli = De CSV-bestanden zijn dezelfde als die van symbiose export --format csv; samen zijn ze weer te importeren.
data-problem-count = { $count ->
    [one] Eén probleem gevonden
   *[other] { $shown } problemen gevonden
}; er is niets opgeslagen.
data-col-file = Bestand
data-col-place = Regel of element
data-col-field = Veld
data-col-reason = Probleem
data-problems-in-english = De problemen zelf zijn in het Engels beschreven, precies zoals symbiose import ze geeft.
data-preview-title = Voorvertoning import
data-preview-heading = Voorvertoning van de import
data-preview-files = { $count ->
    [one] Bestand
   *[other] Bestanden
}: { $files } — geüpload op { $at }.
data-preview-nothing-yet = Er is nog niets opgeslagen. Controleer wat er wordt toegevoegd en bevestig de import, of annuleer hem.
data-preview-refused = Deze import past niet meer bij de database
data-confirm = Import bevestigen
data-cancel = Annuleren
data-added-title = Import opgeslagen
data-added-heading = De import is opgeslagen
data-added = Alles uit de bestanden staat nu in de regio.
data-to-overview = Naar het overzicht
data-to-data = Nog een import
data-stat-firms = bedrijven
data-stat-offers = reststromen
data-stat-needs = grondstofvragen
data-replaces-parameters = De bestanden bevatten parameters (transportkosten, omrijfactor, CO₂): die vervangen de huidige parameters van de regio.
data-by-municipality = Per gemeente
data-by-sector = Per sector
data-col-municipality = Gemeente
data-col-sector = Sector
data-col-firms = Bedrijven
data-col-offers = Reststromen
data-col-needs = Vragen
data-total = Totaal
data-more-rows = … en nog { $shown } { $count ->
    [one] regel
   *[other] regels
}.
data-first-firms = Bedrijven (eerste regels)
data-first-offers = Reststromen (eerste regels)
data-first-needs = Vragen (eerste regels)
data-col-id = Id
data-col-name = Naam
data-col-employees = Werknemers
data-col-company = Bedrijf
data-col-material = Materiaal
data-col-quantity = Hoeveelheid
data-col-visibility = Zichtbaarheid
data-visibility = { $level ->
    [public] Openbaar
    [coordinator-only] Alleen coördinator
   *[other] Anoniem
}
data-col-accepts = Neemt aan
data-col-distance = Haalt op tot
data-up-to-km = { $km } km
data-bad-form = Dit is geen uploadformulier. Kies bestanden op de pagina Importeren en exporteren en probeer het opnieuw.
data-too-large = De upload is groter dan { $megabytes } MB. Verdeel de gegevens over meerdere imports, of gebruik symbiose import op de server.
data-no-files = Kies ten minste één bestand om te importeren.
data-not-csv-or-json = „{ $file }” is geen CSV- of JSON-bestand. Sla een spreadsheet op als CSV (puntkomma's mogen).
data-problems-not-listed = Alleen de eerste { $listed } staan hieronder: verbeter die en upload opnieuw om de rest te zien.
