# Registration and login.

accounts-register-title = Registreren
accounts-register-heading = Registreer uw bedrijf
accounts-register-intro = In vijf minuten uw reststromen en grondstofvragen in beeld. Uw gegevens blijven anoniem tot beide partijen interesse tonen.
accounts-register-submit = Registreren
accounts-firm-name = Naam van het bedrijf
accounts-municipality = Gemeente
accounts-employees = Aantal medewerkers
accounts-email = E-mailadres
accounts-password = Wachtwoord
accounts-new-password = Wachtwoord (minstens 10 tekens)
accounts-password-confirm = Herhaal het wachtwoord
accounts-have-account = Al een account?
accounts-no-account = Nog geen account?
accounts-error-email = Vul een geldig e-mailadres in.
accounts-error-email-taken = Er bestaat al een account met dit e-mailadres. Log in.
accounts-error-password = Kies een wachtwoord van { $min } tot { $max } tekens.
accounts-error-password-weak = Dit wachtwoord hoort bij de eerst geraden wachtwoorden (een gewoon woord, naam, toetsenbordpatroon of uw eigen naam of adres). Kies een langer wachtwoord, bijvoorbeeld een paar woorden die alleen voor u bij elkaar horen.
accounts-error-password-confirm = De wachtwoorden zijn niet gelijk.
accounts-error-employees = Vul het aantal medewerkers in als geheel getal, minstens 1.
accounts-error-municipality = Kies een gemeente uit de lijst.
accounts-error-firm-name = Vul de naam van het bedrijf in (hoogstens 200 tekens).
accounts-error-login = Het e-mailadres of het wachtwoord klopt niet.
