//! The fields of every form, by name. A form's fields are looked up by this
//! id, never by the label the user reads, so a typo is a compile error
//! instead of a panic at submit.

/// One field of one of the workbench's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    // an opportunity
    Title,
    Account,
    Value,
    Stage,
    ExpectedClose,
    Probability,
    Owner,
    Product,
    Tags,
    Objective,
    ForecastCategory,
    Created,
    // a buying influence
    Name,
    JobTitle,
    EconomicBuyer,
    User,
    Technical,
    Coach,
    DecisionRole,
    Attitude,
    Mode,
    Influence,
    Coverage,
    Focus,
    SocialStyle,
    ReportsTo,
    Win,
    PersonalResult,
    LastContact,
    // an action (and a log entry's text)
    Text,
    Due,
    With,
    // an account (and its name: `Name`)
    Industry,
    Tier,
    Attractiveness,
    Advantage,
    Relationship,
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
    Notes,
    // a red flag raised by hand
    What,
    // a snooze (of one rule on many deals: with `Rule`)
    Rule,
    Until,
    Reason,
    // closing a deal (with `Reason`, `On`)
    CloseResult,
    ReasonCode,
    FinalAmount,
    // a log entry (with `Text`)
    On,
    // the targets of a period: its own, then each month's
    PeriodTarget,
    Month1,
    Month2,
    Month3,
    // the Blue Sheet's single fields (with `Strengths`)
    Needs,
    Benefits,
    Differentiators,
    CompellingEvent,
    EventOn,
    DecisionProcess,
    Team,
    // a competitor (with `Name`, `Strengths`, `Weaknesses`)
    Position,
    // a decision criterion (with `Text`)
    CriterionKind,
    Weight,
    HeldBy,
    Standing,
    // a close-plan step (with `Text`, `Due`)
    Side,
    Done,
    // the settings (with `Owner`)
    Currency,
    QuietDays,
    ProbabilityQualify,
    ProbabilityDrive,
    ProbabilityPropose,
    ProbabilityNegotiate,
    ProbabilityClose,
    StallQualify,
    StallDrive,
    StallPropose,
    StallNegotiate,
    StallClose,
    LossReasons,
    WinReasons,
}

impl FieldId {
    /// The label the user reads beside the field, in the thread's
    /// language.
    pub fn label(self) -> &'static str {
        use FieldId::*;
        let en = self.english();
        match (crate::i18n::lang(), self) {
            (crate::i18n::Lang::En, _) => en,
            // one English word, two things: each has its own key
            (_, JobTitle) => crate::i18n::t("job title"),
            (_, PersonalResult) => crate::i18n::t("personal result"),
            (_, Opportunities) => crate::i18n::t("opportunities (SWOT)"),
            _ => crate::i18n::t(en),
        }
    }

    /// The label in English: the catalogue's key.
    pub fn english(self) -> &'static str {
        use FieldId::*;
        match self {
            Title | JobTitle => "title",
            Account => "account",
            Value => "value",
            Stage => "stage",
            ExpectedClose => "expected close",
            Probability => "probability",
            Owner => "owner",
            Product => "product",
            Tags => "tags",
            Objective => "objective",
            ForecastCategory => "forecast category",
            Created => "created",
            Name => "name",
            EconomicBuyer => "economic buyer",
            User => "user",
            Technical => "technical",
            Coach => "coach",
            DecisionRole => "decision role",
            Attitude => "attitude",
            Mode => "mode",
            Influence => "influence",
            Coverage => "coverage",
            Focus => "focus",
            SocialStyle => "social style",
            ReportsTo => "reports to",
            Win => "win",
            PersonalResult | CloseResult => "result",
            LastContact => "last contact",
            Text => "text",
            Due => "due",
            With => "with",
            Industry => "industry",
            Tier => "tier",
            Attractiveness => "attractiveness",
            Advantage => "our advantage",
            Relationship => "relationship",
            Strengths => "strengths",
            Weaknesses => "weaknesses",
            Opportunities => "opportunities",
            Threats => "threats",
            Notes => "notes",
            What => "what",
            Rule => "rule",
            Until => "until",
            Reason => "reason",
            On => "on",
            ReasonCode => "reason code",
            FinalAmount => "final amount",
            PeriodTarget => "target",
            Month1 => "month 1",
            Month2 => "month 2",
            Month3 => "month 3",
            Needs => "needs",
            Benefits => "benefits",
            Differentiators => "differentiators",
            CompellingEvent => "compelling event",
            EventOn => "event date",
            DecisionProcess => "decision process",
            Team => "our team",
            Position => "position",
            CriterionKind => "kind",
            Weight => "weight",
            HeldBy => "held by",
            Standing => "standing",
            Side => "side",
            Done => "done",
            Currency => "currency",
            QuietDays => "quiet after days",
            ProbabilityQualify => "probability in qualify",
            ProbabilityDrive => "probability in drive",
            ProbabilityPropose => "probability in propose",
            ProbabilityNegotiate => "probability in negotiate",
            ProbabilityClose => "probability in close",
            StallQualify => "stalled after days in qualify",
            StallDrive => "stalled after days in drive",
            StallPropose => "stalled after days in propose",
            StallNegotiate => "stalled after days in negotiate",
            StallClose => "stalled after days in close",
            LossReasons => "loss reasons",
            WinReasons => "win reasons",
        }
    }
}
