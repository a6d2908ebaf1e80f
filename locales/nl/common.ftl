# Shared by every page: layout, units, numbers, errors.

site-tagline = Reststromen van de één, grondstof voor de ander — regio Keyport
site-footer = Symbiose is open-source software. Afvalcodes: Europese afvalstoffenlijst (Eural).
nav-account = Account
nav-login = Inloggen
nav-register = Registreren
nav-firm = Mijn bedrijf
nav-flows = Mijn stromen
nav-matches = Mijn matches
nav-exchanges = Uitwisselingen
nav-dashboard = Overzicht
nav-logout = Uitloggen
nav-logout-everywhere = Overal uitloggen (alle apparaten)
nav-language = Taal
language-switch-to = English
common-page-of = Pagina { $page } van { $pages }
common-save = Opslaan
common-cancel = Annuleren
common-back-home = Terug naar het overzicht

unit-tonnes = t
unit-cubic-metres = m³
unit-megawatt-hours = MWh
unit-pieces = stuks
quantity-per-year = { $amount } { $unit }/jaar
accepted-chapter = heel hoofdstuk { $code }
accepted-sub-chapter = hele subgroep { $code }

error-title-not-found = Pagina niet gevonden
error-title-client = Dat ging niet goed
error-title-server = Er ging iets mis
error-not-found = Niet gevonden.
error-forbidden = Dit formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens.
error-too-many-attempts = Te veel mislukte pogingen. Probeer het over { $seconds } seconden opnieuw.
error-busy = Het is even te druk. Probeer het over { $seconds } seconden opnieuw.
error-too-large = Deze aanvraag is groter dan de server aanneemt.
error-malformed = Deze aanvraag kon niet worden gelezen. Ga terug, controleer wat u invulde en probeer het opnieuw.
error-duplicate = "{ $key }" bestaat al. Kies een andere naam of wijzig de bestaande.
error-server = Er ging iets mis aan onze kant. Probeer het later opnieuw.
nav-coordinator = Regio
nav-plan = Regioplan
nav-map = Kaart
nav-impact = Impact
nav-cases = Casussen
nav-data = Gegevens
nav-partnerships = Partnerschappen
