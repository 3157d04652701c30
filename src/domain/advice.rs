//! The method's advice for working one buying influence (seed 004 and the
//! political map of seed 002): how to approach their social style, what
//! their attitude asks of us, and what their response mode predicts.

use super::words::{Attitude, Mode, SocialStyle};

/// How to approach a person of this social style (seed 004, 风格分析).
pub fn social_style(style: SocialStyle) -> &'static str {
    match style {
        SocialStyle::Analytical => crate::i18n::t(
            "Analytical (分析型): wants information, precision, data. Bring full material, facts and figures, technical detail, a demo; give them time.",
        ),
        SocialStyle::Driver => crate::i18n::t(
            "Driver (推动型): wants results. Be brief and to the point, state the purpose and the outcome, do not give too much.",
        ),
        SocialStyle::Amiable => crate::i18n::t(
            "Amiable (亲切型): wants relationship and harmony. Build the relationship, introduce friends and references, invite to user groups, keep in touch.",
        ),
        SocialStyle::Expressive => crate::i18n::t(
            "Expressive (表达型): wants recognition. Let them talk, start high-end, show what is new and advanced, praise their ideas.",
        ),
    }
}

/// What this attitude to us asks of the seller (seed 004: an opponent is
/// not an enemy; win neutrals over; develop supporters).
pub fn attitude(attitude: Attitude) -> &'static str {
    match attitude {
        Attitude::Champion => crate::i18n::t(
            "Champion (力挺): keep them armed and informed; ask them to open doors higher up and to coach you through the decision.",
        ),
        Attitude::Supporter => crate::i18n::t(
            "Supporter (支持): develop them, the more the better: find their personal win, give them material to argue for you.",
        ),
        Attitude::Neutral => crate::i18n::t(
            "Neutral (中立): win them over: learn the result they need and their personal win, and show how we deliver both.",
        ),
        Attitude::NonSupporter => crate::i18n::t(
            "Non-supporter (不支持): an opponent is not an enemy. Find out why, answer the concern, and lean on supporters they listen to.",
        ),
        Attitude::Hostile => crate::i18n::t(
            "Hostile (敌对): limit the damage: never surprise them, cover the people above and around them, raise it with your coach.",
        ),
        Attitude::Unknown => {
            crate::i18n::t("Attitude unknown: meet them and find out where they stand.")
        }
    }
}

/// What the response mode predicts (seed 000, 买方影响力的种类).
pub fn mode(mode: Mode) -> &'static str {
    match mode {
        Mode::Growth => {
            crate::i18n::t("Growth (增长型): sees a gap to the results wanted; likely to act.")
        }
        Mode::Trouble => {
            crate::i18n::t("Trouble (困难型): something is going wrong; likely to act, urgently.")
        }
        Mode::EvenKeel => {
            crate::i18n::t("Even keel (保守型): sees no gap; will not act unless you show one.")
        }
        Mode::Overconfident => crate::i18n::t(
            "Overconfident (盲目乐观型): thinks all is well; do not push, wait for reality.",
        ),
        Mode::Unknown => crate::i18n::t("Mode unknown: ask how they see the change we propose."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_attitude_and_mode_has_advice_in_the_course_terms() {
        for s in SocialStyle::ALL {
            assert!(social_style(*s).contains('型'), "{s}");
        }
        for a in Attitude::ALL {
            assert!(!attitude(*a).is_empty());
        }
        assert!(attitude(Attitude::NonSupporter).contains("not an enemy"));
        assert!(mode(Mode::EvenKeel).contains("show one"));
    }
}
