//! The closed word lists of the workspace format (spec section 1).

use super::record::words;

words! {
    /// The five stages of a complex sale, left to right.
    #[derive(Default)]
    pub enum Stage ("stage") {
        #[default]
        Qualify = "qualify",
        Drive = "drive",
        Propose = "propose",
        Negotiate = "negotiate",
        Close = "close",
    }
}

impl Stage {
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }

    /// Position from 0 (qualify) to 4 (close).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage as screens and reports name it: `negotiate 商务洽谈` in
    /// English (the course's name beside the word), `商务洽谈` alone in
    /// Chinese.
    pub fn name(self) -> String {
        match crate::i18n::lang() {
            crate::i18n::Lang::En => format!("{} {}", self.as_str(), self.chinese()),
            crate::i18n::Lang::Zh => self.chinese().to_owned(),
        }
    }

    /// The Chinese name a seller trained on the course knows.
    pub fn chinese(self) -> &'static str {
        match self {
            Stage::Qualify => "确认商机",
            Stage::Drive => "主导进程",
            Stage::Propose => "方案论证",
            Stage::Negotiate => "商务洽谈",
            Stage::Close => "销售成交",
        }
    }
}

words! {
    /// How a closed opportunity ended.
    #[derive(Default)]
    pub enum OutcomeResult ("outcome") {
        Won = "won",
        #[default]
        Lost = "lost",
        Abandoned = "abandoned",
    }
}

words! {
    /// Account tier (seed 001).
    pub enum Tier ("tier") {
        Key = "key",
        Regular = "regular",
        Small = "small",
    }
}

words! {
    /// Relationship development stage (seed 004).
    pub enum Relationship ("relationship stage") {
        PreKam = "pre_kam",
        Early = "early",
        Mid = "mid",
        Partnership = "partnership",
        Synergistic = "synergistic",
    }
}

words! {
    /// The four buying roles.
    pub enum Role ("role") {
        Economic = "economic",
        User = "user",
        Technical = "technical",
        Coach = "coach",
    }
}

words! {
    /// Place in the political map's decision (A, D, C, E, U).
    pub enum DecisionRole ("decision role") {
        Approver = "approver",
        DecisionMaker = "decision_maker",
        Consultant = "consultant",
        Evaluator = "evaluator",
        User = "user",
    }
}

words! {
    /// Attitude to us (`*` `+` `=` `-` `X` `?`).
    #[derive(Default)]
    pub enum Attitude ("attitude") {
        Champion = "champion",
        Supporter = "supporter",
        Neutral = "neutral",
        NonSupporter = "non_supporter",
        Hostile = "hostile",
        #[default]
        Unknown = "unknown",
    }
}

impl Attitude {
    pub fn symbol(self) -> char {
        match self {
            Attitude::Champion => '*',
            Attitude::Supporter => '+',
            Attitude::Neutral => '=',
            Attitude::NonSupporter => '-',
            Attitude::Hostile => 'X',
            Attitude::Unknown => '?',
        }
    }
}

words! {
    /// Response mode: how an influence sees the change we propose.
    #[derive(Default)]
    pub enum Mode ("mode") {
        Growth = "growth",
        Trouble = "trouble",
        EvenKeel = "even_keel",
        Overconfident = "overconfident",
        #[default]
        Unknown = "unknown",
    }
}

