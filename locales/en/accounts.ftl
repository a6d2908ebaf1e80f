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
accounts-error-firm-name = Enter the name of the firm (at most 200 characters).
accounts-error-login = The e-mail address or the password is not right.
