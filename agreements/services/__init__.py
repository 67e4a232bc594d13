"""Every write to an agreement and its libraries that enforces a rule goes through here. Each service
checks who acts itself, takes plain data (instances and values, never forms) and opens its own
transaction: lifecycle.py (one service per action of agreements.actions), drafting.py (draft text and
library entries added to it), library.py (the libraries), signed_copies.py (the copy made at signing),
deployment.py (the receiving party's deployment reports after signing)."""

from agreements.services.deployment import agreement_set_report_period, report_file  # noqa: F401
from agreements.services.drafting import (  # noqa: F401
    NotEditable,
    Row,
    agreement_add_from_library,
    agreement_add_standard_clauses,
    agreement_create,
    agreement_update,
)
from agreements.services.handback import handback_confirm, handback_record, handback_return  # noqa: F401
from agreements.services.library import library_entry_save  # noqa: F401
from agreements.services.lifecycle import (  # noqa: F401
    TransitionRefused,
    agreement_cancel,
    agreement_return_for_revision,
    agreement_send_for_review,
    agreement_sign,
    agreement_terminate,
)
from agreements.services.refusal import refusal_accept, refusal_file, refusal_reject  # noqa: F401
from agreements.services.review import comment_answer, opinion_record  # noqa: F401