words! {
    /// Influence over the decision.
    pub enum Level ("influence level") {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
}

words! {
    /// Buying focus (V, R, $, P, T).
    pub enum Focus ("focus") {
        Value = "value",
        Relationship = "relationship",
        Commercial = "commercial",
        Process = "process",
        Technical = "technical",
    }
}

words! {
    /// Social style (seed 004).
    pub enum SocialStyle ("social style") {
        Analytical = "analytical",
        Driver = "driver",
        Amiable = "amiable",
        Expressive = "expressive",
    }
}

words! {
    /// Where a deal stands in the forecast (spec section 8), as the big
    /// CRMs name it: counted on, could come in, in the pipeline, left out.
    pub enum ForecastCategory ("forecast category") {
        Commit = "commit",
        BestCase = "best_case",
        Pipeline = "pipeline",
        Omitted = "omitted",
    }
}

words! {
    /// Where we stand against a competitor, or on a decision criterion
    /// (spec section 9).
    #[derive(Default)]
    pub enum Standing ("standing") {
        Ahead = "ahead",
        Even = "even",
        Behind = "behind",
        #[default]
        Unknown = "unknown",
    }
}

words! {
    /// What a decision criterion judges (seed 002: the technical and the
    /// commercial scoring criteria, plus the person's own and the process).
    #[derive(Default)]
    pub enum CriterionKind ("criterion kind") {
        #[default]
        Technical = "technical",
        Commercial = "commercial",
        Personal = "personal",
        Process = "process",
    }
}

words! {
    /// Whose step a close-plan step is.
    #[derive(Default)]
    pub enum Side ("side") {
        Customer = "customer",
        #[default]
        Us = "us",
        Both = "both",
    }
}

words! {
    /// What an action is (spec section 10): a call, meeting or visit is a
    /// conversation, planned with a Green Sheet and debriefed when done.
    pub enum ActionKind ("action kind") {
        Call = "call",
        Meeting = "meeting",
        Visit = "visit",
        Email = "email",
        Task = "task",
    }
}

impl ActionKind {
    /// A call, a meeting or a visit: a conversation with the customer,
    /// which the method plans (the Green Sheet) and debriefs.
    pub fn is_conversation(self) -> bool {
        matches!(
            self,
            ActionKind::Call | ActionKind::Meeting | ActionKind::Visit
        )
    }

    /// A conversation or an email: done with a person, it is the last time
    /// we were in touch with them (their `last_contact`).
    pub fn is_contact(self) -> bool {
        self.is_conversation() || self == ActionKind::Email
    }
}

words! {
    /// What a conversation ended with (the Green Sheet's debrief): the best
    /// commitment we aimed for, the minimum acceptable one, or neither.
    #[derive(Default)]
    pub enum Commitment ("commitment") {
        Best = "best",
        Minimum = "minimum",
        #[default]
        Nothing = "none",
    }
}

impl Standing {
    /// The mark a list shows: ▲ ahead, = even, ▼ behind, ? unknown.
    pub fn symbol(self) -> &'static str {
        match self {
            Standing::Ahead => "▲",
            Standing::Even => "=",
            Standing::Behind => "▼",
            Standing::Unknown => "?",
        }
    }
}

impl ForecastCategory {
    /// The category a probability (0 to 100) gives a deal whose category is
    /// not set: 90 or more commit, 60 or more best case, above 0 pipeline,
    /// 0 omitted.
    pub fn from_probability(percent: u8) -> ForecastCategory {
        match percent {
            90.. => ForecastCategory::Commit,
            60..=89 => ForecastCategory::BestCase,
            1..=59 => ForecastCategory::Pipeline,
            0 => ForecastCategory::Omitted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_step_left_and_right() {
        assert_eq!(Stage::Qualify.next(), Some(Stage::Drive));
        assert_eq!(Stage::Close.next(), None);
        assert_eq!(Stage::Qualify.previous(), None);
        assert_eq!(Stage::Close.previous(), Some(Stage::Negotiate));
        assert!(Stage::Drive < Stage::Negotiate);
    }

    #[test]
    fn unknown_words_name_what_is_accepted() {
        let e = serde_json::from_str::<Stage>("\"qualfy\"")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "unknown stage \"qualfy\", expected one of qualify, drive, propose, negotiate, close"
            ),
            "{e}"
        );
    }

    #[test]
    fn words_round_trip_their_spelling() {
        for a in Attitude::ALL {
            let s = serde_json::to_string(a).unwrap();
            assert_eq!(&serde_json::from_str::<Attitude>(&s).unwrap(), a);
        }
        assert_eq!(
            DecisionRole::parse("decision_maker"),
            Some(DecisionRole::DecisionMaker)
        );
        assert_eq!(Relationship::PreKam.as_str(), "pre_kam");
    }
}
