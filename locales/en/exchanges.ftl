# Exchanges: `/exchanges` and one exchange with its parties, steps, history and tonnes.

exchanges-list-title = My exchanges
exchanges-list-empty = No exchanges yet. Say you are interested in a match.
exchanges-to-matches = Go to my matches
exchanges-title = Exchange { $id }
exchanges-stage = Stage:
exchanges-decline-reason = Reason for declining: { $reason }
exchanges-offer = Residual flow
exchanges-need = need

exchanges-stage-proposed = proposed
exchanges-stage-interested = interest from one side
exchanges-stage-introduced = introduced to each other
exchanges-stage-negotiating = negotiating
exchanges-stage-agreed = agreed
exchanges-stage-running = running
exchanges-stage-completed = completed
exchanges-stage-declined = declined
exchanges-stage-unknown = unknown

exchanges-party-supplier = Supplier
exchanges-party-receiver = Receiver
exchanges-party-hidden = The other party stays anonymous until you have both said you are interested.
exchanges-contact-later = contact details follow once you have both said you are interested.

exchanges-step-interested = Interested
exchanges-step-negotiate = Start negotiating
exchanges-step-agree = Agree
exchanges-step-start = Start the exchange
exchanges-step-complete = Complete
exchanges-step-decline = Decline
exchanges-decline-label = Not for us — why?

exchanges-period-label = Month (YYYY-MM)
exchanges-tonnes-label = Tonnes actually moved
exchanges-tonnes-record = Record tonnes
exchanges-tonnes-heading = Tonnes moved
exchanges-month = Month
exchanges-tonnes = Tonnes

exchanges-history = History
exchanges-by-other-party = the other party
exchanges-by-coordinator = coordinator
exchanges-by-unknown = unknown

exchanges-refused-not-from-here = ‘{ $step }’ is not possible now: the exchange is at the stage ‘{ $stage }’.
exchanges-refused-not-supplier = Only the supplier can say it is interested for itself.
exchanges-refused-not-receiver = Only the receiver can say it is interested for itself.
exchanges-refused-no-reason = Reason: tell us briefly why this exchange does not fit.
exchanges-refused-reason-too-long = Reason: use at most { $max } characters.
exchanges-refused-note-too-long = Note: use at most { $max } characters.
exchanges-changed-meanwhile = Someone else just changed this exchange; look at where it stands now.
exchanges-unknown-step = Step: there is no such step.
exchanges-tonnes-not-running = Tonnes are recorded while the exchange is running.
exchanges-bad-period = Month: enter a month as YYYY-MM, for example 2026-11.
exchanges-bad-tonnes = Tonnes: enter an amount greater than 0.
exchanges-tonnes-too-large = Tonnes: enter at most { $max } tonnes for one month.
exchanges-refused-already-confirmed = Your firm already confirmed this step; it is now the other firm's turn.
exchanges-waiting-for = Waiting for confirmation from { $firm }.
exchanges-waiting-your-firm = your firm
exchanges-waiting-other-firm = the other firm
exchanges-unreadable-tonnes = Tonnes: we cannot read “{ $typed }” as a number. Write it without a thousands separator, with a point for decimals (for example 2.25).

# Messages inside an exchange.
exchanges-messages = Messages
exchanges-messages-not-open = Messaging opens once both firms said they are interested; you then also see each other's name.
exchanges-messages-empty = No messages yet. Write to the other firm below.
exchanges-unread-heading = Unread messages in exchanges
exchanges-messages-closed = Messages: no messages can be sent in this exchange (now).
exchanges-message-label = Message
exchanges-message-send = Send message
exchanges-message-coordinator = Coordinator
exchanges-message-empty = Message: write some text first.
exchanges-message-too-long = Message: use at most { $max } characters.
exchanges-unread-messages = { $count ->
    [one] 1 unread message
   *[other] { $count } unread messages
}
exchanges-pair-not-allowed = No exchange can be opened for this pair: { $reason }.
