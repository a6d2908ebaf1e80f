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
accounts-error-municipality-country = { $municipality } ligt in { $lies_in }, niet in { $chosen }. Kies het land van uw gemeente, of een gemeente in { $chosen }.
accounts-error-firm-name = Vul de naam van het bedrijf in (hoogstens 200 tekens).
accounts-error-login = Het e-mailadres of het wachtwoord klopt niet.

# Password reset by a mailed link (/password/forgot, /password/reset).
password-forgot-link = Wachtwoord vergeten?
password-forgot-title = Wachtwoord vergeten
password-forgot-intro = Vul het e-mailadres van uw account in. U krijgt een e-mail met een link waarmee u een nieuw wachtwoord kiest.
password-forgot-submit = Stuur mij een link
password-forgot-sent = Als er een account met dit e-mailadres is, hebben we er zojuist een link naartoe gestuurd. De link is { $hours ->
    [one] één uur
   *[other] { $hours } uur
} geldig en werkt één keer. Geen e-mail ontvangen? Kijk ook bij de ongewenste e-mail.
password-reset-title = Nieuw wachtwoord kiezen
password-reset-intro = Kies een nieuw wachtwoord. Daarna wordt u overal uitgelogd, ook op andere apparaten.
password-reset-submit = Wachtwoord opslaan
password-reset-done-title = Wachtwoord gewijzigd
password-reset-done = Uw wachtwoord is gewijzigd. U bent op alle apparaten uitgelogd; log in met uw nieuwe wachtwoord.
password-link-unknown = Deze link kennen we niet. Misschien is hij niet helemaal gekopieerd; vraag anders een nieuwe aan.
password-link-expired = Deze link is verlopen: een link is één uur geldig. Vraag een nieuwe aan.
password-link-used = Deze link is al gebruikt: een link werkt één keer. Vraag een nieuwe aan als u uw wachtwoord opnieuw wilt wijzigen.
password-link-again = Nieuwe link aanvragen
password-mail-subject = Nieuw wachtwoord voor Symbiose
password-mail-body = Iemand (hopelijk u) heeft gevraagd om een nieuw wachtwoord voor uw account in Symbiose. Kies het via deze link; hij is { $hours ->
    [one] één uur
   *[other] { $hours } uur
} geldig en werkt één keer:
password-mail-ignore = Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.

# Short help under each field (issue #10).
accounts-help-firm-name = De naam zoals klanten hem kennen. Andere bedrijven zien hem pas als u beiden interesse toont, of bij stromen die u openbaar maakt.
accounts-help-municipality = De gemeente van uw vestiging; daarmee rekenen we afstanden uit. Andere bedrijven zien alleen de gemeente, niet uw adres.
accounts-help-employees = Ongeveer is goed genoeg. Het helpt de coördinator de regio te overzien; andere bedrijven zien het niet.
accounts-help-email = Hierop ontvangt u berichten en meldingen, en hiermee logt u in. Een ander bedrijf ziet het pas als u allebei interesse toont in dezelfde uitwisseling.
accounts-help-new-password = Minstens 10 tekens. Een paar woorden die alleen voor u bij elkaar horen, onthoudt u makkelijk en raadt niemand.
accounts-help-password-confirm = Typ hetzelfde wachtwoord nog eens, zodat een tikfout u niet buitensluit.
accounts-help-language = De taal van de schermen en van de e-mails die u van ons krijgt. U kunt die later wijzigen.
accounts-help-login-email = Het e-mailadres waarmee u zich hebt geregistreerd.
accounts-help-login-password = Hoofdletters tellen mee. Vergeten? Gebruik de link onder het formulier.
password-help-email = Het e-mailadres van uw account; daar sturen we de link naartoe.
