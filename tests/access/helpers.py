"""Shared data for the access tests: the actions, and a valid form for each."""

PDF = b"%PDF-1.4\n% charter of VNPT-IT\n%%EOF\n"

# Every action of agreements.permissions.ACTIONS, in the order of the lifecycle.
ACTIONS = ["send", "return", "sign", "cancel", "terminate"]


def action_data(action):
    """A valid form for each action, as the confirmation page would post it."""
    return {
        "send": {"reason": "Công văn 442/CNTT-TTUD"},
        "return": {"reason": "Tiếp thu ý kiến góp ý"},
        "sign": {"number": "5", "symbol": "BB-CNTT", "signed_on": "20/12/2025", "place": "Hà Nội",
                 "handing_signatory": "Phạm Đức Long", "handing_signatory_title": "Cục trưởng",
                 "receiving_signatory": "Nguyễn Văn A", "receiving_signatory_title": "Giám đốc"},
        "cancel": {"cancelled_on": "22/12/2025"},
        "terminate": {"terminated_on": "31/12/2027", "reason_code": "term_ended"},
    }[action]
