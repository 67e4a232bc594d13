from agreements.models.agreement import (  # noqa: F401
    DEFAULT_SOFTWARE,
    DEFAULT_TITLE,
    Agreement,
    AgreementProvince,
    Clause,
    EligibilityFlag,
    LegalBasis,
    ReviewRequest,
    StatusChange,
)
from agreements.models.deployment import (  # noqa: F401
    DeploymentReport,
    DeploymentReportFile,
    Period,
    ProvinceRisk,
    report_periods,
)
from agreements.models.handback import HandbackEvidence, HandbackObligation, TerminationMinutes  # noqa: F401
from agreements.models.library import ClauseTemplate, LegalDocument  # noqa: F401
from agreements.models.refusal import RefusalProvince, RefusalRequest, RefusalRequestFile  # noqa: F401
from agreements.models.review import AgreementVersion, Answer, Comment, Opinion  # noqa: F401
from agreements.models.signed import SignedCopy  # noqa: F401
