# Registration and login.

accounts-register-title = Register
accounts-register-heading = Register your firm
accounts-register-intro = Your residual streams and raw-material needs in view within five minutes. Your details stay anonymous until both parties show interest.
accounts-register-submit = Register
accounts-firm-name = Name of the firm
accounts-municipality = Municipality
accounts-employees = Number of employees
accounts-email = E-mail address
accounts-password = Password
accounts-new-password = Password (at least 10 characters)
accounts-password-confirm = Repeat the password
accounts-have-account = Already have an account?
accounts-no-account = No account yet?
accounts-error-email = Enter a valid e-mail address.
accounts-error-email-taken = An account with this e-mail address already exists. Log in.
accounts-error-password = Choose a password of { $min } to { $max } characters.
accounts-error-password-weak = This password is among those guessed first (a common word, name, keyboard pattern or your own name or address). Choose a longer one, for example a few words that belong together only for you.
accounts-error-password-confirm = The passwords are not the same.
accounts-error-employees = Enter the number of employees as a whole number, at least 1.
accounts-error-municipality = Choose a municipality from the list.
accounts-error-municipality-country = { $municipality } lies in { $lies_in }, not in { $chosen }. Choose the country of your municipality, or a municipality in { $chosen }.
accounts-error-firm-name = Enter the name of the firm (at most 200 characters).
accounts-error-login = The e-mail address or the password is not right.

# Password reset by a mailed link (/password/forgot, /password/reset).
password-forgot-link = Forgot your password?
password-forgot-title = Forgot your password
password-forgot-intro = Enter the e-mail address of your account. You will get an e-mail with a link to choose a new password.
password-forgot-submit = Send me a link
password-forgot-sent = If an account with this e-mail address exists, we have just sent a link to it. The link is valid for { $hours ->
    [one] one hour
   *[other] { $hours } hours
} and works once. No e-mail? Look in your spam folder too.
password-reset-title = Choose a new password
password-reset-intro = Choose a new password. You will then be signed out everywhere, on other devices too.
password-reset-submit = Save the password
password-reset-done-title = Password changed
password-reset-done = Your password has been changed. You have been signed out on every device; log in with your new password.
password-link-unknown = We do not know this link. Perhaps it was not copied completely; otherwise ask for a new one.
password-link-expired = This link has expired: a link is valid for one hour. Ask for a new one.
password-link-used = This link has been used already: a link works once. Ask for a new one if you want to change your password again.
password-link-again = Ask for a new link
password-mail-subject = New password for Symbiose
password-mail-body = Someone (hopefully you) asked for a new password for your account in Symbiose. Choose it through this link; it is valid for { $hours ->
    [one] one hour
   *[other] { $hours } hours
} and works once:
password-mail-ignore = Did you not ask for this? Then you can ignore this e-mail; your password stays the same.

# Short help under each field (issue #10).
accounts-help-firm-name = The name your customers know. Other firms see it only once you are both interested, or on flows you make public.
accounts-help-municipality = Where your site is; distances are worked out from it. Other firms see the municipality only, not your address.
accounts-help-employees = Roughly is good enough. It helps the coordinator see the region; other firms do not see it.
accounts-help-email = Messages and notices come here, and you log in with it. Another firm sees it only once you are both interested in the same exchange.
accounts-help-new-password = At least 10 characters. A few words that belong together only for you are easy to remember and hard to guess.
accounts-help-password-confirm = Type the same password again, so a typo does not lock you out.
accounts-help-language = The language of the screens and of the e-mails we send you. You can change it later.
accounts-help-login-email = The e-mail address you registered with.
accounts-help-login-password = Capitals count. Forgotten? Use the link below the form.
password-help-email = The e-mail address of your account; we send the link there.
